//! The `threading` module: Python source (`py/threading.py`) over the native `_thread`, and
//! the native state of its `Event` (`EventCore`).

use super::deadlock::{Origin, Probe, WaitKind};
use super::thread::{wait_until, PYTIME_MAX_SECS};
use crate::builtins::add_methods;
use crate::compiler::Mode;
use crate::objects::class::types;
use crate::objects::function::Args;
use crate::objects::{Builtin, Class, ExcKind, Module, NativeObject, PyErr, PyResult, Value};
use crate::vm::Vm;
use parking_lot::{Condvar, Mutex};
use std::any::Any;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// The file name tracebacks show for frames of this module (and the thread-exception printer
/// leaves out, since users did not write them).
pub const SOURCE_NAME: &str = "<pyt threading>";

const SOURCE: &str = include_str!("py/threading.py");

pub fn init(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = Arc::new(Module::new("threading"));
    m.set("__builtins__", Value::Module(vm.interp.builtins.clone()));
    // Registered before its body runs, as every module is, so `_shutdown` can find it.
    vm.interp
        .modules
        .set_str("threading", Value::Module(m.clone()));
    m.set("_EventCore", event_core_builtin());
    for (name, f) in [
        (
            "__enter__",
            cond_enter as crate::objects::function::NativeFn,
        ),
        ("__exit__", cond_exit),
    ] {
        let mut b = Builtin::new(name, f);
        // A method of the class it is put in (it binds to the instance).
        b.owner = Some("Condition");
        let v = Value::Builtin(Arc::new(b));
        let _ = if name == "__enter__" {
            COND_ENTER.set(v.clone())
        } else {
            COND_EXIT.set(v.clone())
        };
        m.set(&format!("_cond{name}"), v);
    }
    for (name, f) in [
        ("notify", cond_notify as crate::objects::function::NativeFn),
        ("notify_all", cond_notify_all),
        ("wait", cond_wait),
    ] {
        let mut b = Builtin::new(name, f);
        b.owner = Some("Condition");
        m.set(&format!("_cond_{name}"), Value::Builtin(Arc::new(b)));
    }
    m.set(
        "_cond_register",
        Value::Builtin(Arc::new(Builtin::new("_cond_register", cond_register))),
    );
    crate::vm::import::exec_source(vm, SOURCE_NAME, SOURCE.to_string(), &m.dict, Mode::Exec)?;
    Ok(m)
}

// ----- Event --------------------------------------------------------------------------------

/// The state of a `threading.Event` (whose Python class in `py/threading.py` forwards to it):
/// the flag and a count of `set` calls, under a mutex, with a condvar for the waiters. CPython
/// builds Event on a Condition in Python; a set and a wait here cost a lock and a condvar
/// call instead of a dozen Python calls, and behave the same: `wait` returns True when the
/// flag is set or a `set` happened while it waited (even if cleared since), False on timeout.
pub struct EventCore {
    state: Mutex<EventState>,
    cv: Condvar,
    origin: Origin,
}

struct EventState {
    flag: bool,
    sets: u64,
}

impl EventCore {
    pub fn origin(&self) -> &Origin {
        &self.origin
    }
    /// For the deadlock detector: Ready once the flag is set (never blocks).
    pub fn probe(&self) -> Probe {
        match self.state.try_lock() {
            None => Probe::Busy,
            Some(g) if g.flag => Probe::Ready,
            Some(_) => Probe::Blocked(None),
        }
    }
}

impl NativeObject for EventCore {
    fn plain_attrs(&self) -> bool {
        true
    }
    fn class(&self) -> Arc<Class> {
        static C: OnceLock<Arc<Class>> = OnceLock::new();
        C.get_or_init(|| {
            let c = Class::new_builtin("_EventCore", Some(&types().object));
            c.dict.set_str("__module__", Value::str("threading"));
            add_methods(
                &c,
                "_EventCore",
                &[
                    ("is_set", event_is_set),
                    ("set", event_set),
                    ("clear", event_clear),
                    ("wait", event_wait),
                ],
            );
            c
        })
        .clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn core<'a>(args: &Args<'a>) -> PyResult<&'a EventCore> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<EventCore>())
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_EventCore' object"))
}

fn new_event(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Native(Arc::new(EventCore {
        state: Mutex::new(EventState {
            flag: false,
            sets: 0,
        }),
        cv: Condvar::new(),
        origin: Origin::here(vm),
    })))
}

fn event_is_set(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(core(&args)?.state.lock().flag))
}

fn event_set(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = core(&args)?;
    let mut g = e.state.lock();
    g.flag = true;
    g.sets = g.sets.wrapping_add(1);
    drop(g);
    e.cv.notify_all();
    Ok(Value::None)
}

fn event_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    core(&args)?.state.lock().flag = false;
    Ok(Value::None)
}

/// `wait(timeout)`: as CPython's `Condition.wait` under `Event.wait`: None waits forever, a
/// positive number that many seconds, anything else not at all.
fn event_wait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = core(&args)?;
    // The flag first, as CPython: a set Event returns True whatever the timeout is.
    let sets = {
        let g = e.state.lock();
        if g.flag {
            return Ok(Value::Bool(true));
        }
        g.sets
    };
    let deadline = match args.pos.get(1) {
        None | Some(Value::None) => None,
        Some(t) => {
            let Some(secs) = crate::builtins::functions::num_to_float(t) else {
                return Err(PyErr::type_error(format!(
                    "'>' not supported between instances of '{}' and 'int'",
                    t.type_name()
                )));
            };
            if secs > PYTIME_MAX_SECS {
                return Err(PyErr::overflow_error(
                    "timestamp too large to convert to C _PyTime_t",
                ));
            }
            // NaN and non-positive timeouts only look at the flag, as `acquire(False)`.
            let secs = if secs > 0.0 { secs } else { 0.0 };
            Some(Instant::now() + Duration::from_secs_f64(secs))
        }
    };
    // A set made since the first look counts (the wait returns at once).
    let mut g = e.state.lock();
    let on = args.pos.first().map(|v| (v, WaitKind::Event));
    let got = wait_until(vm, &mut g, &e.cv, deadline, on, |s| s.sets != sets)?;
    Ok(Value::Bool(got))
}

/// `threading._EventCore()`: the state of a new Event, created where user code makes it.
pub fn event_core_builtin() -> Value {
    Value::Builtin(Arc::new(Builtin::new("_EventCore", new_event)))
}

// ----- Condition's `with` -------------------------------------------------------------------

/// `self._lock`, through the attribute cache when it can.
fn cond_lock(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    static NAME: OnceLock<Arc<crate::objects::str::PyStr>> = OnceLock::new();
    let name = NAME.get_or_init(|| crate::objects::str::intern("_lock"));
    match vm.getattr_fast(me, name) {
        Some(v) => Ok(v),
        None => vm.getattr(me, "_lock"),
    }
}

/// `Condition.__enter__`: `self._lock.__enter__()`, as CPython's Python method, but native, so
/// that `with cond:` runs no Python frame and takes a native Lock/RLock directly.
fn cond_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = args
        .pos
        .first()
        .ok_or_else(|| PyErr::type_error("__enter__() needs a Condition"))?;
    let lock = cond_lock(vm, me)?;
    if let Some(r) = super::thread::with_enter(vm, &lock) {
        return r;
    }
    vm.call_method(&lock, "__enter__", &[])
}

/// The `__enter__` and `__exit__` builtins of the first interpreter's `Condition` (one per
/// process but in unit tests), for `cond_with_enter` to recognise.
static COND_ENTER: OnceLock<Value> = OnceLock::new();
static COND_EXIT: OnceLock<Value> = OnceLock::new();

/// `with cond:` in the eval loop's `BeforeWith`, given the `__enter__` and `__exit__` found on
/// `mgr`'s type: when they are Condition's own and `mgr._lock` is a native Lock or RLock kept
/// in the instance dict, takes the lock directly (no bound methods, no calls) and returns
/// enter's result and the lock, which the eval loop keeps in place of the bound `__exit__`
/// (`thread::with_exit` releases it). None when anything differs: the general protocol runs.
pub fn cond_with_enter(
    vm: &mut Vm,
    mgr: &Value,
    enter: &Value,
    exit: &Value,
) -> Option<PyResult<(Value, Value)>> {
    let (Value::Instance(_), Value::Builtin(en), Value::Builtin(ex)) = (mgr, enter, exit) else {
        return None;
    };
    let is = |known: &OnceLock<Value>, b: &Arc<Builtin>| matches!(known.get(), Some(Value::Builtin(k)) if Arc::ptr_eq(k, b));
    if !is(&COND_ENTER, en) || !is(&COND_EXIT, ex) {
        return None;
    }
    static NAME: OnceLock<Arc<crate::objects::str::PyStr>> = OnceLock::new();
    let name = NAME.get_or_init(|| crate::objects::str::intern("_lock"));
    let lock = vm.getattr_fast(mgr, name)?;
    let r = super::thread::with_enter(vm, &lock)?;
    Some(r.map(|r| (r, lock)))
}

/// `Condition.__exit__(*args)`: `self._lock.__exit__(*args)`.
fn cond_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some((me, rest)) = args.pos.split_first() else {
        return Err(PyErr::type_error("__exit__() needs a Condition"));
    };
    let lock = cond_lock(vm, me)?;
    if let Some(r) = super::thread::with_exit(vm, &lock) {
        return r;
    }
    vm.call_method(&lock, "__exit__", rest)
}

/// The `threading.Condition` class of the first interpreter (one per process but in unit
/// tests): instances of exactly this class take the native paths of `notify`/`notify_all`.
static CONDITION_CLASS: OnceLock<Arc<Class>> = OnceLock::new();

/// `_cond_register(Condition)`, run once by `py/threading.py` after defining the class.
fn cond_register(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(Value::Class(c)) = args.pos.first() {
        let _ = CONDITION_CLASS.set(c.clone());
    }
    Ok(Value::None)
}

/// For an instance of exactly `threading.Condition` over a native Lock or RLock with its list
/// of waiters: (whether the calling thread may notify, the waiters). None for anything else
/// (subclasses may override `_is_owned`, and other locks decide ownership in Python).
fn native_cond(
    vm: &mut Vm,
    me: &Value,
) -> PyResult<Option<(bool, Arc<crate::objects::list::ListObj>)>> {
    Ok(native_cond_lock(vm, me)?.map(|(_, owned, waiters)| (owned, waiters)))
}

/// `native_cond` with the lock itself.
fn native_cond_lock(
    vm: &mut Vm,
    me: &Value,
) -> PyResult<Option<(Value, bool, Arc<crate::objects::list::ListObj>)>> {
    let Value::Instance(inst) = me else {
        return Ok(None);
    };
    if !CONDITION_CLASS
        .get()
        .is_some_and(|c| Arc::ptr_eq(c, &inst.class()))
    {
        return Ok(None);
    }
    let lock = cond_lock(vm, me)?;
    let owned = if let Some(l) = lock.as_native::<super::thread::Lock>() {
        l.is_locked()
    } else if let Some(l) = lock.as_native::<super::thread::RLock>() {
        l.is_owned_by(vm.ident)
    } else {
        return Ok(None);
    };
    static WAITERS: OnceLock<Arc<crate::objects::str::PyStr>> = OnceLock::new();
    let name = WAITERS.get_or_init(|| crate::objects::str::intern("_waiters"));
    match vm.getattr_fast(me, name) {
        Some(Value::List(l)) => Ok(Some((lock, owned, l))),
        _ => Ok(None),
    }
}

/// Whether a Condition's waiter spins before sleeping (see `thread::wait_until_with`).
const COND_WAIT_SPINS: bool = false;

/// `Condition.wait(timeout=None)`: CPython's Python method (kept as `_py_wait` for what
/// `native_cond` declines, and for timeouts that are not plain numbers), natively: a new
/// waiter lock, taken, appended to `_waiters`; the condition's lock released (every level of
/// an RLock); the waiter taken again (it is released by `notify`), forever, until the
/// timeout, or not at all for a timeout <= 0; the condition's lock taken back, and the waiter
/// removed from `_waiters` if no notify came.
fn cond_wait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(me) = args.pos.first() else {
        return Err(PyErr::type_error("wait() needs a Condition"));
    };
    let timeout = match (args.pos.len(), args.kwnames.len()) {
        (1, 0) => Some(Value::None),
        (2, 0) => args.pos.get(1).cloned(),
        (1, 1) => args.get_kw("timeout").cloned(),
        _ => None,
    };
    // None: forever; Some(secs) waits up to secs (0: only a look).
    let limit = match &timeout {
        Some(Value::None) => Some(None),
        Some(t @ (Value::Int(_) | Value::Float(_) | Value::Bool(_))) => {
            let secs = crate::builtins::functions::num_to_float(t).unwrap_or(0.0);
            Some(Some(if secs > 0.0 { secs } else { 0.0 }))
        }
        _ => None,
    };
    let native = match limit {
        Some(limit) => native_cond_lock(vm, me)?.map(|c| (limit, c)),
        None => None,
    };
    let Some((limit, (lock, owned, waiters))) = native else {
        let f = vm.getattr(me, "_py_wait")?;
        return vm.call(&f, Args::with_kw(&args.pos[1..], args.kwnames, args.kwvals));
    };
    if !owned {
        return Err(PyErr::runtime_error("cannot wait on un-acquired lock"));
    }
    let deadline = match limit {
        None => None,
        Some(secs) if secs > PYTIME_MAX_SECS => {
            return Err(PyErr::overflow_error(
                "timestamp too large to convert to C _PyTime_t",
            ))
        }
        Some(secs) => Some(Instant::now() + Duration::from_secs_f64(secs)),
    };
    let waiter = super::thread::Lock::new();
    let text = |vm: &mut Vm, name: &str| match vm.getattr(me, name) {
        Ok(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    };
    let kind = text(vm, "_pyt_kind");
    let origin = text(vm, "_pyt_origin");
    waiter.set_role(&kind, origin);
    waiter.take_new(vm);
    let waiter = Value::Native(Arc::new(waiter));
    let Some(w) = waiter.as_native::<super::thread::Lock>() else {
        return Err(PyErr::runtime_error("waiter lock"));
    };
    waiters.push(waiter.clone());
    // `_release_save()`; what `_acquire_restore` takes back.
    let saved = if let Some(l) = lock.as_native::<super::thread::Lock>() {
        l.release().map(|_| 0)
    } else if let Some(l) = lock.as_native::<super::thread::RLock>() {
        l.release_save().map(|(count, _)| count)
    } else {
        Err(PyErr::runtime_error("cannot release un-acquired lock"))
    };
    let saved = match saved {
        Ok(s) => s,
        Err(e) => {
            remove_waiter(&waiters, &waiter);
            return Err(e);
        }
    };
    let got = match deadline {
        Some(d) if d <= Instant::now() => w.acquire(vm, Some(&waiter), false, None),
        d => w.acquire_with(vm, Some(&waiter), true, d, COND_WAIT_SPINS),
    };
    // `_acquire_restore(saved)`, whatever happened (the `finally` of CPython's method).
    let restored = if let Some(l) = lock.as_native::<super::thread::Lock>() {
        l.acquire(vm, Some(&lock), true, None).map(|_| ())
    } else if let Some(l) = lock.as_native::<super::thread::RLock>() {
        l.acquire_restore(vm, Some(&lock), saved)
    } else {
        Ok(())
    };
    restored?;
    if !matches!(got, Ok(true)) {
        remove_waiter(&waiters, &waiter);
    }
    got.map(Value::Bool)
}

/// `_waiters.remove(waiter)` when it is still there (a notify may have taken it out).
fn remove_waiter(waiters: &crate::objects::list::ListObj, waiter: &Value) {
    let removed = {
        let mut g = waiters.lock();
        g.iter().position(|x| x.is(waiter)).map(|i| g.remove(i))
    };
    drop(removed);
}

/// `Condition.notify(n=1)`: CPython's Python method (kept as `_py_notify` for the cases
/// `native_cond` declines), natively.
fn cond_notify(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(me) = args.pos.first() else {
        return Err(PyErr::type_error("notify() needs a Condition"));
    };
    let n = match crate::builtins::opt_arg(&args, 1, "n") {
        None => Some(1),
        Some(Value::Int(n)) => Some(*n),
        Some(_) => None,
    };
    if let (Some(n), Some((owned, waiters))) = (n, native_cond(vm, me)?) {
        if !owned {
            return Err(PyErr::runtime_error("cannot notify on un-acquired lock"));
        }
        notify_waiters(vm, &waiters, n)?;
        return Ok(Value::None);
    }
    vm.call_method(me, "_py_notify", &args.pos[1..])
}

/// `Condition.notify_all()`: `self.notify(len(self._waiters))`, natively when it can.
fn cond_notify_all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(me) = args.pos.first() else {
        return Err(PyErr::type_error("notify_all() needs a Condition"));
    };
    if let Some((owned, waiters)) = native_cond(vm, me)? {
        if !owned {
            return Err(PyErr::runtime_error("cannot notify on un-acquired lock"));
        }
        let n = waiters.len() as i64;
        notify_waiters(vm, &waiters, n)?;
        return Ok(Value::None);
    }
    let waiters = vm.getattr(me, "_waiters")?;
    let n = vm.len(&waiters)?;
    vm.call_method(me, "notify", &[Value::Int(n as i64)])
}

/// The loop of CPython's `Condition.notify` over a list of waiter locks: release the first
/// waiter (one already released, a RuntimeError, does not count), remove it from the list,
/// until `n` are woken or none is left.
fn notify_waiters(
    vm: &mut Vm,
    waiters: &crate::objects::list::ListObj,
    mut n: i64,
) -> PyResult<()> {
    while n > 0 {
        let Some(w) = waiters.get(0) else { break };
        let released = match w.as_native::<super::thread::Lock>() {
            Some(l) => l.release(),
            None => vm.call_method(&w, "release", &[]).map(|_| ()),
        };
        match released {
            Ok(()) => n -= 1,
            Err(e) if e.is(ExcKind::RuntimeError) => {}
            Err(e) => return Err(e),
        }
        let removed = {
            let mut g = waiters.lock();
            g.iter().position(|x| x.is(&w)).map(|i| g.remove(i))
        };
        drop(removed);
    }
    Ok(())
}
