//! Generators: a suspended frame behind a lock that is only held to take or put the frame.
//!
//! Resuming takes the frame out (so the lock is never held while Python code runs); a second
//! thread resuming a running generator finds it missing and gets
//! `ValueError: generator already executing`, never a corrupted frame.
//!
//! A generator dropped while suspended inside a `try`/`with` is closed, as CPython closes one
//! it collects, so its `finally` blocks run. `Drop` may run anywhere, even while a container's
//! lock is held, so it never runs Python code: it queues the frame on its thread, and the
//! eval loop closes the queued generators at its next instruction boundary
//! ([`run_abandoned`]), where no internal lock is held.

use super::eval::{eval, eval_with_error, Exit};
use super::frame::{Block, Frame};
use super::Vm;
use crate::compiler::bytecode::Instr;
use crate::objects::function::Args;
use crate::objects::iter::iter_class;
use crate::objects::{Class, ExcKind, Function, NativeObject, PyErr, PyResult, Value};
use parking_lot::Mutex;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::sync::Arc;

/// A suspended generator that was dropped: what closing it needs.
struct Abandoned {
    frame: Box<Frame>,
    exc: Option<Value>,
    name: Arc<str>,
    qualname: Arc<str>,
}

thread_local! {
    /// Generators dropped on this thread and waiting to be closed.
    static ABANDONED: RefCell<Vec<Abandoned>> = const { RefCell::new(Vec::new()) };
    /// Set when `ABANDONED` is non-empty: the one check the eval loop makes per instruction.
    static HAS_ABANDONED: Cell<bool> = const { Cell::new(false) };
}

impl Drop for Generator {
    fn drop(&mut self) {
        let State::Suspended(frame) = std::mem::replace(self.state.get_mut(), State::Finished)
        else {
            return;
        };
        // Only a started generator inside a protected block has code to run on close.
        if frame.pc == 0 || frame.blocks.is_empty() {
            return;
        }
        let item = Abandoned {
            frame,
            exc: self.exc.get_mut().take(),
            name: self.name.clone(),
            qualname: self.qualname.clone(),
        };
        // On a thread being torn down (its thread-locals gone) or while the queue is being
        // swapped out, the frame is simply dropped: nothing may panic in a destructor.
        let _ = ABANDONED.try_with(|q| {
            if let Ok(mut q) = q.try_borrow_mut() {
                q.push(item);
                let _ = HAS_ABANDONED.try_with(|f| f.set(true));
            }
        });
    }
}

/// True when generators dropped on this thread wait to be closed (cheap: one thread-local
/// flag), so the eval loop calls [`run_abandoned`].
#[inline(always)]
pub fn has_abandoned() -> bool {
    HAS_ABANDONED.try_with(|f| f.get()).unwrap_or(false)
}

/// Closes the generators dropped on this thread, running their `finally` blocks; an error
/// is printed as CPython prints one it cannot raise ("Exception ignored in: ...").
pub fn run_abandoned(vm: &mut Vm) {
    loop {
        let batch = ABANDONED
            .try_with(|q| q.try_borrow_mut().map(|mut q| std::mem::take(&mut *q)))
            .ok()
            .and_then(Result::ok)
            .unwrap_or_default();
        let _ = HAS_ABANDONED.try_with(|f| f.set(false));
        if batch.is_empty() {
            return;
        }
        for a in batch {
            let g = Value::Native(Arc::new(Generator {
                state: Mutex::new(State::Suspended(a.frame)),
                exc: Mutex::new(a.exc),
                name: a.name,
                qualname: a.qualname,
            }));
            let Some(gen) = g.as_native::<Generator>() else {
                continue;
            };
            let handled = vm.handled.clone();
            if let Err(e) = gen.close(vm) {
                let what = vm.repr(&g).unwrap_or_else(|_| "generator".to_string());
                // CPython's unraisable hook prints the exception alone, without its chain.
                let chain = crate::objects::exception::exc_state(&e.0).map(|st| {
                    let mut st = st.lock();
                    (st.context.take(), st.cause.take())
                });
                let text = format!(
                    "Exception ignored in: {what}\n{}",
                    super::traceback::format_exception(vm, &e.0)
                );
                if let (Some(st), Some((context, cause))) =
                    (crate::objects::exception::exc_state(&e.0), chain)
                {
                    let mut st = st.lock();
                    st.context = context;
                    st.cause = cause;
                }
                let out = vm.interp.out.clone();
                out.flush_fd(1);
                if out.write_stderr(vm, &text).is_err() {
                    out.write_fd(2, &text);
                }
                out.flush_fd(2);
            }
            // Collected objects are gone even when closing failed: never resumed again.
            let old = std::mem::replace(&mut *gen.state.lock(), State::Finished);
            drop(old);
            vm.handled = handled;
        }
    }
}

enum State {
    Suspended(Box<Frame>),
    Running,
    Finished,
}

pub struct Generator {
    state: Mutex<State>,
    /// The exception being handled inside the generator when it yielded from an `except` or
    /// `finally` block; it is the handled exception again when the generator resumes.
    exc: Mutex<Option<Value>>,
    pub name: Arc<str>,
    pub qualname: Arc<str>,
}

impl NativeObject for Generator {
    fn class(&self) -> Arc<Class> {
        iter_class("generator")
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _vm: &mut Vm, me: &Value) -> PyResult<Option<String>> {
        Ok(Some(format!(
            "<generator object {} at {:#x}>",
            self.qualname,
            super::ops::addr(me)
        )))
    }
    fn getattr(&self, _vm: &mut Vm, _me: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__name__" => Some(Value::str(self.name.to_string())),
            "__qualname__" => Some(Value::str(self.qualname.to_string())),
            "gi_running" => Some(Value::Bool(matches!(*self.state.lock(), State::Running))),
            _ => None,
        })
    }
}

/// The outcome of one resumption.
pub enum Resumed {
    Yield(Value),
    Return(Value),
}

/// One step of `yield from`.
pub enum Delegate {
    Yielded(Value),
    Finished(Value),
}

impl Generator {
    pub fn new_value(frame: Box<Frame>, f: &Function) -> Value {
        Value::Native(Arc::new(Generator {
            state: Mutex::new(State::Suspended(frame)),
            exc: Mutex::new(None),
            name: f.name(),
            qualname: f.qualname(),
        }))
    }

    fn take(&self) -> PyResult<Option<Box<Frame>>> {
        let mut st = self.state.lock();
        match std::mem::replace(&mut *st, State::Running) {
            State::Suspended(f) => Ok(Some(f)),
            State::Running => Err(PyErr::value_error("generator already executing")),
            State::Finished => {
                *st = State::Finished;
                Ok(None)
            }
        }
    }

    /// Resumes with a value sent in, or with an exception thrown in.
    pub fn resume(&self, vm: &mut Vm, sent: Value, throw: Option<PyErr>) -> PyResult<Resumed> {
        let Some(mut frame) = self.take()? else {
            return match throw {
                Some(e) => Err(e),
                None => Ok(Resumed::Return(Value::None)),
            };
        };
        let started = frame.pc > 0;
        if !started && !sent.is_none() && throw.is_none() {
            *self.state.lock() = State::Suspended(frame);
            return Err(PyErr::type_error(
                "can't send non-None value to a just-started generator",
            ));
        }
        if started && throw.is_none() {
            frame.stack.push(sent);
        }
        if let Err(e) = vm.enter() {
            *self.state.lock() = State::Suspended(frame);
            return Err(e);
        }
        let saved = self.enter_handled(vm, &mut frame);
        let mut frames = vm.take_frame_stack(frame);
        let r = match throw {
            Some(e) => eval_with_error(vm, &mut frames, e),
            None => eval(vm, &mut frames),
        };
        self.leave_handled(vm, &r, &frames, saved);
        let last = frames.pop();
        vm.give_frame_stack(frames);
        match r {
            Ok(Exit::Yield(v)) => {
                vm.leave();
                match last {
                    Some(f) => *self.state.lock() = State::Suspended(f),
                    None => *self.state.lock() = State::Finished,
                }
                Ok(Resumed::Yield(v))
            }
            Ok(Exit::Return(v)) => {
                *self.state.lock() = State::Finished;
                Ok(Resumed::Return(v))
            }
            Err(e) => {
                *self.state.lock() = State::Finished;
                if e.is(ExcKind::StopIteration) {
                    let re = PyErr::runtime_error("generator raised StopIteration");
                    if let Some(st) = re.state() {
                        st.lock().cause = Some(e.0.clone());
                        st.lock().suppress_context = true;
                    }
                    return Err(re);
                }
                Err(e)
            }
        }
    }

    /// Before resuming: the caller's handled exception stays visible inside (CPython chains
    /// the generator's exception state to its caller's), unless the generator was suspended in
    /// a handler, whose exception comes back. Returns the caller's, to restore afterwards.
    fn enter_handled(&self, vm: &mut Vm, frame: &mut Frame) -> Option<Value> {
        let saved = vm.handled.clone();
        if let Some(h) = self.exc.lock().take() {
            vm.handled = Some(h);
        }
        // Leaving the outermost handler restores what the caller is handling now, not what
        // an earlier caller was handling when the handler was entered.
        for b in frame.blocks.iter_mut() {
            if let Block::Handler { prev } = b {
                *prev = saved.clone();
                break;
            }
        }
        saved
    }

    /// After the generator stopped: remembers its handled exception if it yielded inside a
    /// handler, and gives the caller back its own.
    #[allow(clippy::vec_box)]
    fn leave_handled(
        &self,
        vm: &mut Vm,
        r: &PyResult<Exit>,
        frames: &[Box<Frame>],
        saved: Option<Value>,
    ) {
        if let (Ok(Exit::Yield(_)), Some(f)) = (r, frames.last()) {
            if f.blocks.iter().any(|b| matches!(b, Block::Handler { .. })) {
                *self.exc.lock() = vm.handled.clone();
            }
        }
        vm.handled = saved;
    }

    /// The sub-iterator of a pending `yield from`, if the generator is suspended in one.
    fn delegate_target(&self) -> Option<Value> {
        let st = self.state.lock();
        match &*st {
            State::Suspended(f)
                if matches!(f.code.obj.instrs.get(f.pc), Some(Instr::YieldFrom)) =>
            {
                f.stack.last().cloned()
            }
            _ => None,
        }
    }

    /// `gen.throw(exc)`, delegating to a `yield from` sub-generator first.
    pub fn throw(&self, vm: &mut Vm, err: PyErr) -> PyResult<Resumed> {
        if let Some(sub) = self.delegate_target() {
            if let Some(g) = sub.as_native::<Generator>() {
                match g.throw(vm, err) {
                    Ok(Resumed::Yield(v)) => return Ok(Resumed::Yield(v)),
                    Ok(Resumed::Return(v)) => {
                        // The sub-generator finished: continue after the `yield from`.
                        if let Some(mut f) = self.take()? {
                            f.stack.pop();
                            f.stack.pop();
                            f.pc += 1;
                            f.stack.push(v);
                            // Resume as if the value had been produced by the instruction.
                            f.pc -= 0;
                            *self.state.lock() = State::Suspended(f);
                            return self.resume_after_delegate(vm);
                        }
                        return Ok(Resumed::Return(Value::None));
                    }
                    Err(e) => return self.resume(vm, Value::None, Some(e)),
                }
            }
        }
        self.resume(vm, Value::None, Some(err))
    }

    fn resume_after_delegate(&self, vm: &mut Vm) -> PyResult<Resumed> {
        let Some(mut frame) = self.take()? else {
            return Ok(Resumed::Return(Value::None));
        };
        if let Err(e) = vm.enter() {
            *self.state.lock() = State::Suspended(frame);
            return Err(e);
        }
        let saved = self.enter_handled(vm, &mut frame);
        let mut frames = vec![frame];
        let r = eval(vm, &mut frames);
        self.leave_handled(vm, &r, &frames, saved);
        match r {
            Ok(Exit::Yield(v)) => {
                vm.leave();
                if let Some(f) = frames.pop() {
                    *self.state.lock() = State::Suspended(f);
                }
                Ok(Resumed::Yield(v))
            }
            Ok(Exit::Return(v)) => {
                *self.state.lock() = State::Finished;
                Ok(Resumed::Return(v))
            }
            Err(e) => {
                *self.state.lock() = State::Finished;
                Err(e)
            }
        }
    }

    /// `gen.close()`.
    pub fn close(&self, vm: &mut Vm) -> PyResult<()> {
        {
            let mut st = self.state.lock();
            match &*st {
                State::Finished => return Ok(()),
                State::Suspended(f) if f.pc == 0 => {
                    *st = State::Finished;
                    return Ok(());
                }
                _ => {}
            }
        }
        let exit = PyErr::with_args(ExcKind::GeneratorExit, vec![]);
        match self.throw(vm, exit) {
            Ok(Resumed::Yield(_)) => Err(PyErr::runtime_error("generator ignored GeneratorExit")),
            Ok(Resumed::Return(_)) => Ok(()),
            Err(e) if e.is(ExcKind::GeneratorExit) || e.is(ExcKind::StopIteration) => Ok(()),
            Err(e) => Err(e),
        }
    }
}

/// `next(gen)`.
pub fn gen_next(vm: &mut Vm, g: &Generator, _me: &Value) -> PyResult<Option<Value>> {
    match g.resume(vm, Value::None, None)? {
        Resumed::Yield(v) => Ok(Some(v)),
        Resumed::Return(_) => Ok(None),
    }
}

/// One step of `yield from it` with `sent`.
pub fn delegate_send(vm: &mut Vm, it: &Value, sent: Value) -> PyResult<Delegate> {
    if let Some(g) = it.as_native::<Generator>() {
        return Ok(match g.resume(vm, sent, None)? {
            Resumed::Yield(v) => Delegate::Yielded(v),
            Resumed::Return(v) => Delegate::Finished(v),
        });
    }
    if sent.is_none() {
        return Ok(match vm.next(it)? {
            Some(v) => Delegate::Yielded(v),
            None => Delegate::Finished(Value::None),
        });
    }
    match vm.call_method(it, "send", &[sent]) {
        Ok(v) => Ok(Delegate::Yielded(v)),
        Err(e) if e.is(ExcKind::StopIteration) => {
            let v = vm.getattr(&e.0, "value").unwrap_or(Value::None);
            Ok(Delegate::Finished(v))
        }
        Err(e) => Err(e),
    }
}

fn this(args: &Args) -> PyResult<Arc<dyn NativeObject>> {
    match args.pos.first() {
        Some(Value::Native(n)) if n.as_any().is::<Generator>() => Ok(n.clone()),
        _ => Err(PyErr::type_error(
            "descriptor requires a 'generator' object",
        )),
    }
}

fn gen_of(n: &Arc<dyn NativeObject>) -> &Generator {
    n.as_any()
        .downcast_ref::<Generator>()
        .expect("checked by this()")
}

pub fn method_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = this(&args)?;
    let sent = args.pos.get(1).cloned().unwrap_or(Value::None);
    match gen_of(&n).resume(vm, sent, None)? {
        Resumed::Yield(v) => Ok(v),
        Resumed::Return(v) => Err(PyErr::stop_iteration(if v.is_none() {
            None
        } else {
            Some(v)
        })),
    }
}

pub fn method_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = this(&args)?;
    match gen_of(&n).resume(vm, Value::None, None)? {
        Resumed::Yield(v) => Ok(v),
        Resumed::Return(v) => Err(PyErr::stop_iteration(if v.is_none() {
            None
        } else {
            Some(v)
        })),
    }
}

pub fn method_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = this(&args)?;
    let typ = args.pos.get(1).cloned().unwrap_or(Value::None);
    let val = args.pos.get(2).cloned().unwrap_or(Value::None);
    let is_exc_class = matches!(&typ, Value::Class(c) if c.exc_kind.is_some());
    let is_exc_inst = matches!(&typ, Value::Instance(i) if i.class().exc_kind.is_some());
    if !is_exc_class && !is_exc_inst {
        return Err(PyErr::type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            typ.type_name()
        )));
    }
    if args.pos.get(3).is_some_and(|tb| !tb.is_none()) {
        return Err(PyErr::type_error(
            "throw() third argument must be a traceback object",
        ));
    }
    let exc = match (&typ, &val) {
        (Value::Class(_), Value::None) => super::unwind::make_exception(vm, typ.clone())?,
        (Value::Class(c), v @ Value::Instance(i)) if i.class().is_subclass(c) => PyErr(v.clone()),
        (Value::Class(_), Value::Tuple(t)) => {
            let items = t.items.to_vec();
            PyErr(vm.call(&typ, Args::new(&items))?)
        }
        (Value::Class(_), v) => {
            let inst = vm.call(&typ, Args::new(std::slice::from_ref(v)))?;
            PyErr(inst)
        }
        (_, Value::None) => super::unwind::make_exception(vm, typ.clone())?,
        _ => {
            return Err(PyErr::type_error(
                "instance exception may not have a separate value",
            ))
        }
    };
    match gen_of(&n).throw(vm, exc)? {
        Resumed::Yield(v) => Ok(v),
        Resumed::Return(v) => Err(PyErr::stop_iteration(if v.is_none() {
            None
        } else {
            Some(v)
        })),
    }
}

pub fn method_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = this(&args)?;
    gen_of(&n).close(vm)?;
    Ok(Value::None)
}

pub fn method_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}
