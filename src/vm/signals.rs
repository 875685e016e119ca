//! Signals as the VM sees them: the OS-level handler, the pending flags it sets, and the
//! main thread running the Python handlers (`signal.signal`) between instructions and inside
//! blocking waits, as CPython does.
//!
//! The OS handler ([`on_signal`]) only stores into atomics: the signal's pending flag, a
//! delivery counter, `SIG_ANY` ("some signal is pending", what blocking waits look at) and
//! `ATTENTION` (what the eval loop polls). `ATTENTION` also carries thread-dump requests
//! (`deadlock::dump_threads` asks running threads to publish their stacks), so the eval loop
//! keeps one cheap test for both: a relaxed load on entering `step_many` and every
//! `CHECK_INTERVAL` instructions. Only the main thread clears `ATTENTION` (before it scans the
//! flags, so a signal arriving meanwhile sets it again); other threads just answer a dump.
//!
//! A Python handler replaces the OS disposition with pyt's handler; `SIG_DFL` and `SIG_IGN`
//! restore the kernel's own dispositions, so a SIGTERM with no handler kills the process with
//! that signal exactly as under CPython. SIGINT starts with pyt's handler and
//! `default_int_handler` (KeyboardInterrupt).

use super::frame::Frame;
use super::Vm;
use crate::objects::function::Args;
use crate::objects::{Builtin, ExcKind, PyErr, PyResult, Value};
use parking_lot::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock};

/// One more than the largest signal number (Linux: 64, real-time signals included), as
/// CPython's `signal.NSIG`.
pub const NSIG: usize = 65;

/// Set when a signal is pending or a thread dump is requested; polled by the eval loop.
static ATTENTION: AtomicBool = AtomicBool::new(false);
/// Set when some signal is pending for the main thread.
static SIG_ANY: AtomicBool = AtomicBool::new(false);
/// Per signal number: delivered and not yet handled.
static PENDING: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
/// Number of signals delivered to pyt's handler so far (`signal.pause` waits for it to move).
static DELIVERED: AtomicUsize = AtomicUsize::new(0);
/// Some signal has a Python handler (other than `default_int_handler`).
static PY_HANDLERS: AtomicBool = AtomicBool::new(false);
/// A thread dump is collecting the stacks of running threads.
static DUMP_ACTIVE: AtomicBool = AtomicBool::new(false);

/// What `signal.signal` installed for each signal: None until Python sets one (the initial
/// disposition is then read from the kernel).
static HANDLERS: LazyLock<Mutex<Vec<Option<Value>>>> =
    LazyLock::new(|| Mutex::new(vec![None; NSIG]));

/// `signal.default_int_handler`: one object, so `getsignal(SIGINT) is default_int_handler`.
pub static DEFAULT_INT_HANDLER: LazyLock<Value> = LazyLock::new(|| {
    Value::Builtin(Arc::new(Builtin::new(
        "default_int_handler",
        default_int_handler,
    )))
});

fn default_int_handler(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return Err(PyErr::type_error(format!(
            "default_int_handler expected 2 arguments, got {}",
            args.pos.len()
        )));
    }
    Err(PyErr::with_args(ExcKind::KeyboardInterrupt, vec![]))
}

/// The OS-level handler. Async-signal-safe: it only stores into and adds to static atomics.
extern "C" fn on_signal(sig: libc::c_int) {
    if let Some(p) = usize::try_from(sig).ok().and_then(|s| PENDING.get(s)) {
        p.store(true, Ordering::SeqCst);
        DELIVERED.fetch_add(1, Ordering::SeqCst);
        SIG_ANY.store(true, Ordering::SeqCst);
        ATTENTION.store(true, Ordering::SeqCst);
    }
}

/// A kernel disposition for `set_disposition`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Disposition {
    Default,
    Ignore,
    /// pyt's handler: the main thread runs the Python handler.
    Handle,
}

/// Installs `d` as the kernel's disposition of `sig`.
pub fn set_disposition(sig: usize, d: Disposition) -> std::io::Result<()> {
    let handler = match d {
        Disposition::Default => libc::SIG_DFL,
        Disposition::Ignore => libc::SIG_IGN,
        Disposition::Handle => on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
    };
    let signo =
        libc::c_int::try_from(sig).map_err(|_| std::io::Error::from_raw_os_error(libc::EINVAL))?;
    // SAFETY: `sa` is a zero-initialised sigaction (a valid value: empty mask, no flags)
    // filled with a handler that is SIG_DFL, SIG_IGN or `on_signal`, an `extern "C"` function
    // that only performs lock-free atomic operations on statics, which is async-signal-safe;
    // `sigemptyset` and `sigaction` only read and write the structs passed by pointer, which
    // live for the whole call; the old action is not requested (null).
    let r = unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = handler;
        // Interrupted system calls restart: blocking waits poll for pending signals instead.
        sa.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(signo, &sa, std::ptr::null_mut())
    };
    if r != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// The kernel's current disposition of `sig` (anything other than default/ignore counts as
/// handled).
pub fn kernel_disposition(sig: usize) -> Disposition {
    let Ok(signo) = libc::c_int::try_from(sig) else {
        return Disposition::Default;
    };
    // SAFETY: `old` is a zero-initialised sigaction that `sigaction` fills in; the new action
    // is null, so nothing changes.
    let (r, h) = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        let r = libc::sigaction(signo, std::ptr::null(), &mut old);
        (r, old.sa_sigaction)
    };
    match h {
        _ if r != 0 => Disposition::Default,
        libc::SIG_DFL => Disposition::Default,
        libc::SIG_IGN => Disposition::Ignore,
        _ => Disposition::Handle,
    }
}

/// Start-up (`pyt` binary and REPL): Ctrl-C goes to pyt's handler (KeyboardInterrupt in the
/// main thread) unless it was inherited ignored (a shell's background job), and SIGXFSZ is
/// ignored, as CPython sets them up.
pub fn install() {
    if kernel_disposition(libc::SIGINT as usize) == Disposition::Default {
        let _ = set_disposition(libc::SIGINT as usize, Disposition::Handle);
    }
    let _ = set_disposition(libc::SIGXFSZ as usize, Disposition::Ignore);
}

/// The handler `signal.getsignal` reports: what Python installed, else the start-up state
/// (`default_int_handler` for SIGINT while pyt handles it, 0/1 for SIG_DFL/SIG_IGN).
pub fn handler(sig: usize) -> Value {
    if let Some(Some(h)) = HANDLERS.lock().get(sig) {
        return h.clone();
    }
    match kernel_disposition(sig) {
        Disposition::Ignore => Value::Int(1),
        Disposition::Handle if sig == libc::SIGINT as usize => DEFAULT_INT_HANDLER.clone(),
        // pyt's own SIGQUIT thread dump is not a Python handler.
        _ => Value::Int(0),
    }
}

/// `signal.signal`: installs `h` (0 = SIG_DFL, 1 = SIG_IGN, or a callable) for `sig`.
pub fn set_handler(sig: usize, h: Value) -> std::io::Result<()> {
    let d = match h {
        Value::Int(0) => Disposition::Default,
        Value::Int(1) => Disposition::Ignore,
        _ => Disposition::Handle,
    };
    // A signal that arrived under the previous handler is not handed to the new one.
    if d != Disposition::Handle {
        if let Some(p) = PENDING.get(sig) {
            p.store(false, Ordering::SeqCst);
        }
    }
    let mut g = HANDLERS.lock();
    set_disposition(sig, d)?;
    if let Some(slot) = g.get_mut(sig) {
        *slot = Some(h);
    }
    let any = g.iter().flatten().any(|h| {
        !matches!(h, Value::Int(_))
            && !matches!((h, &*DEFAULT_INT_HANDLER), (Value::Builtin(a), Value::Builtin(b)) if Arc::ptr_eq(a, b))
    });
    PY_HANDLERS.store(any, Ordering::SeqCst);
    Ok(())
}

/// True when Python code installed a handler of its own for some signal: a thread blocked in
/// the main thread may then be woken by it, so the deadlock detector gives no verdict.
pub fn python_handlers() -> bool {
    PY_HANDLERS.load(Ordering::SeqCst)
}

/// Forgets a pending signal (the REPL drops a Ctrl-C typed while editing).
pub fn clear(sig: usize) {
    if let Some(p) = PENDING.get(sig) {
        p.store(false, Ordering::SeqCst);
    }
}

/// How many signals pyt's handler has received so far.
pub fn delivered() -> usize {
    DELIVERED.load(Ordering::SeqCst)
}

/// True when a signal waits for the main thread's Python handlers.
#[inline]
pub fn signal_pending() -> bool {
    SIG_ANY.load(Ordering::Relaxed)
}

/// The eval loop's poll: pending signals (main thread) and thread-dump requests (every
/// thread). One relaxed load when nothing is pending.
#[inline(always)]
pub fn poll(vm: &mut Vm, f: &Frame) -> PyResult<()> {
    if ATTENTION.load(Ordering::Relaxed) {
        return attend(vm, Some(f));
    }
    Ok(())
}

/// Runs the main thread's pending handlers from a blocking wait or a native function (no
/// Python frame at hand: the handler's `frame` is rebuilt from `Vm::sites`).
#[inline]
pub fn check_signals(vm: &mut Vm) -> PyResult<()> {
    if vm.is_main && SIG_ANY.load(Ordering::Relaxed) {
        return run_handlers(vm, None);
    }
    Ok(())
}

#[cold]
#[inline(never)]
fn attend(vm: &mut Vm, f: Option<&Frame>) -> PyResult<()> {
    // Where this frame is: its stack may be published, or a handler may block below it.
    if let Some(f) = f {
        vm.note_site(&f.code, f.pc);
    }
    if DUMP_ACTIVE.load(Ordering::SeqCst) {
        crate::modules::deadlock::answer_dump(vm);
    }
    if !vm.is_main {
        return Ok(());
    }
    ATTENTION.store(false, Ordering::SeqCst);
    if DUMP_ACTIVE.load(Ordering::SeqCst) {
        ATTENTION.store(true, Ordering::SeqCst);
    }
    run_handlers(vm, f)
}

/// Calls the Python handler of every pending signal, lowest number first (as CPython).
#[cold]
#[inline(never)]
fn run_handlers(vm: &mut Vm, f: Option<&Frame>) -> PyResult<()> {
    if !SIG_ANY.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    for (sig, p) in PENDING.iter().enumerate() {
        if !p.swap(false, Ordering::SeqCst) {
            continue;
        }
        let h = handler(sig);
        if matches!(h, Value::Int(_)) {
            continue;
        }
        let frame = match f {
            Some(f) => super::frames::lone_frame(f),
            None => super::frames::site_frames(vm),
        };
        if let Err(e) = vm.call(&h, Args::new(&[Value::Int(sig as i64), frame])) {
            // The signals not reached yet stay pending for the next poll.
            SIG_ANY.store(true, Ordering::SeqCst);
            ATTENTION.store(true, Ordering::SeqCst);
            return Err(e);
        }
    }
    Ok(())
}

/// Asks every thread running Python code to publish its stack at its next poll.
pub fn request_dump(on: bool) {
    DUMP_ACTIVE.store(on, Ordering::SeqCst);
    if on {
        ATTENTION.store(true, Ordering::SeqCst);
    }
}

/// Ends the process by `sig` with its default action (the exit status a parent sees is the
/// signal, as after CPython's unhandled KeyboardInterrupt); returns if that did not kill it.
pub fn die_by(sig: usize) {
    if set_disposition(sig, Disposition::Default).is_ok() {
        if let Ok(signo) = libc::c_int::try_from(sig) {
            let _ = signal_hook::low_level::raise(signo);
        }
    }
}
