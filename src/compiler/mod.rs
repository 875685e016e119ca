//! The compiler: AST → code objects (third stage of the pipeline).
//!
//! [`compile`] first builds the symbol table (`symtable.rs`), then walks the AST once emitting
//! bytecode into a stack of [`Unit`]s, one per code object being built (module, class body,
//! function, lambda, comprehension). Statements live in `stmt.rs`, expressions in `expr.rs`,
//! functions/classes/comprehensions in `defs.rs`, constant folding in `fold.rs`, and the
//! disassembler for tests and `pyt dis` in `dis.rs`. Jumps are emitted against label ids and
//! resolved to instruction indexes when a unit is finished.

pub mod bytecode;
mod defs;
pub mod dis;
mod expr;
mod fold;
mod stmt;
mod superinstr;
pub mod symtable;

#[cfg(test)]
mod codegen_tests;
#[cfg(test)]
mod golden_tests;
#[cfg(test)]
mod test_ast;
#[cfg(test)]
mod verify;

use crate::diagnostics::Diagnostic;
use crate::parser::ast::{self, Name, Stmt};
use crate::source::{SourceFile, Span};
use bytecode::{CodeKind, CodeObject, ConstValue, Instr, Label};
use std::collections::HashMap;
use std::sync::Arc;
use symtable::{mangle, Resolved, ScopeId, ScopeKind, SymbolTable};

pub use dis::{disassemble, disassemble_source};

/// How a module's top-level expression statements behave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A file or `-c`: expression values are discarded.
    Exec,
    /// One REPL input: each top-level expression statement's value is echoed (PrintExpr).
    Interactive,
}

/// Compile a parsed module into its code object.
pub fn compile(
    module: &ast::Module,
    src: &Arc<SourceFile>,
    mode: Mode,
) -> Result<Arc<CodeObject>, Diagnostic> {
    let table = symtable::build(module)?;
    let mut c = Compiler {
        src: src.clone(),
        table,
        mode,
        units: Vec::new(),
        code_cache: HashMap::new(),
        py2: module.py2,
    };
    c.enter_unit(
        0,
        CodeKind::Module,
        Arc::from("<module>"),
        Arc::from("<module>"),
        1,
        None,
    );
    c.compile_module_body(&module.body)?;
    let code = c.leave_unit()?;
    Ok(Arc::new(code))
}

/// CPython's CO_MAXBLOCKS: more statically nested loops/try/with blocks is a SyntaxError.
const MAX_NESTED_BLOCKS: usize = 20;

/// How an expression is used as an assignment/deletion target or value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

/// A control-flow block that `return`/`break`/`continue` must unwind on the way out.
#[derive(Clone)]
pub(crate) enum FBlock<'a> {
    While {
        start: Label,
        end: Label,
    },
    /// The iterator is on the stack.
    For {
        start: Label,
        end: Label,
    },
    /// A `SetupExcept` for except clauses is active.
    TryExcept,
    /// A `SetupExcept` for a finally is active; leaving inlines the finally body.
    FinallyTry {
        body: &'a [Stmt],
    },
    /// Running a finally body on the exceptional path: the exception is on the stack and an
    /// ExceptHandler block is active.
    FinallyEnd,
    /// Inside a finally body inlined on a `return` path: the return value is on the stack.
    PopValue,
    /// Inside a with body: the bound `__exit__` is on the stack and its handler block is active.
    With,
    /// Inside an except clause body: an ExceptHandler block is active; `name` is the `as` name.
    HandlerCleanup {
        name: Option<Name>,
    },
}

/// Hashable identity of a constant, for deduplication (floats by bits, so `0.0` and `-0.0`
/// stay distinct; code objects by address).
#[derive(Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Ellipsis,
    Int(i64),
    BigInt(String),
    Float(u64),
    Imag(u64),
    Str(Arc<str>),
    Bytes(Arc<[u8]>),
    Tuple(Vec<ConstKey>),
    Code(usize),
}

fn const_key(c: &ConstValue) -> ConstKey {
    use crate::lexer::token::IntLit;
    match c {
        ConstValue::None => ConstKey::None,
        ConstValue::Bool(b) => ConstKey::Bool(*b),
        ConstValue::Ellipsis => ConstKey::Ellipsis,
        ConstValue::Int(IntLit::Small(i)) => ConstKey::Int(*i),
        ConstValue::Int(IntLit::Big(s)) => ConstKey::BigInt(s.clone()),
        ConstValue::Float(f) => ConstKey::Float(f.to_bits()),
        ConstValue::Imag(f) => ConstKey::Imag(f.to_bits()),
        ConstValue::Str(s) => ConstKey::Str(s.clone()),
        ConstValue::Bytes(b) => ConstKey::Bytes(b.clone()),
        ConstValue::Tuple(items) => ConstKey::Tuple(items.iter().map(const_key).collect()),
        ConstValue::Code(code) => ConstKey::Code(Arc::as_ptr(code) as usize),
    }
}

/// One code object under construction.
pub(crate) struct Unit<'a> {
    scope: ScopeId,
    kind: CodeKind,
    name: Name,
    qualname: Name,
    first_line: u32,
    instrs: Vec<Instr>,
    spans: Vec<Span>,
    consts: Vec<ConstValue>,
    const_index: HashMap<ConstKey, u32>,
    names: Vec<Name>,
    name_index: HashMap<Name, u32>,
    varnames: Vec<Name>,
    var_index: HashMap<Name, u32>,
    cellvars: Vec<Name>,
    freevars: Vec<Name>,
    /// Label id → instruction index, once placed.
    labels: Vec<Option<u32>>,
    fblocks: Vec<FBlock<'a>>,
    /// The enclosing class name, for private name mangling.
    private: Option<Name>,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    has_varargs: bool,
    has_varkw: bool,
    docstring: Option<Arc<str>>,
}

pub(crate) struct Compiler<'a> {
    src: Arc<SourceFile>,
    table: SymbolTable,
    mode: Mode,
    units: Vec<Unit<'a>>,
    /// Finished code objects by AST node (see `defs.rs`).
    code_cache: HashMap<usize, Arc<CodeObject>>,
    /// The module was parsed in Python 2 compatibility mode (stamped on every code object).
    py2: bool,
}

/// The label a jump instruction targets, if it is one.
pub(crate) fn jump_target(i: &Instr) -> Option<Label> {
    match *i {
        Instr::Jump(l)
        | Instr::PopJumpIfFalse(l)
        | Instr::PopJumpIfTrue(l)
        | Instr::JumpIfFalseOrPop(l)
        | Instr::JumpIfTrueOrPop(l)
        | Instr::ForIter(l)
        | Instr::SetupExcept(l)
        | Instr::BeforeWith(l) => Some(l),
        _ => None,
    }
}

fn retarget(i: Instr, to: Label) -> Instr {
    match i {
        Instr::Jump(_) => Instr::Jump(to),
        Instr::PopJumpIfFalse(_) => Instr::PopJumpIfFalse(to),
        Instr::PopJumpIfTrue(_) => Instr::PopJumpIfTrue(to),
        Instr::JumpIfFalseOrPop(_) => Instr::JumpIfFalseOrPop(to),
        Instr::JumpIfTrueOrPop(_) => Instr::JumpIfTrueOrPop(to),
        Instr::ForIter(_) => Instr::ForIter(to),
        Instr::SetupExcept(_) => Instr::SetupExcept(to),
        Instr::BeforeWith(_) => Instr::BeforeWith(to),
        other => other,
    }
}

/// How many `Jump`s in a row jump threading follows (a chain longer than this is left as is;
/// it also stops a `while True: pass` self-loop from spinning).
const MAX_JUMP_THREADING: usize = 16;

impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit<'a> {
        // `units` is never empty between enter_unit of the module and its leave_unit.
        let last = self.units.len() - 1;
        &mut self.units[last]
    }

    fn unit_ref(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    pub(crate) fn scope_kind(&self) -> ScopeKind {
        self.table.scopes[self.unit_ref().scope].kind
    }

    pub(crate) fn enter_unit(
        &mut self,
        scope: ScopeId,
        kind: CodeKind,
        name: Name,
        qualname: Name,
        first_line: u32,
        private: Option<Name>,
    ) {
        let sc = &self.table.scopes[scope];
        let varnames = sc.params.clone();
        let var_index = varnames
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
        let cellvars = sc.cellvars();
        let freevars = sc.freevars();
        self.units.push(Unit {
            scope,
            kind,
            name,
            qualname,
            first_line,
            instrs: Vec::new(),
            spans: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames,
            var_index,
            cellvars,
            freevars,
            labels: Vec::new(),
            fblocks: Vec::new(),
            private,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            has_varargs: false,
            has_varkw: false,
            docstring: None,
        });
    }

    /// Finish the innermost unit: place labels, thread jumps, build the code object.
    pub(crate) fn leave_unit(&mut self) -> Result<CodeObject, Diagnostic> {
        let Some(u) = self.units.pop() else {
            return Err(Diagnostic::syntax(
                "internal compiler error: no code unit",
                Span::default(),
            ));
        };
        let len = u.instrs.len() as u32;
        let resolve =
            |l: Label| -> u32 { u.labels.get(l as usize).copied().flatten().unwrap_or(len) };
        let mut instrs: Vec<Instr> = u
            .instrs
            .iter()
            .map(|i| jump_target(i).map_or(*i, |l| retarget(*i, resolve(l))))
            .collect();
        thread_jumps(&mut instrs);
        superinstr::mark(&mut instrs);
        let cell2arg = u
            .cellvars
            .iter()
            .map(|c| {
                u.var_index
                    .get(c)
                    .copied()
                    .filter(|&i| (i as usize) < self.table.scopes[u.scope].params.len())
            })
            .collect();
        let sc = &self.table.scopes[u.scope];
        Ok(CodeObject {
            kind: u.kind,
            name: u.name,
            qualname: u.qualname,
            source: self.src.clone(),
            first_line: u.first_line,
            instrs,
            spans: u.spans,
            consts: u.consts,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            cell2arg,
            freevars: u.freevars,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            has_varargs: u.has_varargs,
            has_varkw: u.has_varkw,
            is_generator: sc.is_generator,
            docstring: u.docstring,
            py2: self.py2,
        })
    }

    // ---- emission helpers ----

    pub(crate) fn emit(&mut self, i: Instr, span: Span) {
        let u = self.unit();
        u.instrs.push(i);
        u.spans.push(span);
    }

    pub(crate) fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(None);
        (u.labels.len() - 1) as Label
    }

    pub(crate) fn place(&mut self, l: Label) {
        let u = self.unit();
        let here = u.instrs.len() as u32;
        if let Some(slot) = u.labels.get_mut(l as usize) {
            *slot = Some(here);
        }
    }

    pub(crate) fn add_const(&mut self, c: ConstValue) -> u32 {
        let u = self.unit();
        let key = const_key(&c);
        if let Some(&i) = u.const_index.get(&key) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(c);
        u.const_index.insert(key, i);
        i
    }

    pub(crate) fn load_const(&mut self, c: ConstValue, span: Span) {
        let i = self.add_const(c);
        self.emit(Instr::LoadConst(i), span);
    }

    pub(crate) fn add_name(&mut self, n: &Name) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.name_index.get(n) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(n.clone());
        u.name_index.insert(n.clone(), i);
        i
    }

    fn add_varname(&mut self, n: &Name) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.var_index.get(n) {
            return i;
        }
        let i = u.varnames.len() as u32;
        u.varnames.push(n.clone());
        u.var_index.insert(n.clone(), i);
        i
    }

    /// The deref slot (cellvars ++ freevars) of a name, if it has one.
    pub(crate) fn deref_slot(&self, n: &str) -> Option<u32> {
        let u = self.unit_ref();
        if let Some(i) = u.cellvars.iter().position(|c| &**c == n) {
            return Some(i as u32);
        }
        u.freevars
            .iter()
            .position(|c| &**c == n)
            .map(|i| (u.cellvars.len() + i) as u32)
    }

    pub(crate) fn mangle(&self, n: &Name) -> Name {
        mangle(self.unit_ref().private.as_deref(), n)
    }

    /// Load, store or delete a variable, choosing the instruction from its resolved scope.
    pub(crate) fn name_op(&mut self, name: &Name, ctx: Ctx, span: Span) -> Result<(), Diagnostic> {
        if &**name == "__debug__" {
            return match ctx {
                Ctx::Load => {
                    self.load_const(ConstValue::Bool(true), span);
                    Ok(())
                }
                Ctx::Store => Err(Diagnostic::syntax("cannot assign to __debug__", span)),
                Ctx::Del => Err(Diagnostic::syntax("cannot delete __debug__", span)),
            };
        }
        let mangled = self.mangle(name);
        let scope_kind = self.scope_kind();
        let resolved = self.table.scopes[self.unit_ref().scope].lookup(&mangled);
        let instr = match resolved {
            Resolved::Free | Resolved::Cell => {
                let slot = self
                    .deref_slot(&mangled)
                    .ok_or_else(|| internal(span, "missing deref slot"))?;
                match ctx {
                    Ctx::Load if scope_kind == ScopeKind::Class => Instr::LoadClassDeref {
                        name: self.add_name(&mangled),
                        slot,
                    },
                    Ctx::Load => Instr::LoadDeref(slot),
                    Ctx::Store => Instr::StoreDeref(slot),
                    Ctx::Del => Instr::DeleteDeref(slot),
                }
            }
            Resolved::Local if scope_kind == ScopeKind::Function => {
                let i = self.add_varname(&mangled);
                match ctx {
                    Ctx::Load => Instr::LoadFast(i),
                    Ctx::Store => Instr::StoreFast(i),
                    Ctx::Del => Instr::DeleteFast(i),
                }
            }
            Resolved::GlobalExplicit | Resolved::GlobalImplicit
                if resolved == Resolved::GlobalExplicit || scope_kind == ScopeKind::Function =>
            {
                let i = self.add_name(&mangled);
                match ctx {
                    Ctx::Load => Instr::LoadGlobal(i),
                    Ctx::Store => Instr::StoreGlobal(i),
                    Ctx::Del => Instr::DeleteGlobal(i),
                }
            }
            _ => {
                let i = self.add_name(&mangled);
                match ctx {
                    Ctx::Load => Instr::LoadName(i),
                    Ctx::Store => Instr::StoreName(i),
                    Ctx::Del => Instr::DeleteName(i),
                }
            }
        };
        self.emit(instr, span);
        Ok(())
    }

    pub(crate) fn push_fblock(&mut self, fb: FBlock<'a>, span: Span) -> Result<(), Diagnostic> {
        if self.unit_ref().fblocks.len() >= MAX_NESTED_BLOCKS {
            return Err(Diagnostic::syntax(
                "too many statically nested blocks",
                span,
            ));
        }
        self.unit().fblocks.push(fb);
        Ok(())
    }

    pub(crate) fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    fn compile_module_body(&mut self, body: &'a [Stmt]) -> Result<(), Diagnostic> {
        // A REPL input has no docstring: a lone string literal is echoed like any expression.
        let doc = match self.mode {
            Mode::Exec => docstring_of(body),
            Mode::Interactive => None,
        };
        let rest = match doc {
            Some(doc) => {
                self.unit().docstring = Some(doc.clone());
                let span = body[0].span;
                self.load_const(ConstValue::Str(doc), span);
                let n = self.add_name(&Arc::from("__doc__"));
                self.emit(Instr::StoreName(n), span);
                &body[1..]
            }
            None => body,
        };
        for s in rest {
            self.compile_stmt(s)?;
        }
        let span = body.last().map_or(Span::default(), |s| s.span);
        self.load_const(ConstValue::None, span);
        self.emit(Instr::ReturnValue, span);
        Ok(())
    }
}

/// The docstring of a body: its first statement, if that is a string literal.
pub(crate) fn docstring_of(body: &[Stmt]) -> Option<Arc<str>> {
    match &body.first()?.kind {
        ast::StmtKind::Expr(ast::Expr {
            kind: ast::ExprKind::Constant(ast::Constant::Str(s)),
            ..
        }) => Some(s.clone()),
        _ => None,
    }
}

pub(crate) fn internal(span: Span, what: &str) -> Diagnostic {
    Diagnostic::syntax(format!("internal compiler error: {what}"), span)
}

/// Point jumps whose target is an unconditional `Jump` straight at its final target.
fn thread_jumps(instrs: &mut [Instr]) {
    for pc in 0..instrs.len() {
        let i = instrs[pc];
        let threadable = matches!(
            i,
            Instr::Jump(_)
                | Instr::PopJumpIfFalse(_)
                | Instr::PopJumpIfTrue(_)
                | Instr::JumpIfFalseOrPop(_)
                | Instr::JumpIfTrueOrPop(_)
        );
        if !threadable {
            continue;
        }
        let Some(mut target) = jump_target(&i) else {
            continue;
        };
        for _ in 0..MAX_JUMP_THREADING {
            match instrs.get(target as usize) {
                Some(Instr::Jump(next)) if *next != target => target = *next,
                _ => break,
            }
        }
        instrs[pc] = retarget(i, target);
    }
}
