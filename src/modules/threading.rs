//! The `threading` module: Python source (`py/threading.py`) over the native `_thread`, and
//! the native state of its `Event` (`EventCore`).

use super::deadlock::{Origin, Probe, WaitKind};
use super::thread::{wait_until, PYTIME_MAX_SECS};
use crate::builtins::add_methods;
use crate::compiler::Mode;
use crate::objects::class::types;
use crate::objects::function::Args;
use crate::objects::{Builtin, Class, Module, NativeObject, PyErr, PyResult, Value};
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
        m.set(&format!("_cond{name}"), Value::Builtin(Arc::new(b)));
    }
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
