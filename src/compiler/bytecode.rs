//! Bytecode: the instruction set, code objects and their constants.
//!
//! This is the contract between the compiler (which writes it) and the VM (which runs it).
//! The compiler never sees runtime values: constants are [`ConstValue`]s that the VM turns into
//! values once per code object. Every instruction has one doc line: operands, then the stack
//! effect as `before -> after` with the top of stack rightmost.
//!
//! Exceptions use a per-frame block stack (CPython 3.8's model): `SetupExcept` pushes a handler;
//! when an exception unwinds to it the VM truncates the value stack to the block's level, pushes
//! an `ExceptHandler` block that remembers the previously handled exception, pushes the exception
//! and jumps to the handler. `PopExcept` pops that block and restores the previous exception.
//! `finally` bodies on normal exits (fall-through, return, break, continue) are inlined by the
//! compiler at each exit; only the exceptional path goes through a handler.

use crate::lexer::token::IntLit;
use crate::parser::ast::{BinOp, CmpOp};
use crate::source::{SourceFile, Span};
use std::sync::Arc;

/// An instruction operand that names a jump target: an index into `CodeObject::instrs`.
pub type Label = u32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instr {
    /// No effect.
    Nop,
    /// `consts[i]`: -> value
    LoadConst(u32),
    /// value ->
    Pop,
    /// a -> a a
    Dup,
    /// a b -> a b a b
    Dup2,
    /// a b -> b a
    Rot2,
    /// a b c -> c a b
    Rot3,
    /// a b c d -> d a b c
    Rot4,

    /// `varnames[i]`: -> value (UnboundLocalError if unset)
    LoadFast(u32),
    /// `LoadFast(i)`, written by `superinstr` where the next two instructions are a
    /// `LoadConst`/`LoadFast` and a `BinaryOp`/`InplaceOp`/`CompareOp`/`BinarySubscr`: the VM
    /// may run the three at once on the common operands, reading both without a copy.
    /// -> value
    LoadFastPair(u32),
    /// `LoadFast(i)`, written by `superinstr` where the next instruction is a `LoadAttr`: the
    /// VM may run both at once, reading the attribute through the local. -> value
    LoadFastAttr(u32),
    /// value -> ; sets `varnames[i]`
    StoreFast(u32),
    /// `del varnames[i]` (UnboundLocalError if unset)
    DeleteFast(u32),
    /// deref slot i (cellvars ++ freevars): -> value (NameError/UnboundLocalError if empty:
    /// "cannot access free variable 'x' where it is not associated with a value in enclosing scope"
    /// for a free var, UnboundLocalError for a cell var)
    LoadDeref(u32),
    /// value -> ; stores into deref slot i
    StoreDeref(u32),
    /// empties deref slot i
    DeleteDeref(u32),
    /// -> cell ; pushes the cell object of deref slot i itself (to build a closure tuple)
    LoadClosure(u32),
    /// In a class body: `names[i]` looked up in the class namespace first, then deref slot j.
    /// -> value
    LoadClassDeref { name: u32, slot: u32 },
    /// `names[i]` via locals dict, then globals, then builtins (module and class bodies): -> value
    LoadName(u32),
    /// value -> ; `locals[names[i]] = value`
    StoreName(u32),
    /// del locals[names[i]] (NameError if missing)
    DeleteName(u32),
    /// `names[i]` via globals then builtins: -> value (NameError if missing)
    LoadGlobal(u32),
    /// value -> ; `globals[names[i]] = value`
    StoreGlobal(u32),
    /// del globals[names[i]]
    DeleteGlobal(u32),

    /// obj -> obj.names[i]
    LoadAttr(u32),
    /// value obj -> ; obj.names[i] = value
    StoreAttr(u32),
    /// obj -> ; del obj.names[i]
    DeleteAttr(u32),
    /// obj -> meth self   (or  obj -> attr NULL-marker when not a plain method); paired with
    /// CallMethod. The VM may implement it as LoadAttr plus a marker; the compiler only relies on
    /// `LoadMethod(n) args... CallMethod(argc)` meaning `obj.name(args...)`.
    LoadMethod(u32),
    /// meth self arg1..argN -> result   (see LoadMethod); N = argc
    CallMethod(u32),

    /// container index -> container[index]
    BinarySubscr,
    /// value container index -> ; container[index] = value
    StoreSubscr,
    /// container index -> ; del container[index]
    DeleteSubscr,

    /// a b -> a op b
    BinaryOp(BinOp),
    /// a b -> (a op= b)  (tries __iop__ first, then falls back to the binary op)
    InplaceOp(BinOp),
    /// a -> -a
    UnaryNegative,
    /// a -> +a
    UnaryPositive,
    /// a -> ~a
    UnaryInvert,
    /// a -> not a
    UnaryNot,
    /// a b -> a op b   (including in, not in, is, is not)
    CompareOp(CmpOp),

    /// x1..xn -> (x1, .., xn)
    BuildTuple(u32),
    /// x1..xn -> [x1, .., xn]
    BuildList(u32),
    /// x1..xn -> {x1, .., xn}
    BuildSet(u32),
    /// k1 v1 .. kn vn -> {k1: v1, ..}
    BuildMap(u32),
    /// lower upper -> slice   (n = 2)  or  lower upper step -> slice  (n = 3)
    BuildSlice(u32),
    /// s1..sn -> s1 + .. + sn   (n strs, for f-strings)
    BuildString(u32),
    /// value -> str  ; `conversion` 0 none, 1 !s, 2 !r, 3 !a; with `has_spec` the stack is
    /// value spec -> str
    FormatValue { conversion: u8, has_spec: bool },
    /// list x1..x(d-1) item -> list x1..x(d-1) ; list.append(item), list at depth d below item
    ListAppend(u32),
    /// set .. item -> set .. ; as ListAppend
    SetAdd(u32),
    /// dict .. key value -> dict .. ; dict[key] = value, dict at depth d below the pair
    MapAdd(u32),
    /// list .. iterable -> list .. ; list.extend(iterable), list at depth d below it
    ListExtend(u32),
    /// set .. iterable -> set .. ; set.update(iterable)
    SetUpdate(u32),
    /// dict .. mapping -> dict .. ; dict.update(mapping)  (for `{**m}`)
    DictUpdate(u32),
    /// dict .. mapping -> dict .. ; like DictUpdate but a repeated key is
    /// "TypeError: f() got multiple values for keyword argument 'k'" (for `f(**m)`);
    /// the callable sits at depth d+2 so the message can name it
    DictMerge(u32),
    /// list -> tuple
    ListToTuple,

    /// seq -> xn .. x1   (TOS is the first item; ValueError on a length mismatch)
    UnpackSequence(u32),
    /// seq -> after items.. list before items..  for `a, *b, c = seq` (TOS is the first item)
    UnpackEx { before: u32, after: u32 },

    /// Jump to the label.
    Jump(Label),
    /// cond -> ; jump if falsy
    PopJumpIfFalse(Label),
    /// cond -> ; jump if truthy
    PopJumpIfTrue(Label),
    /// cond -> cond (and jump) if falsy, else cond ->
    JumpIfFalseOrPop(Label),
    /// cond -> cond (and jump) if truthy, else cond ->
    JumpIfTrueOrPop(Label),

    /// iterable -> iterator
    GetIter,
    /// iterator -> iterator next  ;  when exhausted: iterator -> (popped) and jump to the label
    ForIter(Label),

    /// f a1..an -> f(a1..an)
    Call(u32),
    /// f a1..an k1..km -> f(a1.., k1=.., ..) ; `kwnames` is a const index of a tuple of the m
    /// keyword names; `argc` = n + m
    CallKw { argc: u32, kwnames: u32 },
    /// f args_tuple -> f(*args)   or with `has_kwargs`: f args_tuple kwargs_dict -> f(*a, **k)
    CallEx { has_kwargs: bool },

    /// [defaults tuple] [kwdefaults dict] [closure tuple] code -> function ; flag bits say which
    /// of the optional items are present (MAKE_FN_DEFAULTS, MAKE_FN_KWDEFAULTS, MAKE_FN_CLOSURE),
    /// in that order from the bottom
    MakeFunction(u32),
    /// value -> (returns from the frame)
    ReturnValue,
    /// value -> sent   (suspends a generator; resumes with the value sent, None for next())
    YieldValue,
    /// iterable -> iterator  (for `yield from`: a generator is kept, anything else gets iter())
    GetYieldFromIter,
    /// iterator sent -> iterator sent'  ... delegates one step of `yield from`: sends `sent` into
    /// the iterator; if it yields, the frame suspends yielding that value and on resume re-runs
    /// this instruction with the newly sent value; when it finishes, pops both and pushes the
    /// StopIteration value, then continues with the next instruction.
    YieldFrom,

    /// fromlist -> module ; `import names[name]` with relative `level`; fromlist is None or a
    /// tuple of strs (with a fromlist the module itself is pushed, not the top package)
    ImportName { name: u32, level: u32 },
    /// module -> module attr ; `from module import names[i]`
    /// (ImportError: cannot import name 'x' from 'm' (path))
    ImportFrom(u32),
    /// module -> ; `from module import *` into the current namespace
    ImportStar,

    /// `raise`: 0 -> re-raise the handled exception; 1: exc -> ; 2: exc cause ->
    Raise(u32),
    /// exc -> (re-raises exc, keeping its traceback; ends a handler that did not match, or a
    /// finally on the exceptional path)
    Reraise,
    /// Push a handler block: an exception unwinding to it jumps to the label with the stack cut
    /// back to the current level and the exception pushed.
    SetupExcept(Label),
    /// Pop the innermost handler block (normal exit from the protected region).
    PopBlock,
    /// Pop the ExceptHandler block of the handler being left and restore the previously handled
    /// exception (leaving an except/finally handler normally, or via return/break/continue).
    PopExcept,
    /// exc types -> exc bool  ; isinstance-style match of `exc` against a class or a tuple
    /// (TypeError "catching classes that do not inherit from BaseException is not allowed")
    CheckExcMatch,

    /// mgr -> exit enter_result ; calls `type(mgr).__enter__(mgr)`, keeps the bound `__exit__`,
    /// and pushes a handler block (as SetupExcept) jumping to the label, its level taken after
    /// `exit` is pushed
    BeforeWith(Label),
    /// exit -> ; calls exit(None, None, None) (normal exit, after PopBlock)
    WithExit,
    /// exit exc -> exit exc result ; calls exit(type(exc), exc, exc.__traceback__) on the
    /// exceptional path (at the BeforeWith handler); the compiler follows with
    /// `PopJumpIfTrue suppress; Reraise; suppress: PopExcept; Pop; Pop`
    WithExceptStart,

    /// -> AssertionError  (the builtin class, whatever the name is bound to)
    LoadAssertionError,
    /// -> __build_class__  (the builtin that runs a class body and builds the class)
    LoadBuildClass,
    /// In a class body: -> the namespace dict being filled
    LoadLocals,
    /// value -> ; the REPL's echo: prints repr(value) unless None and stores it in `_`
    PrintExpr,
    /// Python 2's print statement, one item: `value ->` to `sys.stdout`, or with the operand
    /// true `file value ->`; writes a space first if the file's softspace flag is set
    PrintItem(bool),
    /// Python 2's print statement, the line end: `->` to `sys.stdout`, or `file ->`
    PrintNewline(bool),
    /// Python 2's `/` (`/=` with the operand true): a b -> a / b, floor division when both
    /// are ints, true division otherwise
    Py2Divide(bool),
}

/// MakeFunction flag: a tuple of positional defaults is on the stack.
pub const MAKE_FN_DEFAULTS: u32 = 0x01;
/// MakeFunction flag: a dict of keyword-only defaults is on the stack.
pub const MAKE_FN_KWDEFAULTS: u32 = 0x02;
/// MakeFunction flag: a tuple of cells (the closure) is on the stack.
pub const MAKE_FN_CLOSURE: u32 = 0x08;

/// A compile-time constant; the VM turns each into a runtime value once per code object.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    None,
    Bool(bool),
    Ellipsis,
    Int(IntLit),
    Float(f64),
    Imag(f64),
    Str(Arc<str>),
    Bytes(Arc<[u8]>),
    Tuple(Vec<ConstValue>),
    Code(Arc<CodeObject>),
}

/// What kind of scope a code object runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    /// A module body (or `-c`, or a REPL input): names through the module's globals dict.
    Module,
    /// A class body: names through the class namespace dict; run by `__build_class__`.
    Class,
    /// A def, lambda or comprehension: locals in slots.
    Function,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub kind: CodeKind,
    /// `f`, `<lambda>`, `<listcomp>`, `<genexpr>`, `<module>`, or the class name.
    pub name: Arc<str>,
    /// `C.f.<locals>.g` as CPython's `__qualname__`.
    pub qualname: Arc<str>,
    pub source: Arc<SourceFile>,
    /// Line of the `def`/`class`/`lambda` (1 for a module).
    pub first_line: u32,
    pub instrs: Vec<Instr>,
    /// One per instruction: the source span it came from (tracebacks, carets).
    pub spans: Vec<Span>,
    pub consts: Vec<ConstValue>,
    /// Names used by *Name, *Global, *Attr, LoadMethod, Import* instructions.
    pub names: Vec<Arc<str>>,
    /// Local slot names; parameters first, in order: posonly, args, kwonly, *args, **kwargs.
    pub varnames: Vec<Arc<str>>,
    /// Names of cells this code creates (captured by inner scopes).
    pub cellvars: Vec<Arc<str>>,
    /// For each cellvar, the parameter slot it is initialised from, if it is a parameter.
    pub cell2arg: Vec<Option<u32>>,
    /// Names of cells received through the closure.
    pub freevars: Vec<Arc<str>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub has_varargs: bool,
    pub has_varkw: bool,
    pub is_generator: bool,
    /// The docstring, if the body starts with a string literal.
    pub docstring: Option<Arc<str>>,
    /// Compiled from a file in Python 2 compatibility mode: the VM falls back to Python 2's
    /// builtins, methods and module names when a lookup fails (`vm/py2.rs`).
    pub py2: bool,
}

impl CodeObject {
    /// The 1-based source line of instruction `pc`.
    pub fn line_of(&self, pc: usize) -> u32 {
        match self.spans.get(pc) {
            Some(span) => self.source.line_of(span.start),
            None => self.first_line,
        }
    }
}
