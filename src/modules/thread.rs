//! The `_thread` module: real OS threads and the lock primitives everything else is built on.
//!
//! `threading` (Python, `py/threading.py`) builds Thread, Condition, Event, Semaphore, Barrier
//! and Timer on these. Locks are a `parking_lot` mutex over a flag plus a condvar: no busy
//! waiting, timeouts honoured, and the main thread wakes every `SIGNAL_POLL` to notice Ctrl-C.

use crate::builtins::add_methods;
use crate::objects::class::types;
use crate::objects::function::Args;
use crate::objects::{
    Builtin, Class, DictObj, ExcKind, Module, NativeObject, PyErr, PyResult, Value,
};
use crate::vm::{check_signals, Vm};
use parking_lot::{Condvar, Mutex, MutexGuard};
use std::any::Any;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// How often a main thread blocked on a primitive wakes to check for Ctrl-C.
const SIGNAL_POLL: Duration = Duration::from_millis(50);
/// CPython's `threading.TIMEOUT_MAX` on Linux (the largest timeout a wait accepts).
pub const TIMEOUT_MAX: f64 = 9223372036.0;
/// Native stack of every thread started by a script: deep recursion through builtins works
/// without committing memory up front (only touched pages count).
pub const SCRIPT_THREAD_STACK: usize = 16 * 1024 * 1024;

/// Threads started by `start_new_thread` that have not finished yet.
static RUNNING: AtomicUsize = AtomicUsize::new(0);
static THREAD_NUMBER: AtomicUsize = AtomicUsize::new(1);
static STACK_SIZE: AtomicUsize = AtomicUsize::new(0);

/// Blocks until `ready` holds or the deadline passes; the main thread also wakes to check for
/// Ctrl-C. Returns whether `ready` held.
pub fn wait_until<T>(
    vm: &mut Vm,
    g: &mut MutexGuard<'_, T>,
    cv: &Condvar,
    deadline: Option<Instant>,
    ready: impl Fn(&T) -> bool,
) -> PyResult<bool> {
    loop {
        if ready(g) {
            return Ok(true);
        }
        let now = Instant::now();
        if deadline.is_some_and(|d| now >= d) {
            return Ok(false);
        }
        let wake = if vm.is_main {
            Some(now + SIGNAL_POLL)
        } else {
            None
        };
        let until = match (deadline, wake) {
            (Some(d), Some(w)) => Some(d.min(w)),
            (d, w) => d.or(w),
        };
        match until {
            Some(t) => {
                cv.wait_until(g, t);
            }
            None => cv.wait(g),
        }
        if vm.is_main {
            check_signals(vm)?;
        }
    }
}

/// Converts CPython's `(blocking, timeout)` pair into an optional deadline; Err for bad
/// combinations, Ok(None) inside for "wait forever".
fn deadline_of(vm: &mut Vm, args: &Args, first: usize) -> PyResult<(bool, Option<Instant>)> {
    let blocking = match crate::builtins::opt_arg(args, first, "blocking") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match crate::builtins::opt_arg(args, first + 1, "timeout") {
        None | Some(Value::None) => -1.0,
        Some(v) => crate::builtins::functions::num_to_float(v).ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            ))
        })?,
    };
    if !blocking && timeout != -1.0 {
        return Err(PyErr::value_error(
            "can't specify a timeout for a non-blocking call",
        ));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(PyErr::value_error(
            "timeout value must be a non-negative number",
        ));
    }
    if timeout > TIMEOUT_MAX {
        return Err(PyErr::overflow_error("timeout value is too large"));
    }
    let deadline = if timeout >= 0.0 {
        Some(Instant::now() + Duration::from_secs_f64(timeout))
    } else {
        None
    };
    Ok((blocking, deadline))
}

// ----- Lock ---------------------------------------------------------------------------------

pub struct Lock {
    locked: Mutex<bool>,
    cv: Condvar,
}

impl Lock {
    pub fn new() -> Lock {
        Lock {
            locked: Mutex::new(false),
            cv: Condvar::new(),
        }
    }
    /// Acquires; `deadline` None waits forever. Returns whether the lock was taken.
    pub fn acquire(
        &self,
        vm: &mut Vm,
        blocking: bool,
        deadline: Option<Instant>,
    ) -> PyResult<bool> {
        let mut g = self.locked.lock();
        if !*g {
            *g = true;
            return Ok(true);
        }
        if !blocking {
            return Ok(false);
        }
        let got = wait_until(vm, &mut g, &self.cv, deadline, |l| !*l)?;
        if got {
            *g = true;
        }
        Ok(got)
    }
    pub fn release(&self) -> PyResult<()> {
        let mut g = self.locked.lock();
        if !*g {
            return Err(PyErr::runtime_error("release unlocked lock"));
        }
        *g = false;
        drop(g);
        self.cv.notify_one();
        Ok(())
    }
    pub fn is_locked(&self) -> bool {
        *self.locked.lock()
    }
}

impl Default for Lock {
    fn default() -> Self {
        Lock::new()
    }
}

impl NativeObject for Lock {
    fn class(&self) -> Arc<Class> {
        lock_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _vm: &mut Vm, me: &Value) -> PyResult<Option<String>> {
        let state = if self.is_locked() {
            "locked"
        } else {
            "unlocked"
        };
        Ok(Some(format!(
            "<{state} _thread.lock object at {:#x}>",
            crate::vm::ops::addr(me)
        )))
    }
}

fn this<'a, T: 'static>(args: &Args<'a>, what: &str) -> PyResult<&'a T> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<T>())
        .ok_or_else(|| PyErr::type_error(format!("descriptor requires a '{what}' object")))
}

fn lock_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &Lock = this(&args, "_thread.lock")?;
    let (blocking, deadline) = deadline_of(vm, &args, 1)?;
    Ok(Value::Bool(l.acquire(vm, blocking, deadline)?))
}

fn lock_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &Lock = this(&args, "_thread.lock")?;
    Ok(Value::Bool(l.acquire(vm, true, None)?))
}

fn lock_release(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &Lock = this(&args, "_thread.lock")?;
    l.release()?;
    Ok(Value::None)
}

fn lock_locked(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &Lock = this(&args, "_thread.lock")?;
    Ok(Value::Bool(l.is_locked()))
}

/// For `Condition` over a plain Lock: "is it held?" (by anyone: a Lock has no owner).
fn lock_is_owned(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &Lock = this(&args, "_thread.lock")?;
    Ok(Value::Bool(l.is_locked()))
}

fn lock_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let c = Class::new_builtin("lock", Some(&types().object));
        c.dict.set_str("__module__", Value::str("_thread"));
        add_methods(
            &c,
            "lock",
            &[
                ("acquire", lock_acquire),
                ("acquire_lock", lock_acquire),
                ("__enter__", lock_enter),
                ("release", lock_release),
                ("release_lock", lock_release),
                ("__exit__", lock_release),
                ("locked", lock_locked),
                ("locked_lock", lock_locked),
                ("_is_owned", lock_is_owned),
            ],
        );
        c
    })
    .clone()
}

// ----- RLock --------------------------------------------------------------------------------

#[derive(Default)]
struct RState {
    owner: u64,
    count: u64,
}

pub struct RLock {
    state: Mutex<RState>,
    cv: Condvar,
}

impl RLock {
    pub fn new() -> RLock {
        RLock {
            state: Mutex::new(RState::default()),
            cv: Condvar::new(),
        }
    }
    fn acquire(&self, vm: &mut Vm, blocking: bool, deadline: Option<Instant>) -> PyResult<bool> {
        let me = vm.ident;
        let mut g = self.state.lock();
        if g.count > 0 && g.owner == me {
            g.count += 1;
            return Ok(true);
        }
        if g.count == 0 {
            g.owner = me;
            g.count = 1;
            return Ok(true);
        }
        if !blocking {
            return Ok(false);
        }
        let got = wait_until(vm, &mut g, &self.cv, deadline, |s| s.count == 0)?;
        if got {
            g.owner = me;
            g.count = 1;
        }
        Ok(got)
    }
    fn release(&self, vm: &Vm) -> PyResult<()> {
        let mut g = self.state.lock();
        if g.count == 0 || g.owner != vm.ident {
            return Err(PyErr::runtime_error("cannot release un-acquired lock"));
        }
        g.count -= 1;
        if g.count == 0 {
            g.owner = 0;
            drop(g);
            self.cv.notify_one();
        }
        Ok(())
    }
}

impl Default for RLock {
    fn default() -> Self {
        RLock::new()
    }
}

impl NativeObject for RLock {
    fn class(&self) -> Arc<Class> {
        rlock_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _vm: &mut Vm, me: &Value) -> PyResult<Option<String>> {
        let g = self.state.lock();
        let state = if g.count > 0 { "locked" } else { "unlocked" };
        Ok(Some(format!(
            "<{state} _thread.RLock object owner={} count={} at {:#x}>",
            g.owner,
            g.count,
            crate::vm::ops::addr(me)
        )))
    }
}

fn rlock_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &RLock = this(&args, "_thread.RLock")?;
    let (blocking, deadline) = deadline_of(vm, &args, 1)?;
    Ok(Value::Bool(l.acquire(vm, blocking, deadline)?))
}

fn rlock_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &RLock = this(&args, "_thread.RLock")?;
    Ok(Value::Bool(l.acquire(vm, true, None)?))
}

fn rlock_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &RLock = this(&args, "_thread.RLock")?;
    l.release(vm)?;
    Ok(Value::None)
}

fn rlock_is_owned(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &RLock = this(&args, "_thread.RLock")?;
    let g = l.state.lock();
    Ok(Value::Bool(g.count > 0 && g.owner == vm.ident))
}

/// `Condition.wait` on an RLock: release every level, remembering them.
fn rlock_release_save(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &RLock = this(&args, "_thread.RLock")?;
    let mut g = l.state.lock();
    if g.count == 0 {
        return Err(PyErr::runtime_error("cannot release un-acquired lock"));
    }
    let saved = Value::tuple(vec![Value::Int(g.count as i64), Value::Int(g.owner as i64)]);
    g.count = 0;
    g.owner = 0;
    drop(g);
    l.cv.notify_one();
    Ok(saved)
}

fn rlock_acquire_restore(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &RLock = this(&args, "_thread.RLock")?;
    let count = match args.pos.get(1) {
        Some(Value::Tuple(t)) => match t.items.first() {
            Some(Value::Int(c)) => *c as u64,
            _ => 1,
        },
        _ => 1,
    };
    l.acquire(vm, true, None)?;
    let mut g = l.state.lock();
    g.count = count;
    g.owner = vm.ident;
    Ok(Value::None)
}

fn rlock_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let c = Class::new_builtin("RLock", Some(&types().object));
        c.dict.set_str("__module__", Value::str("_thread"));
        add_methods(
            &c,
            "RLock",
            &[
                ("acquire", rlock_acquire),
                ("__enter__", rlock_enter),
                ("release", rlock_release),
                ("__exit__", rlock_release),
                ("_is_owned", rlock_is_owned),
                ("_release_save", rlock_release_save),
                ("_acquire_restore", rlock_acquire_restore),
            ],
        );
        c
    })
    .clone()
}

// ----- thread-local data --------------------------------------------------------------------

/// `threading.local()`: one attribute dict per thread.
pub struct Local {
    dicts: Mutex<HashMap<u64, Arc<DictObj>>>,
}

impl Local {
    fn dict(&self, vm: &Vm) -> Arc<DictObj> {
        self.dicts
            .lock()
            .entry(vm.ident)
            .or_insert_with(|| Arc::new(DictObj::new()))
            .clone()
    }
}

impl NativeObject for Local {
    fn class(&self) -> Arc<Class> {
        local_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(&self, vm: &mut Vm, _me: &Value, name: &str) -> PyResult<Option<Value>> {
        let d = self.dict(vm);
        if name == "__dict__" {
            return Ok(Some(Value::Dict(d)));
        }
        if let Some(v) = d.get_str(name) {
            return Ok(Some(v));
        }
        if name.starts_with("__") {
            return Ok(None);
        }
        Err(PyErr::attribute_error(format!(
            "'_thread._local' object has no attribute '{name}'"
        )))
    }
    fn setattr(&self, vm: &mut Vm, _me: &Value, name: &str, value: &Value) -> PyResult<bool> {
        self.dict(vm).set_str(name, value.clone());
        Ok(true)
    }
}

fn local_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let c = Class::new_builtin("_local", Some(&types().object));
        c.dict.set_str("__module__", Value::str("_thread"));
        c
    })
    .clone()
}

// ----- module functions ---------------------------------------------------------------------

fn allocate_lock(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Native(Arc::new(Lock::new())))
}

fn new_rlock(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Native(Arc::new(RLock::new())))
}

fn new_local(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Native(Arc::new(Local {
        dicts: Mutex::new(HashMap::new()),
    })))
}

fn get_ident(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.ident as i64))
}

fn get_native_id(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(crate::vm::native_thread_id() as i64))
}

/// How many threads started by `start_new_thread` are still running.
pub fn running_threads() -> usize {
    RUNNING.load(Ordering::Relaxed)
}

fn count(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(RUNNING.load(Ordering::Relaxed) as i64))
}

fn next_thread_number(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(
        THREAD_NUMBER.fetch_add(1, Ordering::Relaxed) as i64
    ))
}

fn stack_size(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let old = STACK_SIZE.load(Ordering::Relaxed);
    if let Some(v) = args.pos.first() {
        let n = match v {
            Value::Int(i) => *i,
            other => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                )))
            }
        };
        if n != 0 && n < 32768 {
            return Err(PyErr::value_error("size not valid: 32768 bytes"));
        }
        STACK_SIZE.store(n as usize, Ordering::Relaxed);
    }
    Ok(Value::Int(old as i64))
}

/// Seconds on a monotonic clock (for timeouts computed in Python).
fn monotonic(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    static START: OnceLock<Instant> = OnceLock::new();
    let start = *START.get_or_init(Instant::now);
    Ok(Value::Float(start.elapsed().as_secs_f64() + 1.0))
}

/// `start_new_thread(function, args, kwargs=None)`: a real OS thread running `function`.
fn start_new_thread(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let func = crate::builtins::arg(&args, 0, "start_new_thread", "function")?.clone();
    let fargs = match crate::builtins::arg(&args, 1, "start_new_thread", "args")? {
        Value::Tuple(t) => t.items.to_vec(),
        _ => return Err(PyErr::type_error("2nd arg must be a tuple")),
    };
    let kwargs = match args.pos.get(2) {
        Some(Value::Dict(d)) => d.items(),
        Some(Value::None) | None => vec![],
        Some(_) => return Err(PyErr::type_error("optional 3rd arg must be a dictionary")),
    };
    let interp = vm.interp.clone();
    let requested = STACK_SIZE.load(Ordering::Relaxed);
    let size = if requested == 0 {
        SCRIPT_THREAD_STACK
    } else {
        requested.max(SCRIPT_THREAD_STACK / 4)
    };
    RUNNING.fetch_add(1, Ordering::Relaxed);
    let spawned = std::thread::Builder::new().stack_size(size).spawn(move || {
        let mut tvm = Vm::new(interp);
        let (names, vals): (Vec<Value>, Vec<Value>) = kwargs.into_iter().unzip();
        let r = tvm.call(&func, Args::with_kw(&fargs, &names, &vals));
        if let Err(e) = r {
            if !e.is(ExcKind::SystemExit) {
                let out = tvm.interp.out.clone();
                let _ = out.write_stderr(&mut tvm, "Unhandled exception in thread started by ");
                let fr = tvm.repr(&func).unwrap_or_default();
                let _ = out.write_stderr(&mut tvm, &format!("{fr}\n"));
                crate::vm::traceback::print_exception(&mut tvm, &e.0);
            }
        }
        // Generators the thread leaves suspended are closed on it, before it counts as ended.
        drop(fargs);
        drop(func);
        crate::vm::generator::run_abandoned(&mut tvm);
        RUNNING.fetch_sub(1, Ordering::Relaxed);
    });
    match spawned {
        Ok(_) => Ok(Value::Int(0)),
        Err(_) => {
            RUNNING.fetch_sub(1, Ordering::Relaxed);
            Err(PyErr::runtime_error("can't start new thread"))
        }
    }
}

/// Prints `Exception in thread NAME:` and the traceback, without the frames of pyt's own
/// threading module (CPython shows its threading.py frames; they mean nothing to users).
fn print_thread_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = crate::builtins::arg(&args, 0, "_print_thread_exception", "exc")?.clone();
    let name = match args.pos.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => format!("{}", vm.ident),
    };
    if let Some(st) = crate::objects::exception::exc_state(&exc) {
        st.lock()
            .traceback
            .retain(|e| &*e.code.obj.source.name != crate::modules::threading::SOURCE_NAME);
    }
    let out = vm.interp.out.clone();
    out.flush_fd(1);
    let text = format!(
        "Exception in thread {name}:\n{}",
        crate::vm::traceback::format_exception(vm, &exc)
    );
    out.write_stderr(vm, &text)?;
    out.flush_fd(2);
    Ok(Value::None)
}

pub fn init(_vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = Arc::new(Module::new("_thread"));
    let f = |name: &'static str, func: crate::objects::function::NativeFn| {
        m.set(name, Value::Builtin(Arc::new(Builtin::new(name, func))));
    };
    f("start_new_thread", start_new_thread);
    f("start_new", start_new_thread);
    f("allocate_lock", allocate_lock);
    f("allocate", allocate_lock);
    f("RLock", new_rlock);
    f("get_ident", get_ident);
    f("get_native_id", get_native_id);
    f("_count", count);
    f("_next_thread_number", next_thread_number);
    f("stack_size", stack_size);
    f("_local", new_local);
    f("_print_thread_exception", print_thread_exception);
    f("_monotonic", monotonic);
    m.set("LockType", Value::Class(lock_class()));
    m.set(
        "error",
        Value::Class(types().exc(ExcKind::RuntimeError).clone()),
    );
    m.set("TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    Ok(m)
}
