//! The `signal` module: native `_signal` functions over `vm::signals` (which owns the OS
//! handler and runs Python handlers in the main thread), and `py/signal.py`, CPython's own
//! layer that wraps numbers into the `Signals`/`Handlers`/`Sigmasks` enums. `os.kill` lives in
//! `os`.

use super::util::{exec_embedded, native_module, pos, to_i64};
use crate::objects::function::Args;
use crate::objects::{Module, PyErr, PyResult, Value};
use crate::vm::signals::{self, NSIG};
use crate::vm::Vm;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How often `signal.pause` looks for a delivered signal (the main thread's handlers run then).
const PAUSE_POLL: Duration = Duration::from_millis(20);

const NOT_MAIN: &str = "signal only works in main thread of the main interpreter";

/// A signal number argument in 1..NSIG (`ValueError: signal number out of range`).
fn signum(v: &Value) -> PyResult<usize> {
    let n = to_i64(v)?;
    match usize::try_from(n) {
        Ok(s) if (1..NSIG).contains(&s) => Ok(s),
        _ => Err(PyErr::value_error("signal number out of range")),
    }
}

fn einval() -> PyErr {
    super::os::os_error(&std::io::Error::from_raw_os_error(libc::EINVAL), None, None)
}

fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::Instance(_) | Value::Native(_) => v.class().lookup("__call__").is_some(),
        _ => false,
    }
}

fn signal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sig = signum(pos(&args, 0, "signal")?)?;
    let handler = pos(&args, 1, "signal")?.clone();
    let handler = match &handler {
        Value::Int(0 | 1) => handler,
        Value::Bool(b) => Value::Int(*b as i64),
        h if is_callable(h) => handler,
        _ => {
            return Err(PyErr::type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ))
        }
    };
    if !vm.is_main {
        return Err(PyErr::value_error(NOT_MAIN));
    }
    if sig == libc::SIGKILL as usize || sig == libc::SIGSTOP as usize {
        return Err(einval());
    }
    let old = signals::handler(sig);
    signals::set_handler(sig, handler).map_err(|e| super::os::os_error(&e, None, None))?;
    Ok(old)
}

fn getsignal(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sig = signum(pos(&args, 0, "getsignal")?)?;
    Ok(signals::handler(sig))
}

fn one(args: &Args, name: &str) -> PyResult<Value> {
    match args.pos {
        [v] => Ok(v.clone()),
        a => Err(PyErr::type_error(format!(
            "_signal.{name}() takes exactly one argument ({} given)",
            a.len()
        ))),
    }
}

fn alarm(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let secs = to_i64(&one(&args, "alarm")?)?;
    let secs = i32::try_from(secs)
        .map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))?;
    // SAFETY: alarm(2) takes a plain integer and touches no memory. The C int is reinterpreted
    // as unsigned, as CPython's does (`alarm(-1)` asks for 4294967295 seconds).
    let left = unsafe { libc::alarm(secs as u32) };
    Ok(Value::Int(left as i64))
}

fn raise_signal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = to_i64(&one(&args, "raise_signal")?)?;
    let sig = libc::c_int::try_from(n).map_err(|_| einval())?;
    signal_hook::low_level::raise(sig).map_err(|e| super::os::os_error(&e, None, None))?;
    // CPython runs the handler before raise_signal returns.
    crate::vm::check_signals(vm)?;
    Ok(Value::None)
}

fn pause(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let seen = signals::delivered();
    let _paused = super::deadlock::begin_sleep(vm, "paused in signal.pause", None::<Instant>);
    loop {
        let delivered = signals::delivered() != seen;
        crate::vm::check_signals(vm)?;
        if delivered {
            return Ok(Value::None);
        }
        std::thread::sleep(PAUSE_POLL);
    }
}

/// `signal.itimer_error(errno, strerror)`, the exception of `setitimer`/`getitimer`.
fn itimer_error(vm: &mut Vm, errno: i32) -> PyErr {
    let cls = match vm.interp.modules.get_str("signal") {
        Some(Value::Module(m)) => m.get("itimer_error"),
        _ => None,
    };
    let e = std::io::Error::from_raw_os_error(errno);
    match cls {
        Some(cls) => {
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or("").to_string();
            match vm.call(
                &cls,
                Args::new(&[Value::Int(errno as i64), Value::str(text)]),
            ) {
                Ok(exc) => PyErr(exc),
                Err(err) => err,
            }
        }
        None => super::os::os_error(&e, None, None),
    }
}

fn which_timer(vm: &mut Vm, v: &Value) -> PyResult<libc::c_int> {
    let w = to_i64(v)?;
    match libc::c_int::try_from(w) {
        Ok(w) if (0..=2).contains(&w) => Ok(w),
        _ => Err(itimer_error(vm, libc::EINVAL)),
    }
}

fn timeval(secs: f64) -> libc::timeval {
    let whole = secs.trunc();
    libc::timeval {
        tv_sec: whole as libc::time_t,
        tv_usec: ((secs - whole) * 1e6).round() as libc::suseconds_t,
    }
}

fn itimer_tuple(t: &libc::itimerval) -> Value {
    let f = |tv: &libc::timeval| Value::Float(tv.tv_sec as f64 + tv.tv_usec as f64 * 1e-6);
    Value::tuple(vec![f(&t.it_value), f(&t.it_interval)])
}

/// Upper bound of `setitimer` seconds: keeps the conversion to `time_t` exact.
const ITIMER_MAX: f64 = 1e15;

fn setitimer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let which = which_timer(vm, pos(&args, 0, "setitimer")?)?;
    let secs = super::util::to_f64(pos(&args, 1, "setitimer")?)
        .map_err(|_| super::util::not_int(&args.pos[1]))?;
    let interval = match args.pos.get(2) {
        Some(v) => super::util::to_f64(v).map_err(|_| super::util::not_int(v))?,
        None => 0.0,
    };
    if !(0.0..ITIMER_MAX).contains(&secs) || !(0.0..ITIMER_MAX).contains(&interval) {
        return Err(itimer_error(vm, libc::EINVAL));
    }
    let new = libc::itimerval {
        it_value: timeval(secs),
        it_interval: timeval(interval),
    };
    let mut old = libc::itimerval {
        it_value: timeval(0.0),
        it_interval: timeval(0.0),
    };
    // SAFETY: `new` and `old` are valid itimervals living across the call; setitimer reads
    // the first and writes the second.
    let r = unsafe { libc::setitimer(which as _, &new, &mut old) };
    if r != 0 {
        let errno = std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EINVAL);
        return Err(itimer_error(vm, errno));
    }
    Ok(itimer_tuple(&old))
}

fn getitimer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let which = which_timer(vm, &one(&args, "getitimer")?)?;
    let mut cur = libc::itimerval {
        it_value: timeval(0.0),
        it_interval: timeval(0.0),
    };
    // SAFETY: `cur` is a valid itimerval that getitimer fills in.
    let r = unsafe { libc::getitimer(which as _, &mut cur) };
    if r != 0 {
        let errno = std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EINVAL);
        return Err(itimer_error(vm, errno));
    }
    Ok(itimer_tuple(&cur))
}

fn strsignal(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sig = signum(&one(&args, "strsignal")?)?;
    Ok(match describe(sig) {
        Some(s) => Value::str(s),
        None => Value::None,
    })
}

/// glibc's descriptions (`strsignal(3)`), which CPython returns.
fn describe(sig: usize) -> Option<String> {
    const TEXT: [&str; 32] = [
        "",
        "Hangup",
        "Interrupt",
        "Quit",
        "Illegal instruction",
        "Trace/breakpoint trap",
        "Aborted",
        "Bus error",
        "Floating point exception",
        "Killed",
        "User defined signal 1",
        "Segmentation fault",
        "User defined signal 2",
        "Broken pipe",
        "Alarm clock",
        "Terminated",
        "Stack fault",
        "Child exited",
        "Continued",
        "Stopped (signal)",
        "Stopped",
        "Stopped (tty input)",
        "Stopped (tty output)",
        "Urgent I/O condition",
        "CPU time limit exceeded",
        "File size limit exceeded",
        "Virtual timer expired",
        "Profiling timer expired",
        "Window changed",
        "I/O possible",
        "Power failure",
        "Bad system call",
    ];
    match sig {
        1..=31 => Some(TEXT[sig].to_string()),
        34..=64 => Some(format!("Real-time signal {}", sig - 34)),
        _ => None,
    }
}

pub fn init(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = native_module(
        "signal",
        &[
            ("_signal_signal", signal),
            ("_signal_getsignal", getsignal),
            ("alarm", alarm),
            ("raise_signal", raise_signal),
            ("pause", pause),
            ("strsignal", strsignal),
            ("setitimer", setitimer),
            ("getitimer", getitimer),
        ],
    );
    m.set("default_int_handler", signals::DEFAULT_INT_HANDLER.clone());
    m.set("NSIG", Value::Int(NSIG as i64));
    exec_embedded(vm, &m, include_str!("py/signal.py"))?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_match_glibc_names() {
        assert_eq!(describe(15).as_deref(), Some("Terminated"));
        assert_eq!(describe(40).as_deref(), Some("Real-time signal 6"));
        assert_eq!(describe(32), None);
    }
}
