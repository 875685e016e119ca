//! The eval loop: runs frames on the current OS thread.
//!
//! Python-to-Python calls push a frame on `frames` and keep looping, so deep Python recursion
//! does not recurse on the Rust stack; only calls that go through native code (a `key=`
//! function, `__repr__`, a class instantiation) start a nested `eval`. Exceptions unwind through
//! the block stack of each frame, recording one traceback entry per frame they pass.

use super::call::{self, prepare_call, CallTarget};
use super::frame::{Block, Frame};
use super::generator;
use super::intrinsics::frame_intrinsic;
use super::unwind::{exception_matches, make_exception, note_raise, unwind_blocks};
use super::Vm;
use crate::compiler::bytecode::{
    ConstValue, Instr, MAKE_FN_CLOSURE, MAKE_FN_DEFAULTS, MAKE_FN_KWDEFAULTS,
};
use crate::objects::class::types;
use crate::objects::exception::exc_state;
use crate::objects::function::{Args, FuncMeta};
use crate::objects::{
    Builtin, Cell, Code, DictObj, ExcKind, Function, PyErr, PyResult, SetObj, SliceObj, Value,
};
use crate::parser::ast::CmpOp;
use parking_lot::RwLock;
use std::sync::atomic::AtomicU32;
use std::sync::Arc;

/// How a frame stopped.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// What an instruction asks the loop to do next.
enum Flow {
    Next,
    Return(Value),
    Yield(Value),
    Push(Box<Frame>),
    /// Re-raise without recording a new traceback entry or context.
    Reraise(PyErr),
}

/// Runs a fresh frame to completion (it must not be a generator frame).
pub fn run_frame(vm: &mut Vm, frame: Box<Frame>) -> PyResult<Value> {
    vm.enter()?;
    let mut frames = vm.take_frame_stack(frame);
    let r = eval(vm, &mut frames);
    vm.give_frame_stack(frames);
    match r? {
        Exit::Return(v) | Exit::Yield(v) => Ok(v),
    }
}

fn no_name(name: &str) -> PyErr {
    let e = PyErr::new(ExcKind::NameError, format!("name '{name}' is not defined"));
    if let Value::Instance(i) = &e.0 {
        i.dict.set_str("name", Value::str(name));
    }
    e
}

fn unbound_local(name: &str) -> PyErr {
    PyErr::new(
        ExcKind::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

/// Converts a compile-time constant into a runtime value.
pub fn const_value(c: &ConstValue) -> Value {
    match c {
        ConstValue::None => Value::None,
        ConstValue::Bool(b) => Value::Bool(*b),
        ConstValue::Ellipsis => Value::Ellipsis,
        ConstValue::Int(crate::lexer::token::IntLit::Small(i)) => Value::Int(*i),
        ConstValue::Int(crate::lexer::token::IntLit::Big(s)) => {
            crate::objects::int::parse_int(s, 10).unwrap_or(Value::Int(0))
        }
        ConstValue::Float(f) => Value::Float(*f),
        ConstValue::Imag(f) => Value::Float(*f),
        ConstValue::Str(s) => Value::str(s.to_string()),
        ConstValue::Bytes(b) => Value::Bytes(Arc::new(b.to_vec())),
        ConstValue::Tuple(items) => Value::tuple(items.iter().map(const_value).collect()),
        ConstValue::Code(co) => Value::Code(Arc::new(Code::new(co.clone()))),
    }
}

impl Code {
    /// Wraps a compiled code object, converting its constants once.
    pub fn new(obj: Arc<crate::compiler::bytecode::CodeObject>) -> Code {
        let consts = obj.consts.iter().map(const_value).collect();
        let names = obj
            .names
            .iter()
            .map(|n| Value::Str(crate::objects::str::intern(n)))
            .collect();
        let simple_args = obj.kind == crate::compiler::bytecode::CodeKind::Function
            && !obj.has_varargs
            && !obj.has_varkw
            && obj.kwonlyargcount == 0
            && obj.cellvars.is_empty()
            && !obj.is_generator;
        let hints = obj.instrs.iter().map(|_| AtomicU32::new(0)).collect();
        Code {
            obj,
            consts,
            names,
            simple_args,
            hints,
        }
    }
}

/// Runs the frames on top of `frames` until the bottom one returns or yields, or an
/// exception escapes it. Every frame in `frames` has been `enter`ed; each is `leave`d as it
/// is popped.
// Frames are boxed: they move between this vector, the per-thread pool and suspended
// generators, and a box moves as one pointer.
#[allow(clippy::vec_box)]
pub fn eval(vm: &mut Vm, frames: &mut Vec<Box<Frame>>) -> PyResult<Exit> {
    loop {
        let Some(frame) = frames.last_mut() else {
            return Ok(Exit::Return(Value::None));
        };
        let flow = step_many(vm, frame);
        match flow {
            Ok(Flow::Next) => {}
            Ok(Flow::Push(new)) => {
                // Python-to-Python calls do not grow the Rust stack: only the depth counts.
                if let Err(e) = vm.enter_frame() {
                    // The call itself fails in the caller's frame.
                    if let Some(err) = handle_error(vm, frames, e, true) {
                        return Err(err);
                    }
                    continue;
                }
                frames.push(new);
            }
            Ok(Flow::Return(v)) => {
                if let Some(done) = frames.pop() {
                    vm.recycle_frame(done);
                }
                vm.leave();
                match frames.last_mut() {
                    Some(caller) => caller.stack.push(v),
                    None => return Ok(Exit::Return(v)),
                }
            }
            Ok(Flow::Yield(v)) => return Ok(Exit::Yield(v)),
            Ok(Flow::Reraise(e)) => {
                if let Some(err) = handle_error(vm, frames, e, false) {
                    return Err(err);
                }
            }
            Err(e) => {
                if let Some(err) = raised(vm, frames, e) {
                    return Err(err);
                }
            }
        }
    }
}

/// An instruction failed: answers a frame request (a native function asking for its callers'
/// frames, see `vm::frames`) by pushing the answer as the call's result, or unwinds the error.
/// Kept out of line so the dispatch loop stays small.
#[cold]
#[inline(never)]
#[allow(clippy::vec_box)]
fn raised(vm: &mut Vm, frames: &mut Vec<Box<Frame>>, e: PyErr) -> Option<PyErr> {
    let e = match super::frames::query_of(&e) {
        Some(q) => match super::frames::serve(vm, frames, q) {
            Ok(v) => {
                if let Some(f) = frames.last_mut() {
                    f.stack.push(v);
                }
                return None;
            }
            Err(e) => e,
        },
        None => e,
    };
    handle_error(vm, frames, e, true)
}

/// Unwinds `err` from the top frame outward. Returns the error if no frame handled it (all
/// frames are then popped).
#[allow(clippy::vec_box)]
fn handle_error(
    vm: &mut Vm,
    frames: &mut Vec<Box<Frame>>,
    err: PyErr,
    fresh: bool,
) -> Option<PyErr> {
    let mut first = true;
    loop {
        let frame = frames.last_mut()?;
        if fresh || !first {
            note_raise(vm, frame, &err, fresh && first);
        }
        first = false;
        if unwind_blocks(vm, frame, &err) {
            return None;
        }
        if let Some(done) = frames.pop() {
            vm.recycle_frame(done);
        }
        vm.leave();
        if frames.is_empty() {
            return Some(err);
        }
    }
}

/// Number of instructions run between checks for pending signals and thread-dump requests.
const CHECK_INTERVAL: u32 = 1024;

/// Runs instructions of one frame until something needs the outer loop.
fn step_many(vm: &mut Vm, f: &mut Frame) -> PyResult<Flow> {
    let mut budget = CHECK_INTERVAL;
    // Also on entry: a loop that calls or raises leaves this function before the budget runs
    // out.
    super::signals::poll(vm, f)?;
    loop {
        // The code is borrowed from the frame (fields the fast paths do not touch) until an
        // instruction needs `step`, which takes the whole frame; then borrowed again.
        let instrs: &[Instr] = &f.code.obj.instrs;
        let consts: &[Value] = &f.code.consts;
        let names: &[Value] = &f.code.names;
        let hints: &[AtomicU32] = &f.code.hints;
        let instr = loop {
            budget -= 1;
            if budget == 0 {
                budget = CHECK_INTERVAL;
                super::signals::poll(vm, f)?;
            }
            if generator::has_abandoned() {
                generator::run_abandoned(vm);
            }
            let Some(&instr) = instrs.get(f.pc) else {
                return Err(PyErr::new(
                    ExcKind::SystemError,
                    "bytecode ran past the end of its code",
                ));
            };
            f.pc += 1;
            // The hottest instructions on their common operands run right here, in a small loop
            // whose state stays in registers; anything else (or any operand these paths do not
            // cover) goes to `step`, which handles every case, errors included. A fast path must
            // not change anything before it commits to handling the instruction.
            match instr {
                Instr::LoadFast(i) => {
                    if let Some(Some(v)) = f.locals.get(i as usize) {
                        let v = v.clone();
                        f.stack.push(v);
                        continue;
                    }
                }
                Instr::StoreFast(i) if (i as usize) < f.locals.len() => {
                    if let Some(v) = f.stack.pop() {
                        drop_quick(f.locals[i as usize].replace(v));
                        continue;
                    }
                }
                Instr::LoadConst(i) => {
                    if let Some(v) = consts.get(i as usize) {
                        f.stack.push(v.clone());
                        continue;
                    }
                }
                Instr::Pop if !f.stack.is_empty() => {
                    drop_quick(f.stack.pop());
                    continue;
                }
                Instr::Jump(t) => {
                    f.pc = t as usize;
                    continue;
                }
                Instr::PopJumpIfFalse(t) => {
                    if let Some(&Value::Bool(b)) = f.stack.last() {
                        forget_plain(f.stack.pop());
                        if !b {
                            f.pc = t as usize;
                        }
                        continue;
                    }
                }
                Instr::PopJumpIfTrue(t) => {
                    if let Some(&Value::Bool(b)) = f.stack.last() {
                        forget_plain(f.stack.pop());
                        if b {
                            f.pc = t as usize;
                        }
                        continue;
                    }
                }
                Instr::CompareOp(op) => {
                    let n = f.stack.len();
                    if n >= 2 {
                        let r = super::ops::fast::num_compare(op, &f.stack[n - 2], &f.stack[n - 1]);
                        if let Some(r) = r {
                            // Both operands were ints or both floats.
                            forget_plain(f.stack.pop());
                            forget_plain(f.stack.pop());
                            push_or_branch(&mut f.pc, &mut f.stack, instrs, r);
                            continue;
                        }
                    }
                }
                Instr::LoadFastPair(a) => {
                    // `a op b`, `a op k`, `a[b]`, `a[k]` on the common operands, both read in
                    // place (see `compiler::superinstr`); otherwise just the `LoadFast`.
                    if let Some(Some(x)) = f.locals.get(a as usize) {
                        let y = match instrs.get(f.pc) {
                            Some(Instr::LoadConst(k)) => consts.get(*k as usize),
                            Some(Instr::LoadFast(b)) => {
                                f.locals.get(*b as usize).and_then(|y| y.as_ref())
                            }
                            _ => None,
                        };
                        if let Some(y) = y {
                            match instrs.get(f.pc + 1) {
                                Some(&(Instr::BinaryOp(op) | Instr::InplaceOp(op))) => {
                                    if let Some(r) = super::ops::fast::num_binop(op, x, y) {
                                        f.stack.push(r);
                                        f.pc += 2;
                                        continue;
                                    }
                                }
                                Some(&Instr::CompareOp(op)) => {
                                    if let Some(r) = super::ops::fast::num_compare(op, x, y) {
                                        f.pc += 2;
                                        push_or_branch(&mut f.pc, &mut f.stack, instrs, r);
                                        continue;
                                    }
                                }
                                Some(Instr::BinarySubscr) => {
                                    if let Some(item) = super::ops::fast::index(x, y) {
                                        f.stack.push(item);
                                        f.pc += 2;
                                        continue;
                                    }
                                }
                                _ => {}
                            }
                        }
                        let v = x.clone();
                        f.stack.push(v);
                        continue;
                    }
                }
                Instr::LoadFastAttr(a) => {
                    // `a.name` read through the local (see `compiler::superinstr`).
                    if let Some(Some(x)) = f.locals.get(a as usize) {
                        if let (Some(Instr::LoadAttr(n)), Value::Instance(_)) =
                            (instrs.get(f.pc), x)
                        {
                            if let (Some(Value::Str(name)), Some(hint)) =
                                (names.get(*n as usize), hints.get(f.pc))
                            {
                                if let Some(v) = vm.getattr_hinted(x, name, hint) {
                                    f.stack.push(v);
                                    f.pc += 1;
                                    continue;
                                }
                            }
                        }
                        let v = x.clone();
                        f.stack.push(v);
                        continue;
                    }
                }
                Instr::LoadAttr(n) => {
                    if let (Some(Value::Str(name)), Some(obj @ Value::Instance(_)), Some(hint)) =
                        (names.get(n as usize), f.stack.last(), hints.get(f.pc - 1))
                    {
                        if let Some(v) = vm.getattr_hinted(obj, name, hint) {
                            if let Some(last) = f.stack.last_mut() {
                                drop(std::mem::replace(last, v));
                            }
                            continue;
                        }
                    }
                }
                Instr::CallMethod(1) => {
                    // `xs.append(x)` on a list: [list.append, xs, x] -> [None].
                    let n = f.stack.len();
                    let append = n >= 3
                        && matches!((&f.stack[n - 3], &f.stack[n - 2]),
                            (Value::Builtin(b), Value::List(_))
                                if b.bound.is_none()
                                    && crate::builtins::list_methods::is_append(b.func));
                    if append {
                        if let Some(item) = f.stack.pop() {
                            if let Value::List(l) = &f.stack[n - 3 + 1] {
                                l.push(item);
                            }
                            f.stack.truncate(n - 3);
                            f.stack.push(Value::None);
                            continue;
                        }
                    }
                }
                Instr::LoadMethod(n) => {
                    if let (Some(Value::Str(name)), Some(obj)) =
                        (names.get(n as usize), f.stack.last())
                    {
                        if let Some(m) = vm.method_fast(obj, name) {
                            if let Some(top) = f.stack.last_mut() {
                                // [obj] -> [method, obj]
                                let obj = std::mem::replace(top, m);
                                f.stack.push(obj);
                                continue;
                            }
                        }
                    }
                }
                Instr::StoreAttr(n) => {
                    let k = f.stack.len();
                    if let (Some(Value::Str(name)), true, Some(hint)) =
                        (names.get(n as usize), k >= 2, hints.get(f.pc - 1))
                    {
                        if let Value::Instance(_) = &f.stack[k - 1] {
                            let mut v = Some(std::mem::replace(&mut f.stack[k - 2], Value::None));
                            vm.setattr_fast(&f.stack[k - 1], name, &mut v, hint);
                            match v {
                                None => {
                                    // The object, then the `None` left where the value was.
                                    drop(f.stack.pop());
                                    drop_quick(f.stack.pop());
                                    continue;
                                }
                                Some(v) => f.stack[k - 2] = v,
                            }
                        }
                    }
                }
                Instr::BinaryOp(op) | Instr::InplaceOp(op) => {
                    let n = f.stack.len();
                    if n >= 2 {
                        let r = super::ops::fast::num_binop(op, &f.stack[n - 2], &f.stack[n - 1]);
                        if let Some(r) = r {
                            // Both operands were ints or floats.
                            forget_plain(f.stack.pop());
                            forget_plain(Some(std::mem::replace(&mut f.stack[n - 2], r)));
                            continue;
                        }
                    }
                }
                Instr::LoadGlobal(i) => {
                    if let Some(Value::Str(name)) = names.get(i as usize) {
                        let cached =
                            vm.global_cache
                                .get(name, &f.globals, &vm.interp.builtins.dict);
                        if let Some(v) = cached {
                            let v = v.clone();
                            f.stack.push(v);
                            continue;
                        }
                    }
                }
                Instr::LoadName(i) => {
                    if let (Some(ns), Some(Value::Str(name)), Some(hint)) =
                        (&f.ns, names.get(i as usize), hints.get(f.pc - 1))
                    {
                        let found = ns.lock().get_str_hinted(name, hint).cloned();
                        if let Some(v) = found {
                            f.stack.push(v);
                            continue;
                        }
                    }
                }
                Instr::StoreName(i) => {
                    if let (Some(ns), Some(Value::Str(name)), Some(hint)) =
                        (&f.ns, names.get(i as usize), hints.get(f.pc - 1))
                    {
                        if let Some(v) = f.stack.pop() {
                            let old = ns.set_str_hinted(name, v, hint);
                            drop(old);
                            continue;
                        }
                    }
                }
                Instr::StoreGlobal(i) => {
                    if let (Some(Value::Str(name)), Some(v)) =
                        (names.get(i as usize), f.stack.pop())
                    {
                        let b = &vm.interp.builtins.dict;
                        let old = vm.global_cache.store(name, &f.globals, b, v);
                        drop_quick(old);
                        continue;
                    }
                }
                Instr::ForIter(t) => {
                    let next = match f.stack.last() {
                        Some(Value::Native(n)) => n
                            .as_any()
                            .downcast_ref::<crate::objects::iter::IterObj>()
                            .and_then(super::iter::next_simple),
                        _ => None,
                    };
                    match next {
                        Some(Some(v)) => {
                            f.stack.push(v);
                            continue;
                        }
                        Some(None) => {
                            f.stack.pop();
                            f.pc = t as usize;
                            continue;
                        }
                        None => {}
                    }
                }
                Instr::ListAppend(d) => {
                    let n = f.stack.len();
                    if n > d as usize && matches!(f.stack[n - 1 - d as usize], Value::List(_)) {
                        if let Some(item) = f.stack.pop() {
                            if let Some(Value::List(l)) = f.stack.get(n - 1 - d as usize) {
                                l.push(item);
                                continue;
                            }
                            f.stack.push(item);
                        }
                    }
                }
                Instr::BinarySubscr => {
                    let n = f.stack.len();
                    if n >= 2 {
                        let item = match (&f.stack[n - 2], &f.stack[n - 1]) {
                            (Value::List(l), Value::Int(i)) => {
                                let g = l.lock();
                                super::ops::norm_index(*i, g.len()).map(|j| g[j].clone())
                            }
                            (Value::Tuple(t), Value::Int(i)) => {
                                super::ops::norm_index(*i, t.items.len())
                                    .map(|j| t.items[j].clone())
                            }
                            _ => None,
                        };
                        if let Some(item) = item {
                            f.stack.pop();
                            f.stack[n - 2] = item;
                            continue;
                        }
                    }
                }
                Instr::StoreSubscr => {
                    let n = f.stack.len();
                    if n >= 3 {
                        if let [v, Value::List(l), Value::Int(i)] = &mut f.stack[n - 3..] {
                            let mut g = l.lock();
                            if let Some(j) = super::ops::norm_index(*i, g.len()) {
                                let v = std::mem::replace(v, Value::None);
                                // The replaced item is dropped after the lock is released.
                                let old = std::mem::replace(&mut g[j], v);
                                drop(g);
                                drop(old);
                                f.stack.truncate(n - 3);
                                continue;
                            }
                        }
                    }
                }
                Instr::Dup2 => {
                    let n = f.stack.len();
                    if n >= 2 {
                        let (a, b) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
                        f.stack.push(a);
                        f.stack.push(b);
                        continue;
                    }
                }
                Instr::Rot3 => {
                    let n = f.stack.len();
                    if n >= 3 {
                        // [a, b, c] -> [c, a, b] (two swaps; the generic rotate is slow).
                        f.stack.swap(n - 2, n - 1);
                        f.stack.swap(n - 3, n - 2);
                        continue;
                    }
                }
                Instr::ReturnValue => {
                    if let Some(v) = f.stack.pop() {
                        return Ok(Flow::Return(v));
                    }
                }
                _ => {}
            }
            break instr;
        };
        // Where this frame is (thread dumps, deadlock reports, lock sites): everything that
        // calls out or pushes a frame goes through `step`. A fast path above that did so would
        // have to note the site itself.
        vm.note_site(&f.code, f.pc);
        match step(vm, f, instr)? {
            Flow::Next => {}
            other => return Ok(other),
        }
    }
}

/// Finishes a comparison whose operands are gone: pushes its result, or, when the next
/// instruction is a conditional jump on it, takes or skips that jump straight away.
#[inline(always)]
fn push_or_branch(pc: &mut usize, stack: &mut Vec<Value>, instrs: &[Instr], r: bool) {
    match instrs.get(*pc) {
        Some(&Instr::PopJumpIfFalse(t)) => *pc = if r { *pc + 1 } else { t as usize },
        Some(&Instr::PopJumpIfTrue(t)) => *pc = if r { t as usize } else { *pc + 1 },
        _ => stack.push(Value::Bool(r)),
    }
}

/// Disposes of a value that owns nothing (an int, float or bool) without calling the
/// out-of-line drop glue, which the hot arithmetic paths would otherwise pay per operand.
#[inline(always)]
fn forget_plain(v: Option<Value>) {
    debug_assert!(matches!(
        v,
        None | Some(Value::Int(_) | Value::Float(_) | Value::Bool(_))
    ));
    std::mem::forget(v);
}

/// Drops a value, skipping the out-of-line drop glue when it owns nothing.
#[inline(always)]
fn drop_quick(v: Option<Value>) {
    match v {
        None | Some(Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None) => {
            std::mem::forget(v)
        }
        v => drop(v),
    }
}

macro_rules! pop {
    ($f:expr) => {
        match $f.stack.pop() {
            Some(v) => v,
            None => return Err(stack_underflow()),
        }
    };
}

fn stack_underflow() -> PyErr {
    PyErr::new(ExcKind::SystemError, "value stack underflow")
}

fn top(f: &Frame) -> PyResult<&Value> {
    f.stack.last().ok_or_else(stack_underflow)
}

fn name_of(f: &Frame, i: u32) -> &str {
    f.code.name_str(i)
}

/// Executes one instruction: every instruction and every case of it (the fast paths of
/// `step_many` cover only the common ones). Kept out of line so that `step_many`'s loop stays
/// small.
#[inline(never)]
fn step(vm: &mut Vm, f: &mut Frame, instr: Instr) -> PyResult<Flow> {
    match instr {
        Instr::Nop => {}
        Instr::LoadConst(i) => {
            let v = f
                .code
                .consts
                .get(i as usize)
                .cloned()
                .unwrap_or(Value::None);
            f.stack.push(v);
        }
        Instr::Pop => {
            pop!(f);
        }
        Instr::Dup => {
            let v = top(f)?.clone();
            f.stack.push(v);
        }
        Instr::Dup2 => {
            let n = f.stack.len();
            if n < 2 {
                return Err(stack_underflow());
            }
            let (a, b) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
            f.stack.push(a);
            f.stack.push(b);
        }
        Instr::Rot2 => {
            let n = f.stack.len();
            if n < 2 {
                return Err(stack_underflow());
            }
            f.stack.swap(n - 1, n - 2);
        }
        Instr::Rot3 => {
            let v = pop!(f);
            let n = f.stack.len();
            if n < 2 {
                return Err(stack_underflow());
            }
            f.stack.insert(n - 2, v);
        }
        Instr::Rot4 => {
            let v = pop!(f);
            let n = f.stack.len();
            if n < 3 {
                return Err(stack_underflow());
            }
            f.stack.insert(n - 3, v);
        }
        Instr::LoadFast(i) | Instr::LoadFastPair(i) | Instr::LoadFastAttr(i) => {
            match f.locals.get(i as usize) {
                Some(Some(v)) => {
                    let v = v.clone();
                    f.stack.push(v);
                }
                _ => {
                    let name = f.code.obj.varnames.get(i as usize).map_or("?", |n| n);
                    return Err(unbound_local(name));
                }
            }
        }
        Instr::StoreFast(i) => {
            let v = pop!(f);
            if let Some(slot) = f.locals.get_mut(i as usize) {
                *slot = Some(v);
            }
        }
        Instr::DeleteFast(i) => {
            let slot = f.locals.get_mut(i as usize);
            match slot {
                Some(s @ Some(_)) => *s = None,
                _ => {
                    let name = f.code.obj.varnames.get(i as usize).map_or("?", |n| n);
                    return Err(unbound_local(name));
                }
            }
        }
        Instr::LoadDeref(i) => {
            let v = f.cells.get(i as usize).and_then(|c| c.get());
            match v {
                Some(v) => f.stack.push(v),
                None => return Err(deref_error(f, i)),
            }
        }
        Instr::StoreDeref(i) => {
            let v = pop!(f);
            if let Some(c) = f.cells.get(i as usize) {
                c.set(Some(v));
            }
        }
        Instr::DeleteDeref(i) => {
            if let Some(c) = f.cells.get(i as usize) {
                if c.get().is_none() {
                    return Err(deref_error(f, i));
                }
                c.set(None);
            }
        }
        Instr::LoadClosure(i) => {
            let c = f.cells.get(i as usize).cloned().unwrap_or_default();
            f.stack.push(Value::Cell(c));
        }
        Instr::LoadClassDeref { name, slot } => {
            let n = name_of(f, name);
            let v = f.ns.as_ref().and_then(|ns| ns.get_str(n));
            match v.or_else(|| f.cells.get(slot as usize).and_then(|c| c.get())) {
                Some(v) => f.stack.push(v),
                None => return Err(deref_error(f, slot)),
            }
        }
        Instr::LoadName(i) => {
            let key = &f.code.names[i as usize];
            let Value::Str(s) = key else {
                return Err(stack_underflow());
            };
            let v = match &f.ns {
                // At module level the namespace is the globals: look there once.
                Some(ns) if !Arc::ptr_eq(ns, &f.globals) => {
                    ns.lock().get_str(s.as_str(), s.hash()).cloned()
                }
                _ => None,
            };
            let v = match v {
                Some(v) => v,
                None => load_global(vm, f, s.as_str(), s.hash())?,
            };
            f.stack.push(v);
        }
        Instr::StoreName(i) => {
            let v = pop!(f);
            let Some(Value::Str(key)) = f.code.names.get(i as usize) else {
                return Err(stack_underflow());
            };
            let old = match &f.ns {
                Some(ns) => ns.set_str_key(key, v),
                None => f.globals.set_str_key(key, v),
            };
            drop(old);
        }
        Instr::DeleteName(i) => {
            let n = name_of(f, i).to_string();
            let ns = f.ns.clone().unwrap_or_else(|| f.globals.clone());
            if ns.del_str(&n).is_none() {
                return Err(no_name(&n));
            }
        }
        Instr::LoadGlobal(i) => {
            let key = &f.code.names[i as usize];
            let Value::Str(s) = key else {
                return Err(stack_underflow());
            };
            let builtins = &vm.interp.builtins.dict;
            let writes = super::global_cache::versions(s, &f.globals, builtins);
            let v = load_global(vm, f, s.as_str(), s.hash())?;
            vm.global_cache.put(s, &f.globals, writes, &v);
            f.stack.push(v);
        }
        Instr::StoreGlobal(i) => {
            let v = pop!(f);
            let Some(Value::Str(key)) = f.code.names.get(i as usize) else {
                return Err(stack_underflow());
            };
            let b = &vm.interp.builtins.dict;
            let old = vm.global_cache.store(key, &f.globals, b, v);
            drop(old);
        }
        Instr::DeleteGlobal(i) => {
            let n = name_of(f, i).to_string();
            if f.globals.del_str(&n).is_none() {
                return Err(no_name(&n));
            }
        }
        Instr::LoadAttr(i) => {
            let obj = pop!(f);
            if let Some(Value::Str(name)) = f.code.names.get(i as usize) {
                if let Some(hint) = f.code.hints.get(f.pc - 1) {
                    if let Some(v) = vm.getattr_hinted(&obj, name, hint) {
                        f.stack.push(v);
                        return Ok(Flow::Next);
                    }
                }
            }
            let v = match vm.getattr(&obj, f.code.name_str(i)) {
                Ok(v) => v,
                Err(e) => py2_attribute(vm, f, &obj, f.code.name_str(i), e)?,
            };
            f.stack.push(v);
        }
        Instr::StoreAttr(i) => {
            let obj = pop!(f);
            let mut v = Some(pop!(f));
            if let Some(Value::Str(name)) = f.code.names.get(i as usize) {
                if let Some(hint) = f.code.hints.get(f.pc - 1) {
                    vm.setattr_fast(&obj, name, &mut v, hint);
                }
            }
            if let Some(v) = v {
                vm.setattr(&obj, f.code.name_str(i), v)?;
            }
        }
        Instr::DeleteAttr(i) => {
            let obj = pop!(f);
            vm.delattr(&obj, f.code.name_str(i))?;
        }
        Instr::LoadMethod(i) => {
            let obj = pop!(f);
            if let Some(Value::Str(name)) = f.code.names.get(i as usize) {
                if let Some(m) = vm.method_fast(&obj, name) {
                    f.stack.push(m);
                    f.stack.push(obj);
                    return Ok(Flow::Next);
                }
            }
            let name = f.code.name_str(i);
            match call::lookup_method(vm, &obj, name)? {
                Some(m) => {
                    f.stack.push(m);
                    f.stack.push(obj);
                }
                None => {
                    let v = match vm.getattr(&obj, name) {
                        Ok(v) => v,
                        Err(e) => py2_attribute(vm, f, &obj, name, e)?,
                    };
                    f.stack.push(v);
                    f.stack.push(Value::Undefined);
                }
            }
        }
        Instr::CallMethod(argc) => {
            let argc = argc as usize;
            let n = f.stack.len();
            if n < argc + 2 {
                return Err(stack_underflow());
            }
            let func_at = n - argc - 2;
            let self_is_set = !matches!(f.stack[func_at + 1], Value::Undefined);
            let args_from = if self_is_set {
                func_at + 1
            } else {
                func_at + 2
            };
            let func = std::mem::replace(&mut f.stack[func_at], Value::None);
            return finish_call(vm, f, func, func_at, args_from, &[], 0);
        }
        // The list/tuple-by-int and numeric cases ran in `step_many` already; what reaches
        // here takes the general protocol (which also gives the index errors).
        Instr::BinarySubscr => {
            let idx = pop!(f);
            let obj = pop!(f);
            let v = vm.getitem(&obj, &idx)?;
            f.stack.push(v);
        }
        Instr::StoreSubscr => {
            let idx = pop!(f);
            let obj = pop!(f);
            let v = pop!(f);
            vm.setitem(&obj, &idx, v)?;
        }
        Instr::DeleteSubscr => {
            let idx = pop!(f);
            let obj = pop!(f);
            vm.delitem(&obj, &idx)?;
        }
        Instr::BinaryOp(op) => {
            let b = pop!(f);
            let Some(a) = f.stack.last_mut() else {
                return Err(stack_underflow());
            };
            *a = vm.binop(op, a, &b)?;
        }
        Instr::InplaceOp(op) => {
            let b = pop!(f);
            let Some(a) = f.stack.last_mut() else {
                return Err(stack_underflow());
            };
            *a = vm.inplace_op(op, a, &b)?;
        }
        Instr::UnaryNegative => {
            let a = pop!(f);
            let r = vm.neg(&a)?;
            f.stack.push(r);
        }
        Instr::UnaryPositive => {
            let a = pop!(f);
            let r = vm.pos(&a)?;
            f.stack.push(r);
        }
        Instr::UnaryInvert => {
            let a = pop!(f);
            let r = vm.invert(&a)?;
            f.stack.push(r);
        }
        Instr::UnaryNot => {
            let a = pop!(f);
            let t = vm.truthy(&a)?;
            f.stack.push(Value::Bool(!t));
        }
        Instr::CompareOp(op) => {
            let b = pop!(f);
            let a = pop!(f);
            let r = match (&a, &b) {
                (Value::Int(x), Value::Int(y)) => Value::Bool(match op {
                    CmpOp::Lt => x < y,
                    CmpOp::LtE => x <= y,
                    CmpOp::Gt => x > y,
                    CmpOp::GtE => x >= y,
                    CmpOp::Eq | CmpOp::Is => x == y,
                    CmpOp::NotEq | CmpOp::IsNot => x != y,
                    _ => {
                        let r = vm.compare(op, &a, &b)?;
                        f.stack.push(r);
                        return Ok(Flow::Next);
                    }
                }),
                _ => vm.compare(op, &a, &b)?,
            };
            f.stack.push(r);
        }
        Instr::BuildTuple(n) => {
            let items = take(f, n)?;
            f.stack.push(Value::tuple(items));
        }
        Instr::BuildList(n) => {
            let items = take(f, n)?;
            f.stack.push(Value::list(items));
        }
        Instr::BuildSet(n) => {
            let items = take(f, n)?;
            let s = Arc::new(SetObj::new(false));
            for it in items {
                vm.set_add(&s, it)?;
            }
            f.stack.push(Value::Set(s));
        }
        Instr::BuildMap(n) => {
            let items = take(f, n * 2)?;
            let d = Arc::new(DictObj::new());
            let mut it = items.into_iter();
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                vm.dict_set(&d, k, v)?;
            }
            f.stack.push(Value::Dict(d));
        }
        Instr::BuildSlice(n) => {
            let step = if n == 3 { pop!(f) } else { Value::None };
            let stop = pop!(f);
            let start = pop!(f);
            f.stack
                .push(Value::Slice(Arc::new(SliceObj { start, stop, step })));
        }
        Instr::BuildString(n) => {
            let len = f.stack.len();
            let Some(from) = len.checked_sub(n as usize) else {
                return Err(stack_underflow());
            };
            let parts = &f.stack[from..];
            let size = parts
                .iter()
                .map(|p| match p {
                    Value::Str(p) => p.as_str().len(),
                    _ => 0,
                })
                .sum();
            let mut s = String::with_capacity(size);
            for p in parts {
                if let Value::Str(p) = p {
                    s.push_str(p.as_str());
                }
            }
            f.stack.truncate(from);
            f.stack.push(Value::str(s));
        }
        Instr::FormatValue {
            conversion,
            has_spec,
        } => {
            let spec = if has_spec { Some(pop!(f)) } else { None };
            let v = pop!(f);
            // The common `{i}`: an int with neither conversion nor spec.
            if let (Value::Int(i), None, 0) = (&v, &spec, conversion) {
                f.stack.push(Value::str(i.to_string()));
                return Ok(Flow::Next);
            }
            let v = match conversion {
                1 => Value::str(vm.str(&v)?),
                2 => Value::str(vm.repr(&v)?),
                3 => Value::str(crate::builtins::percent::ascii_escape(&vm.repr(&v)?)),
                _ => v,
            };
            let spec_str = match &spec {
                Some(Value::Str(s)) => s.as_str().to_string(),
                _ => String::new(),
            };
            let out = match (&v, spec_str.is_empty()) {
                (Value::Str(_), true) => v,
                _ => Value::str(crate::builtins::format::format_value(vm, &v, &spec_str)?),
            };
            f.stack.push(out);
        }
        Instr::ListAppend(d) => {
            let item = pop!(f);
            if let Some(Value::List(l)) = peek(f, d) {
                l.push(item);
            }
        }
        Instr::SetAdd(d) => {
            let item = pop!(f);
            if let Some(Value::Set(s)) = peek(f, d).cloned() {
                vm.set_add(&s, item)?;
            }
        }
        Instr::MapAdd(d) => {
            let v = pop!(f);
            let k = pop!(f);
            if let Some(Value::Dict(m)) = peek(f, d).cloned() {
                vm.dict_set(&m, k, v)?;
            }
        }
        Instr::ListExtend(d) => {
            let it = pop!(f);
            let items = vm.collect(&it).map_err(|e| {
                if e.is(ExcKind::TypeError) {
                    PyErr::type_error(format!(
                        "Value after * must be an iterable, not {}",
                        it.type_name()
                    ))
                } else {
                    e
                }
            })?;
            if let Some(Value::List(l)) = peek(f, d) {
                l.lock().extend(items);
            }
        }
        Instr::SetUpdate(d) => {
            let it = pop!(f);
            let items = vm.collect(&it)?;
            if let Some(Value::Set(s)) = peek(f, d).cloned() {
                for x in items {
                    vm.set_add(&s, x)?;
                }
            }
        }
        Instr::DictUpdate(d) => {
            let m = pop!(f);
            if let Some(Value::Dict(target)) = peek(f, d).cloned() {
                if !matches!(m, Value::Dict(_)) && !vm.has_attr(&m, "keys")? {
                    return Err(PyErr::type_error(format!(
                        "'{}' object is not a mapping",
                        m.type_name()
                    )));
                }
                vm.dict_update(&target, &m)?;
            }
        }
        Instr::DictMerge(d) => {
            let m = pop!(f);
            let func = peek(f, d + 2).cloned().unwrap_or(Value::None);
            if let Some(Value::Dict(target)) = peek(f, d).cloned() {
                let pairs: Vec<(Value, Value)> = match &m {
                    Value::Dict(src) => src.items(),
                    _ => {
                        if !vm.has_attr(&m, "keys")? {
                            return Err(PyErr::type_error(format!(
                                "{} argument after ** must be a mapping, not {}",
                                call::callable_name(&func),
                                m.type_name()
                            )));
                        }
                        let keys = vm.call_method(&m, "keys", &[])?;
                        let mut v = Vec::new();
                        for k in vm.collect(&keys)? {
                            let val = vm.getitem(&m, &k)?;
                            v.push((k, val));
                        }
                        v
                    }
                };
                for (k, v) in pairs {
                    if !matches!(k, Value::Str(_)) {
                        return Err(PyErr::type_error(format!(
                            "{} keywords must be strings",
                            call::callable_name(&func)
                        )));
                    }
                    if vm.dict_get(&target, &k)?.is_some() {
                        let Value::Str(ks) = &k else { unreachable!() };
                        return Err(PyErr::type_error(format!(
                            "{} got multiple values for keyword argument '{}'",
                            call::callable_name(&func),
                            ks.as_str()
                        )));
                    }
                    vm.dict_set(&target, k, v)?;
                }
            }
        }
        Instr::ListToTuple => {
            let l = pop!(f);
            let items = match &l {
                Value::List(l) => l.snapshot(),
                _ => vm.collect(&l)?,
            };
            f.stack.push(Value::tuple(items));
        }
        Instr::UnpackSequence(n) => {
            let seq = pop!(f);
            let items = unpack(vm, &seq, n as usize)?;
            f.stack.extend(items.into_iter().rev());
        }
        Instr::UnpackEx { before, after } => {
            let seq = pop!(f);
            let items = vm.collect(&seq).map_err(|e| {
                if e.is(ExcKind::TypeError) {
                    PyErr::type_error(format!(
                        "cannot unpack non-iterable {} object",
                        seq.type_name()
                    ))
                } else {
                    e
                }
            })?;
            let (b, a) = (before as usize, after as usize);
            if items.len() < b + a {
                return Err(PyErr::value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    b + a,
                    items.len()
                )));
            }
            let mid_end = items.len() - a;
            let mut out: Vec<Value> = Vec::with_capacity(b + a + 1);
            out.extend(items[..b].iter().cloned());
            out.push(Value::list(items[b..mid_end].to_vec()));
            out.extend(items[mid_end..].iter().cloned());
            f.stack.extend(out.into_iter().rev());
        }
        Instr::Jump(t) => f.pc = t as usize,
        Instr::PopJumpIfFalse(t) => {
            let v = pop!(f);
            let b = match v {
                Value::Bool(b) => b,
                _ => vm.truthy(&v)?,
            };
            if !b {
                f.pc = t as usize;
            }
        }
        Instr::PopJumpIfTrue(t) => {
            let v = pop!(f);
            let b = match v {
                Value::Bool(b) => b,
                _ => vm.truthy(&v)?,
            };
            if b {
                f.pc = t as usize;
            }
        }
        Instr::JumpIfFalseOrPop(t) => {
            let v = top(f)?.clone();
            if !vm.truthy(&v)? {
                f.pc = t as usize;
            } else {
                f.stack.pop();
            }
        }
        Instr::JumpIfTrueOrPop(t) => {
            let v = top(f)?.clone();
            if vm.truthy(&v)? {
                f.pc = t as usize;
            } else {
                f.stack.pop();
            }
        }
        Instr::GetIter => {
            let v = pop!(f);
            let it = vm.get_iter(&v)?;
            f.stack.push(it);
        }
        Instr::ForIter(t) => {
            // The iterator stays on the stack (no clone): `next` only needs to borrow it.
            let next = match f.stack.last() {
                Some(it) => vm.next(it)?,
                None => return Err(stack_underflow()),
            };
            match next {
                Some(v) => f.stack.push(v),
                None => {
                    f.stack.pop();
                    f.pc = t as usize;
                }
            }
        }
        Instr::Call(argc) => {
            let argc = argc as usize;
            let n = f.stack.len();
            if n < argc + 1 {
                return Err(stack_underflow());
            }
            let func_at = n - argc - 1;
            // Taken, not cloned: the slot is truncated away by the call anyway.
            let func = std::mem::replace(&mut f.stack[func_at], Value::None);
            return finish_call(vm, f, func, func_at, func_at + 1, &[], 0);
        }
        Instr::CallKw { argc, kwnames } => {
            let argc = argc as usize;
            let names = match f.code.consts.get(kwnames as usize) {
                Some(Value::Tuple(t)) => t.clone(),
                _ => return Err(stack_underflow()),
            };
            let n = f.stack.len();
            if n < argc + 1 {
                return Err(stack_underflow());
            }
            let func_at = n - argc - 1;
            let func = f.stack[func_at].clone();
            let nkw = names.len();
            return finish_call(vm, f, func, func_at, func_at + 1, &names.items, nkw);
        }
        Instr::CallEx { has_kwargs } => {
            let kwargs = if has_kwargs { Some(pop!(f)) } else { None };
            let args = pop!(f);
            let func = pop!(f);
            let pos = match &args {
                Value::Tuple(t) => t.items.to_vec(),
                other => vm.collect(other)?,
            };
            let (names, vals): (Vec<Value>, Vec<Value>) = match &kwargs {
                Some(Value::Dict(d)) => d.items().into_iter().unzip(),
                _ => (vec![], vec![]),
            };
            match prepare_call(vm, &func, Args::with_kw(&pos, &names, &vals))? {
                CallTarget::Frame(fr) => return Ok(Flow::Push(fr)),
                CallTarget::Done(v) => f.stack.push(v),
            }
        }
        Instr::MakeFunction(flags) => {
            let code = match pop!(f) {
                Value::Code(c) => c,
                _ => return Err(stack_underflow()),
            };
            let closure = if flags & MAKE_FN_CLOSURE != 0 {
                match pop!(f) {
                    Value::Tuple(t) => t
                        .items
                        .iter()
                        .filter_map(|c| match c {
                            Value::Cell(c) => Some(c.clone()),
                            _ => None,
                        })
                        .collect(),
                    _ => vec![],
                }
            } else {
                vec![]
            };
            let kwdefaults = if flags & MAKE_FN_KWDEFAULTS != 0 {
                match pop!(f) {
                    Value::Dict(d) => Some(d),
                    _ => None,
                }
            } else {
                None
            };
            let defaults = if flags & MAKE_FN_DEFAULTS != 0 {
                match pop!(f) {
                    Value::Tuple(t) => t.items.to_vec(),
                    _ => vec![],
                }
            } else {
                vec![]
            };
            let module = f.globals.get_str("__name__").unwrap_or(Value::None);
            let doc = code
                .obj
                .docstring
                .as_ref()
                .map_or(Value::None, |d| Value::str(d.to_string()));
            let func = Function {
                meta: RwLock::new(FuncMeta {
                    name: code.obj.name.clone(),
                    qualname: code.obj.qualname.clone(),
                    doc,
                    module,
                }),
                code,
                globals: f.globals.clone(),
                defaults,
                kwdefaults,
                closure,
                dict: Arc::new(DictObj::new()),
            };
            f.stack.push(Value::Function(Arc::new(func)));
        }
        Instr::ReturnValue => {
            let v = pop!(f);
            return Ok(Flow::Return(v));
        }
        Instr::YieldValue => {
            let v = pop!(f);
            return Ok(Flow::Yield(v));
        }
        Instr::GetYieldFromIter => {
            let v = pop!(f);
            let it = match &v {
                Value::Native(n) if n.as_any().is::<generator::Generator>() => v.clone(),
                _ => vm.get_iter(&v)?,
            };
            f.stack.push(it);
        }
        Instr::YieldFrom => {
            let sent = pop!(f);
            let it = top(f)?.clone();
            match generator::delegate_send(vm, &it, sent)? {
                generator::Delegate::Yielded(v) => {
                    // Re-run this instruction on resume, with the next value sent.
                    f.pc -= 1;
                    return Ok(Flow::Yield(v));
                }
                generator::Delegate::Finished(v) => {
                    f.stack.pop();
                    f.stack.push(v);
                }
            }
        }
        Instr::ImportName { name, level } => {
            let fromlist = pop!(f);
            let n = name_of(f, name).to_string();
            let m = match super::import::import_name(vm, &n, level, &fromlist, &f.globals) {
                Ok(m) => m,
                Err(e) if f.code.obj.py2 => match super::py2::module_alias(vm, &n, &e) {
                    Some(alias) => {
                        super::import::import_name(vm, alias, level, &fromlist, &f.globals)?
                    }
                    None => return Err(e),
                },
                Err(e) => return Err(e),
            };
            f.stack.push(m);
        }
        Instr::ImportFrom(i) => {
            let m = top(f)?.clone();
            let n = name_of(f, i).to_string();
            let v = super::import::import_from(vm, &m, &n)?;
            f.stack.push(v);
        }
        Instr::ImportStar => {
            let m = pop!(f);
            let ns = f.ns.clone().unwrap_or_else(|| f.globals.clone());
            super::import::import_star(vm, &m, &ns)?;
        }
        Instr::Raise(n) => {
            return match n {
                0 => match vm.handled.clone() {
                    Some(h) => Ok(Flow::Reraise(PyErr(h))),
                    None => Err(PyErr::runtime_error("No active exception to reraise")),
                },
                1 => {
                    let e = pop!(f);
                    Err(make_exception(vm, e)?)
                }
                _ => {
                    let cause = pop!(f);
                    let e = pop!(f);
                    let err = make_exception(vm, e)?;
                    let cause = match cause {
                        Value::None => None,
                        c => Some(
                            make_exception(vm, c)
                                .map_err(|_| {
                                    PyErr::type_error(
                                        "exception causes must derive from BaseException",
                                    )
                                })?
                                .0,
                        ),
                    };
                    if let Some(st) = exc_state(&err.0) {
                        let mut st = st.lock();
                        st.cause = cause;
                        st.suppress_context = true;
                    }
                    Err(err)
                }
            };
        }
        Instr::Reraise => {
            let e = pop!(f);
            return Ok(Flow::Reraise(PyErr(e)));
        }
        Instr::SetupExcept(t) => {
            f.blocks.push(Block::Except {
                handler: t,
                level: f.stack.len(),
            });
        }
        Instr::PopBlock => {
            f.blocks.pop();
        }
        Instr::PopExcept => {
            if let Some(Block::Handler { prev }) = f.blocks.pop() {
                vm.handled = prev;
            }
        }
        Instr::CheckExcMatch => {
            let typ = pop!(f);
            let exc = top(f)?.clone();
            let m = exception_matches(&exc, &typ)?;
            f.stack.push(Value::Bool(m));
        }
        Instr::BeforeWith(t) => {
            let mgr = pop!(f);
            if let Value::Native(_) = mgr {
                if let Some(r) = crate::modules::thread::with_enter(vm, &mgr) {
                    let r = r?;
                    f.stack.push(mgr);
                    f.blocks.push(Block::Except {
                        handler: t,
                        level: f.stack.len(),
                    });
                    f.stack.push(r);
                    return Ok(Flow::Next);
                }
            }
            let cls = mgr.class();
            let (enter, exit) = (
                special_on_class(vm, &cls, &SPECIAL_ENTER),
                special_on_class(vm, &cls, &SPECIAL_EXIT),
            );
            if let (Some(en), Some(ex)) = (&enter, &exit) {
                if let Some(r) = crate::modules::threading::cond_with_enter(vm, &mgr, en, ex) {
                    // A Condition over a native lock: the lock stands in for the bound
                    // `__exit__` (see `thread::with_enter`).
                    let (r, lock) = r?;
                    f.stack.push(lock);
                    f.blocks.push(Block::Except {
                        handler: t,
                        level: f.stack.len(),
                    });
                    f.stack.push(r);
                    return Ok(Flow::Next);
                }
            }
            // A plain function (or method of a builtin class) is called with `mgr` as its
            // first argument, as the bound method would be, without allocating one.
            let unbound = |v: &Option<Value>| match v {
                Some(Value::Function(_)) => true,
                Some(Value::Builtin(b)) => b.bound.is_none() && b.owner.is_some(),
                _ => false,
            };
            let enter_self = unbound(&enter);
            let enter = match enter {
                Some(a) if enter_self => Some(a),
                a => bind_special(vm, &mgr, &cls, a, "__enter__")?,
            };
            let exit = bind_special(vm, &mgr, &cls, exit, "__exit__")?;
            let (Some(enter), Some(exit)) = (enter, exit) else {
                // CPython 3.11 names __exit__ only when __enter__ was found.
                let missing = if cls.lookup("__enter__").is_none() && !has_native(&mgr, "__enter__")
                {
                    ""
                } else {
                    " (missed __exit__ method)"
                };
                return Err(PyErr::type_error(format!(
                    "'{}' object does not support the context manager protocol{missing}",
                    mgr.type_name()
                )));
            };
            f.stack.push(exit);
            let r = if enter_self {
                vm.call(&enter, Args::new(std::slice::from_ref(&mgr)))?
            } else {
                vm.call(&enter, Args::new(&[]))?
            };
            f.blocks.push(Block::Except {
                handler: t,
                level: f.stack.len(),
            });
            f.stack.push(r);
        }
        Instr::WithExit => {
            let exit = pop!(f);
            if let Some(r) = crate::modules::thread::with_exit(vm, &exit) {
                r?;
                return Ok(Flow::Next);
            }
            vm.call(&exit, Args::new(&[Value::None, Value::None, Value::None]))?;
        }
        Instr::WithExceptStart => {
            let n = f.stack.len();
            if n < 2 {
                return Err(stack_underflow());
            }
            let exc = f.stack[n - 1].clone();
            let exit = f.stack[n - 2].clone();
            if let Some(r) = crate::modules::thread::with_exit(vm, &exit) {
                f.stack.push(r?);
                return Ok(Flow::Next);
            }
            let tb = vm.getattr(&exc, "__traceback__").unwrap_or(Value::None);
            let r = vm.call(&exit, Args::new(&[Value::Class(exc.class()), exc, tb]))?;
            f.stack.push(r);
        }
        Instr::LoadAssertionError => {
            f.stack
                .push(Value::Class(types().exc(ExcKind::AssertionError).clone()));
        }
        Instr::LoadBuildClass => {
            f.stack.push(Value::Builtin(Arc::new(Builtin::new(
                "__build_class__",
                call::build_class,
            ))));
        }
        Instr::LoadLocals => {
            let ns = f.ns.clone().unwrap_or_else(|| f.globals.clone());
            f.stack.push(Value::Dict(ns));
        }
        Instr::PrintExpr => {
            let v = pop!(f);
            if !v.is_none() {
                let r = vm.repr(&v)?;
                let out = vm.interp.out.clone();
                out.write_stdout(vm, &format!("{r}\n"))?;
            }
            vm.interp.builtins.dict.set_str("_", v);
        }
        Instr::PrintItem(to) => {
            let v = pop!(f);
            let file = if to { Some(pop!(f)) } else { None };
            super::py2::print_item(vm, file, v)?;
        }
        Instr::PrintNewline(to) => {
            let file = if to { Some(pop!(f)) } else { None };
            super::py2::print_newline(vm, file)?;
        }
        Instr::Py2Divide(inplace) => {
            let b = pop!(f);
            let a = pop!(f);
            let r = super::py2::divide(vm, &a, &b, inplace)?;
            f.stack.push(r);
        }
    }
    Ok(Flow::Next)
}

/// After `obj.name` raised `err`: in Python 2 code, Python 2's name for a renamed attribute
/// (`vm/py2.rs`); otherwise the error.
#[cold]
fn py2_attribute(vm: &mut Vm, f: &Frame, obj: &Value, name: &str, err: PyErr) -> PyResult<Value> {
    if f.code.obj.py2 && err.is(ExcKind::AttributeError) {
        if let Some(v) = super::py2::attribute(vm, obj, name)? {
            return Ok(v);
        }
    }
    Err(err)
}

fn has_native(v: &Value, name: &str) -> bool {
    v.class().lookup(name).is_some()
}

static SPECIAL_ENTER: std::sync::LazyLock<Arc<crate::objects::str::PyStr>> =
    std::sync::LazyLock::new(|| crate::objects::str::intern("__enter__"));
static SPECIAL_EXIT: std::sync::LazyLock<Arc<crate::objects::str::PyStr>> =
    std::sync::LazyLock::new(|| crate::objects::str::intern("__exit__"));

/// `__enter__`/`__exit__` as found on the type's MRO (through the attribute cache).
fn special_on_class(
    vm: &mut Vm,
    cls: &Arc<crate::objects::Class>,
    name: &Arc<crate::objects::str::PyStr>,
) -> Option<Value> {
    vm.attr_cache.entry(cls, name).found.clone()
}

/// Binds `found` (what `special_on_class` gave for `name`) to `obj`; a native object without
/// it on its type may still provide it itself.
fn bind_special(
    vm: &mut Vm,
    obj: &Value,
    cls: &Arc<crate::objects::Class>,
    found: Option<Value>,
    name: &str,
) -> PyResult<Option<Value>> {
    match found {
        Some(a) => vm.descr_get(&a, obj, cls).map(Some),
        None => match obj {
            Value::Native(_) => vm.getattr_opt(obj, name),
            _ => Ok(None),
        },
    }
}

/// The value `d` entries below the top of the stack (d = 1 is the top).
fn peek(f: &Frame, d: u32) -> Option<&Value> {
    let n = f.stack.len();
    n.checked_sub(d as usize).and_then(|i| f.stack.get(i))
}

fn take(f: &mut Frame, n: u32) -> PyResult<Vec<Value>> {
    let len = f.stack.len();
    let n = n as usize;
    if len < n {
        return Err(stack_underflow());
    }
    Ok(f.stack.split_off(len - n))
}

fn load_global(vm: &mut Vm, f: &Frame, name: &str, hash: i64) -> PyResult<Value> {
    if let Some(v) = f.globals.lock().get_str(name, hash) {
        return Ok(v.clone());
    }
    if let Some(v) = vm.interp.builtins.dict.lock().get_str(name, hash) {
        return Ok(v.clone());
    }
    if f.code.obj.py2 {
        if let Some(v) = super::py2::builtin(vm, name, &f.globals)? {
            return Ok(v);
        }
    }
    Err(no_name(name))
}

fn deref_error(f: &Frame, i: u32) -> PyErr {
    let ncell = f.code.obj.cellvars.len();
    let i = i as usize;
    if i < ncell {
        unbound_local(&f.code.obj.cellvars[i])
    } else {
        let name = f.code.obj.freevars.get(i - ncell).map_or("?", |n| n);
        PyErr::new(
            ExcKind::NameError,
            format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ),
        )
    }
}

/// Unpacks exactly `n` items.
fn unpack(vm: &mut Vm, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
    let items = match seq {
        Value::Tuple(t) => t.items.to_vec(),
        Value::List(l) => l.snapshot(),
        _ => {
            let it = vm.get_iter(seq).map_err(|e| {
                if e.is(ExcKind::TypeError) {
                    PyErr::type_error(format!(
                        "cannot unpack non-iterable {} object",
                        seq.type_name()
                    ))
                } else {
                    e
                }
            })?;
            let mut v = Vec::with_capacity(n);
            while let Some(x) = vm.next(&it)? {
                v.push(x);
                if v.len() > n {
                    return Err(PyErr::value_error(format!(
                        "too many values to unpack (expected {n})"
                    )));
                }
            }
            v
        }
    };
    if items.len() > n {
        return Err(PyErr::value_error(format!(
            "too many values to unpack (expected {n})"
        )));
    }
    if items.len() < n {
        return Err(PyErr::value_error(format!(
            "not enough values to unpack (expected {n}, got {})",
            items.len()
        )));
    }
    Ok(items)
}

/// Completes a call whose callable sits at `func_at` and whose arguments start at
/// `args_from` (the last `nkw` of them are keyword values named by `kwnames`).
fn finish_call(
    vm: &mut Vm,
    f: &mut Frame,
    func: Value,
    func_at: usize,
    args_from: usize,
    kwnames: &[Value],
    nkw: usize,
) -> PyResult<Flow> {
    let end = f.stack.len();
    let kw_from = end - nkw;
    if nkw == 0 {
        if let Some(fr) = fast_call(vm, f, &func, func_at, args_from) {
            return Ok(Flow::Push(fr));
        }
        // A builtin function or method with positional arguments (`xs.append(x)`, `len(s)`):
        // called on the stack slice, without the general call's argument handling. The
        // argument-less builtins that read the caller's frame are left to `frame_intrinsic`.
        let native = match &func {
            Value::Builtin(b) if b.bound.is_none() && (args_from < end || b.owner.is_some()) => {
                Some(b.func)
            }
            // Builtin types with a native constructor (`range(i, n)`, `list()`), as
            // `call::class_call` calls them; argument-less `super()` is an intrinsic.
            Value::Class(c)
                if c.base_kind == crate::objects::class::BaseKind::Builtin
                    && !Arc::ptr_eq(c, &crate::objects::class::types().super_) =>
            {
                crate::builtins::constructor(c)
            }
            _ => None,
        };
        if let Some(native) = native {
            let r = native(vm, Args::new(&f.stack[args_from..end]));
            f.stack.truncate(func_at);
            f.stack.push(r?);
            return Ok(Flow::Next);
        }
    }
    if let Some(fr) = bind_call(vm, f, &func, func_at, args_from, kwnames) {
        return Ok(Flow::Push(fr));
    }
    if args_from == end {
        if let Some(v) = frame_intrinsic(vm, f, &func)? {
            f.stack.truncate(func_at);
            f.stack.push(v);
            return Ok(Flow::Next);
        }
    }
    let target = {
        let args = Args::with_kw(
            &f.stack[args_from..kw_from],
            kwnames,
            &f.stack[kw_from..end],
        );
        prepare_call(vm, &func, args)
    };
    f.stack.truncate(func_at);
    match target? {
        CallTarget::Frame(fr) => Ok(Flow::Push(fr)),
        CallTarget::Done(v) => {
            f.stack.push(v);
            Ok(Flow::Next)
        }
    }
}

/// The fast path of a call to a plain Python function with exactly its positional
/// parameters: the arguments move from the caller's stack into the new frame's slots (no
/// clones, no argument parsing). None when the general path must handle the call.
#[inline(always)]
fn fast_call(
    vm: &mut Vm,
    f: &mut Frame,
    func: &Value,
    func_at: usize,
    args_from: usize,
) -> Option<Box<Frame>> {
    let func = match func {
        Value::Function(func) => func,
        _ => return None,
    };
    let code = &func.code;
    if !code.simple_args || f.stack.len() - args_from != code.obj.argcount as usize {
        return None;
    }
    let argc = f.stack.len() - args_from;
    let mut frame = vm.new_frame_args(code, &func.globals, &mut f.stack, argc);
    f.stack.truncate(func_at);
    // No cells of its own (`simple_args`), so the cells are just the closure's.
    frame.cells.extend(func.closure.iter().cloned());
    Some(frame)
}

/// Most parameters a call can bind by keyword on the `bind_call` path.
const BIND_MAX_KW: usize = 8;

/// The next-fastest call of a plain Python function (`simple_args`): fewer positional
/// arguments than parameters, with defaults and/or keyword arguments filling the rest
/// (`combine(x, y, z, e=3)`). The arguments move from the caller's stack into the slots and
/// defaults are copied in, as CPython binds them. None (nothing changed) for anything the
/// general path must decide or report: too many arguments, an unknown, repeated or
/// positional-only keyword, a parameter left without a value, the exact-positional case
/// (`fast_call`).
#[inline(never)]
fn bind_call(
    vm: &mut Vm,
    f: &mut Frame,
    func: &Value,
    func_at: usize,
    args_from: usize,
    kwnames: &[Value],
) -> Option<Box<Frame>> {
    let Value::Function(func) = func else {
        return None;
    };
    let code = &func.code;
    let obj = &code.obj;
    let nkw = kwnames.len();
    let end = f.stack.len();
    let npos = end - nkw - args_from;
    let argcount = obj.argcount as usize;
    if !code.simple_args || npos > argcount || (npos == argcount && nkw == 0) || nkw > BIND_MAX_KW {
        return None;
    }
    // Which parameter each keyword names.
    let mut kw_slot = [0usize; BIND_MAX_KW];
    let mut filled: u64 = 0;
    for (k, name) in kwnames.iter().enumerate() {
        let Value::Str(name) = name else {
            return None;
        };
        let j = (obj.posonlyargcount as usize..argcount)
            .find(|&j| &*obj.varnames[j] == name.as_str())?;
        if j < npos || j >= 64 || filled & (1 << j) != 0 {
            return None;
        }
        filled |= 1 << j;
        kw_slot[k] = j;
    }
    let first_default = argcount.checked_sub(func.defaults.len())?;
    if (npos..argcount).any(|j| j < first_default && (j >= 64 || filled & (1 << j) == 0)) {
        return None;
    }
    let mut frame = vm.new_frame_args(code, &func.globals, &mut f.stack, 0);
    for k in (0..nkw).rev() {
        frame.locals[kw_slot[k]] = f.stack.pop();
    }
    for j in (0..npos).rev() {
        frame.locals[j] = f.stack.pop();
    }
    for j in npos.max(first_default)..argcount {
        if frame.locals[j].is_none() {
            frame.locals[j] = Some(func.defaults[j - first_default].clone());
        }
    }
    f.stack.truncate(func_at);
    frame.cells.extend(func.closure.iter().cloned());
    Some(frame)
}

/// A cell for a new frame, initialised from a parameter when the code says so.
pub fn new_cells(code: &Code, locals: &[Option<Value>], closure: &[Arc<Cell>]) -> Vec<Arc<Cell>> {
    let mut cells = Vec::with_capacity(code.obj.cellvars.len() + closure.len());
    for (i, _) in code.obj.cellvars.iter().enumerate() {
        let init = code
            .obj
            .cell2arg
            .get(i)
            .copied()
            .flatten()
            .and_then(|a| locals.get(a as usize).cloned().flatten());
        cells.push(Arc::new(Cell::new(init)));
    }
    cells.extend(closure.iter().cloned());
    cells
}

/// Resumes the frames with an exception raised at the current instruction of the top frame
/// (`generator.throw`).
#[allow(clippy::vec_box)]
pub fn eval_with_error(vm: &mut Vm, frames: &mut Vec<Box<Frame>>, err: PyErr) -> PyResult<Exit> {
    if let Some(f) = frames.last_mut() {
        // Point at the instruction that was suspended (the yield) for the traceback.
        f.pc = f.pc.max(1);
    }
    if let Some(err) = handle_error(vm, frames, err, true) {
        return Err(err);
    }
    eval(vm, frames)
}
