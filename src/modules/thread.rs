//! The `_thread` module: real OS threads and the lock primitives everything else is built on.
//!
//! `threading` (Python, `py/threading.py`) builds Thread, Condition, Semaphore, Barrier and
//! Timer on these. Both locks are one atomic word (`Core`: a Lock marks it 1, an RLock with
//! its owner's ident, keeping its count beside) with a condvar to sleep on once a brief spin
//! has failed (see `SPIN_ROUNDS`): timeouts honoured, and the main thread wakes every
//! `SIGNAL_POLL` to notice Ctrl-C.
//! For the diagnostics of `deadlock`, each lock also remembers where it was created, who
//! holds it and where it was taken (pointer compare and stores on the fast path), and a wait
//! that is about to sleep registers itself there.

use super::deadlock::{begin_wait, Origin, Probe, Site, WaitKind};
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
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// How often a main thread blocked on a primitive wakes to check for Ctrl-C.
const SIGNAL_POLL: Duration = Duration::from_millis(50);
/// CPython's `threading.TIMEOUT_MAX` on Linux (the largest timeout a wait accepts).
pub const TIMEOUT_MAX: f64 = 9223372036.0;
/// The longest timeout CPython can convert to its nanosecond time type (i64::MAX ns); a longer
/// one raises "timestamp too large to convert to C _PyTime_t".
pub const PYTIME_MAX_SECS: f64 = 9_223_372_036.854_775;
/// Native stack of every thread started by a script: deep recursion through builtins works
/// without committing memory up front (only touched pages count).
pub const SCRIPT_THREAD_STACK: usize = 16 * 1024 * 1024;

/// Threads started by `start_new_thread` that have not finished yet.
static RUNNING: AtomicUsize = AtomicUsize::new(0);
static THREAD_NUMBER: AtomicUsize = AtomicUsize::new(1);
static STACK_SIZE: AtomicUsize = AtomicUsize::new(0);

/// How many times a wait gives its core away (with the primitive's mutex released, after
/// `SPIN_ROUNDS` rounds of spinning) before it sleeps on the condvar: on a busy machine the
/// thread that will satisfy it is often runnable but not running, and a yield costs far less
/// than a futex sleep plus wake-up.
const WAIT_YIELDS: u32 = 2;

/// Blocks until `ready` holds or the deadline passes; the main thread also wakes to check for
/// Ctrl-C. Returns whether `ready` held. `on` names the primitive waited for: the wait is
/// registered with the deadlock detector before sleeping, and unregistered (the caller's
/// mutex still held) when this returns.
pub fn wait_until<T>(
    vm: &mut Vm,
    g: &mut MutexGuard<'_, T>,
    cv: &Condvar,
    deadline: Option<Instant>,
    on: Option<(&Value, WaitKind)>,
    ready: impl Fn(&T) -> bool,
) -> PyResult<bool> {
    wait_until_with(vm, g, cv, deadline, on, true, ready)
}

/// [`wait_until`], spinning and yielding first only if `spin` (a wait that is known to be
/// long, a Condition's, sleeps at once and leaves the core to the threads it waits for).
pub fn wait_until_with<T>(
    vm: &mut Vm,
    g: &mut MutexGuard<'_, T>,
    cv: &Condvar,
    deadline: Option<Instant>,
    on: Option<(&Value, WaitKind)>,
    spin: bool,
    ready: impl Fn(&T) -> bool,
) -> PyResult<bool> {
    let mut registered = None;
    let mut spins = if spin { 0 } else { SPIN_ROUNDS + WAIT_YIELDS };
    loop {
        if ready(g) {
            return Ok(true);
        }
        let now = Instant::now();
        if deadline.is_some_and(|d| now >= d) {
            return Ok(false);
        }
        if spins < SPIN_ROUNDS + WAIT_YIELDS {
            // Another thread is often about to make the condition true (the holder of a
            // briefly held RLock, a preempted producer, the other side of a ping-pong): wait
            // a little with the mutex released, spinning and then giving the core away,
            // before paying for a sleep and a wake-up through the kernel.
            let round = spins;
            spins += 1;
            MutexGuard::unlocked(g, || {
                if round < SPIN_ROUNDS {
                    for _ in 0..1u32 << round {
                        std::hint::spin_loop();
                    }
                } else {
                    std::thread::yield_now();
                }
            });
            continue;
        }
        if registered.is_none() {
            if let Some((prim, kind)) = on {
                registered = Some(begin_wait(vm, prim, kind, deadline.is_some()));
            }
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
        if vm.is_main && crate::vm::signals::signal_pending() {
            // The handlers run as Python code: not registered as waiting (they may change
            // primitives) and without the primitive's mutex; then the wait goes on (PEP 475).
            registered = None;
            MutexGuard::unlocked(g, || check_signals(vm))?;
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
    if timeout > PYTIME_MAX_SECS {
        return Err(PyErr::overflow_error(
            "timestamp too large to convert to C _PyTime_t",
        ));
    }
    let deadline = if timeout >= 0.0 {
        Some(Instant::now() + Duration::from_secs_f64(timeout))
    } else {
        None
    };
    Ok((blocking, deadline))
}

// ----- Lock ---------------------------------------------------------------------------------

/// Who holds a Lock and where they took it, for the deadlock diagnostics only. Written by
/// each new holder, read by the watchdog: plain atomic stores on the fast path (the same code
/// taking the lock again only stores the pc); the code object is replaced under `code`.
struct Holder {
    /// Ident of the thread that took it (meaningful while locked).
    ident: AtomicU64,
    /// The address of the code object in `code` (compared, never dereferenced).
    code_addr: AtomicUsize,
    pc: AtomicUsize,
    code: Mutex<Option<Arc<crate::objects::function::Code>>>,
}

/// Rounds of busy waiting before a contended `acquire` sleeps. The holder of a Python lock
/// usually releases it within a few hundred nanoseconds (`with lock: n += 1`), far less than
/// a sleep and wake-up through the kernel costs (microseconds, and a context switch on each
/// side), so a waiter first spins `SPIN_ROUNDS` rounds of `1 << round` pause instructions
/// (about 2 microseconds in all)...
const SPIN_ROUNDS: u32 = 6;
/// ...then gives its core away this many times (the holder may be preempted on it: 5 threads
/// on 2 cores), and only then sleeps on the condvar.
const YIELD_ROUNDS: u32 = 4;

/// The state both `_thread.lock` and `_thread.RLock` are built on: one atomic word, 0 when
/// free, else the holder's mark (1 for a Lock, which any thread may release; the owner's ident
/// for an RLock). Taking it is a compare-and-swap, freeing it a swap, with no mutex on either
/// fast path. A contended acquire spins briefly (see `SPIN_ROUNDS`), then sleeps on `cv`
/// under `park`, counted in `sleepers`; a release wakes one sleeper if there is any. The word
/// is not a Rust mutex guarding data: it only orders what the threads do around it.
struct Core {
    state: AtomicU64,
    /// Threads in the sleeping part of `acquire` (between registering and leaving it).
    sleepers: AtomicUsize,
    park: Mutex<()>,
    cv: Condvar,
    holder: Holder,
}

impl Core {
    fn new() -> Core {
        Core {
            state: AtomicU64::new(0),
            sleepers: AtomicUsize::new(0),
            park: Mutex::new(()),
            cv: Condvar::new(),
            holder: Holder {
                ident: AtomicU64::new(0),
                code_addr: AtomicUsize::new(0),
                pc: AtomicUsize::new(0),
                code: Mutex::new(None),
            },
        }
    }
    /// Takes it with `mark` if it is free. SeqCst: pairs with the sleeper count (see
    /// `release`).
    #[inline(always)]
    fn try_take(&self, mark: u64) -> bool {
        self.state
            .compare_exchange(0, mark, Ordering::SeqCst, Ordering::Relaxed)
            .is_ok()
    }
    /// Records the new holder (only the holder writes this; the deadlock watchdog reads it).
    #[inline(always)]
    fn note_holder(&self, vm: &Vm) {
        let h = &self.holder;
        h.ident.store(vm.ident, Ordering::Relaxed);
        if let Some(Some((code, pc))) = vm.sites.get(vm.depth) {
            if h.code_addr.load(Ordering::Relaxed) == Arc::as_ptr(code) as usize {
                h.pc.store(*pc, Ordering::Relaxed);
            } else {
                let mut c = h.code.lock();
                h.code_addr
                    .store(Arc::as_ptr(code) as usize, Ordering::Relaxed);
                h.pc.store(*pc, Ordering::Relaxed);
                let old = c.replace(code.clone());
                drop(c);
                drop(old);
            }
        }
    }
    /// Takes it with `mark`, waiting if it is held (and `blocking`); `deadline` None waits
    /// forever. Returns whether it was taken. `me` is the primitive as a value, for the wait
    /// registry; `spin` as in `wait_until_with`.
    fn acquire(
        &self,
        vm: &mut Vm,
        me: Option<&Value>,
        mark: u64,
        blocking: bool,
        deadline: Option<Instant>,
        spin: bool,
    ) -> PyResult<bool> {
        if self.try_take(mark) {
            self.note_holder(vm);
            return Ok(true);
        }
        if !blocking {
            return Ok(false);
        }
        // `acquire(timeout=0)` and expired deadlines answer at once, as CPython's.
        let rounds = if !spin || deadline.is_some_and(|d| Instant::now() >= d) {
            0
        } else {
            SPIN_ROUNDS + YIELD_ROUNDS
        };
        for round in 0..rounds {
            if round < SPIN_ROUNDS {
                for _ in 0..1u32 << round {
                    std::hint::spin_loop();
                }
            } else {
                std::thread::yield_now();
            }
            if self.state.load(Ordering::Relaxed) == 0 && self.try_take(mark) {
                self.note_holder(vm);
                return Ok(true);
            }
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(false);
        }
        let on = me.map(|v| (v, WaitKind::Acquire));
        let mut g = self.park.lock();
        self.sleepers.fetch_add(1, Ordering::SeqCst);
        let got = wait_until_with(vm, &mut g, &self.cv, deadline, on, spin, |_| {
            self.try_take(mark)
        });
        self.sleepers.fetch_sub(1, Ordering::SeqCst);
        if !matches!(got, Ok(true)) && self.state.load(Ordering::SeqCst) == 0 {
            // A wake-up meant for a thread that could take the lock may have come to this one
            // as it gave up (timeout, Ctrl-C): pass it on.
            self.cv.notify_one();
        }
        drop(g);
        if matches!(got, Ok(true)) {
            self.note_holder(vm);
        }
        got
    }
    /// Frees it, returning the mark it held (0: it was free, nothing changed).
    fn release(&self) -> u64 {
        let old = self.state.swap(0, Ordering::SeqCst);
        if old == 0 {
            return 0;
        }
        // A sleeper counts itself (SeqCst) before its last try to take the lock, and this
        // reads the count (SeqCst) after freeing it: either the sleeper's try sees the lock
        // free, or this sees the sleeper and wakes it (under `park`, which the sleeper holds
        // from counting itself until it is waiting on the condvar).
        if self.sleepers.load(Ordering::SeqCst) > 0 {
            let _g = self.park.lock();
            self.cv.notify_one();
        }
        old
    }
    /// The state seen by the deadlock detector, without blocking.
    fn probe(&self) -> Probe {
        if self.state.load(Ordering::SeqCst) == 0 {
            return Probe::Ready;
        }
        let h = &self.holder;
        match h.code.try_lock() {
            None => Probe::Busy,
            Some(c) => {
                let at = c.as_ref().map(|code| Site {
                    code: code.clone(),
                    pc: h.pc.load(Ordering::Relaxed),
                });
                Probe::Blocked(Some((h.ident.load(Ordering::Relaxed), at)))
            }
        }
    }
}

/// `_thread.lock`: a [`Core`] marked 1 while held, by whichever thread.
pub struct Lock {
    core: Core,
    origin: Origin,
    /// Set by `threading` for its internal locks: ("join", "") for a thread's state lock,
    /// ("Condition" / "Event" / ..., where that was created) for a Condition's waiter lock.
    role: OnceLock<(Arc<str>, String)>,
}

impl Lock {
    pub fn new() -> Lock {
        Lock::with_origin(Origin::none())
    }
    pub fn with_origin(origin: Origin) -> Lock {
        Lock {
            core: Core::new(),
            origin,
            role: OnceLock::new(),
        }
    }
    /// Acquires; `deadline` None waits forever. Returns whether the lock was taken. `me` is
    /// this lock as a value, for the wait registry.
    #[inline]
    pub fn acquire(
        &self,
        vm: &mut Vm,
        me: Option<&Value>,
        blocking: bool,
        deadline: Option<Instant>,
    ) -> PyResult<bool> {
        self.core.acquire(vm, me, 1, blocking, deadline, true)
    }
    /// [`Lock::acquire`]; when the lock is taken, spins and yields before sleeping only if
    /// `spin` (see `wait_until_with`).
    pub fn acquire_with(
        &self,
        vm: &mut Vm,
        me: Option<&Value>,
        blocking: bool,
        deadline: Option<Instant>,
        spin: bool,
    ) -> PyResult<bool> {
        self.core.acquire(vm, me, 1, blocking, deadline, spin)
    }
    #[inline]
    pub fn release(&self) -> PyResult<()> {
        if self.core.release() == 0 {
            return Err(PyErr::runtime_error("release unlocked lock"));
        }
        Ok(())
    }
    pub fn is_locked(&self) -> bool {
        self.core.state.load(Ordering::SeqCst) != 0
    }
    /// The state seen by the deadlock detector, without blocking.
    pub fn probe(&self) -> Probe {
        self.core.probe()
    }
    pub fn origin(&self) -> &Origin {
        &self.origin
    }
    pub fn role(&self) -> Option<Arc<str>> {
        self.role.get().map(|r| r.0.clone())
    }
    pub fn role_origin(&self) -> String {
        self.role.get().map(|r| r.1.clone()).unwrap_or_default()
    }
}

impl Default for Lock {
    fn default() -> Self {
        Lock::new()
    }
}

impl NativeObject for Lock {
    fn plain_attrs(&self) -> bool {
        true
    }
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
    Ok(Value::Bool(l.acquire(
        vm,
        args.pos.first(),
        blocking,
        deadline,
    )?))
}

fn lock_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &Lock = this(&args, "_thread.lock")?;
    Ok(Value::Bool(l.acquire(vm, args.pos.first(), true, None)?))
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

/// `with` on a native `_thread.lock` or `_thread.RLock` (the eval loop's `BeforeWith` fast
/// path): acquires it as `__enter__` would, without looking up and binding `__enter__` and
/// `__exit__` (their types are immutable, so those are always these functions). Returns None
/// when `mgr` is neither, Some(enter's result) otherwise; the caller keeps `mgr` itself where
/// the bound `__exit__` would go, and `with_exit` recognises it (a lock is not callable, so no
/// bound `__exit__` can be mistaken for one).
#[inline]
pub fn with_enter(vm: &mut Vm, mgr: &Value) -> Option<PyResult<Value>> {
    let Value::Native(n) = mgr else { return None };
    let any = n.as_any();
    if let Some(l) = any.downcast_ref::<Lock>() {
        return Some(l.acquire(vm, Some(mgr), true, None).map(Value::Bool));
    }
    any.downcast_ref::<RLock>()
        .map(|l| l.acquire(vm, Some(mgr), true, None).map(Value::Bool))
}

/// The `__exit__` half of [`with_enter`]: releases `exit` if it is a native lock left there by
/// the fast path (Some(result of `__exit__`, always None)), None for any other callable.
#[inline]
pub fn with_exit(vm: &Vm, exit: &Value) -> Option<PyResult<Value>> {
    let Value::Native(n) = exit else { return None };
    let any = n.as_any();
    if let Some(l) = any.downcast_ref::<Lock>() {
        return Some(l.release().map(|_| Value::None));
    }
    any.downcast_ref::<RLock>()
        .map(|l| l.release(vm).map(|_| Value::None))
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

/// `_thread.RLock`: a [`Core`] marked with the owner's ident, and the owner's count of
/// levels (written only by the owner, while it owns it).
pub struct RLock {
    core: Core,
    count: AtomicU64,
    origin: Origin,
}

impl RLock {
    pub fn new() -> RLock {
        RLock::with_origin(Origin::none())
    }
    pub fn with_origin(origin: Origin) -> RLock {
        RLock {
            core: Core::new(),
            count: AtomicU64::new(0),
            origin,
        }
    }
    fn acquire(
        &self,
        vm: &mut Vm,
        val: Option<&Value>,
        blocking: bool,
        deadline: Option<Instant>,
    ) -> PyResult<bool> {
        let me = vm.ident;
        // Only this thread can have marked it with its ident, so the owner's levels are its
        // own to count.
        if self.core.state.load(Ordering::Relaxed) == me {
            let c = self.count.load(Ordering::Relaxed);
            self.count.store(c.wrapping_add(1), Ordering::Relaxed);
            return Ok(true);
        }
        let got = self.core.acquire(vm, val, me, blocking, deadline, true)?;
        if got {
            self.count.store(1, Ordering::Relaxed);
        }
        Ok(got)
    }
    /// `_release_save()`: releases every level, returning how many and the owner's ident.
    pub fn release_save(&self) -> PyResult<(u64, u64)> {
        if self.core.state.load(Ordering::SeqCst) == 0 {
            return Err(PyErr::runtime_error("cannot release un-acquired lock"));
        }
        let count = self.count.swap(0, Ordering::Relaxed);
        let owner = self.core.release();
        if owner == 0 {
            return Err(PyErr::runtime_error("cannot release un-acquired lock"));
        }
        Ok((count, owner))
    }
    /// `_acquire_restore((count, owner))`: takes it again, at `count` levels.
    pub fn acquire_restore(&self, vm: &mut Vm, me: Option<&Value>, count: u64) -> PyResult<()> {
        self.acquire(vm, me, true, None)?;
        self.count.store(count, Ordering::Relaxed);
        Ok(())
    }
    /// `_is_owned()`: held by the thread with this ident.
    pub fn is_owned_by(&self, ident: u64) -> bool {
        self.core.state.load(Ordering::SeqCst) == ident
    }
    /// The state seen by the deadlock detector, without blocking.
    pub fn probe(&self) -> Probe {
        self.core.probe()
    }
    pub fn origin(&self) -> &Origin {
        &self.origin
    }
    fn release(&self, vm: &Vm) -> PyResult<()> {
        if self.core.state.load(Ordering::Relaxed) != vm.ident {
            return Err(PyErr::runtime_error("cannot release un-acquired lock"));
        }
        let c = self.count.load(Ordering::Relaxed);
        if c > 1 {
            self.count.store(c - 1, Ordering::Relaxed);
            return Ok(());
        }
        self.count.store(0, Ordering::Relaxed);
        self.core.release();
        Ok(())
    }
}

impl Default for RLock {
    fn default() -> Self {
        RLock::new()
    }
}

impl NativeObject for RLock {
    fn plain_attrs(&self) -> bool {
        true
    }
    fn class(&self) -> Arc<Class> {
        rlock_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _vm: &mut Vm, me: &Value) -> PyResult<Option<String>> {
        let owner = self.core.state.load(Ordering::SeqCst);
        let count = if owner == 0 {
            0
        } else {
            self.count.load(Ordering::Relaxed)
        };
        let state = if owner != 0 { "locked" } else { "unlocked" };
        Ok(Some(format!(
            "<{state} _thread.RLock object owner={owner} count={count} at {:#x}>",
            crate::vm::ops::addr(me)
        )))
    }
}

fn rlock_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &RLock = this(&args, "_thread.RLock")?;
    let (blocking, deadline) = deadline_of(vm, &args, 1)?;
    Ok(Value::Bool(l.acquire(
        vm,
        args.pos.first(),
        blocking,
        deadline,
    )?))
}

fn rlock_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &RLock = this(&args, "_thread.RLock")?;
    Ok(Value::Bool(l.acquire(vm, args.pos.first(), true, None)?))
}

fn rlock_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &RLock = this(&args, "_thread.RLock")?;
    l.release(vm)?;
    Ok(Value::None)
}

fn rlock_is_owned(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &RLock = this(&args, "_thread.RLock")?;
    Ok(Value::Bool(l.is_owned_by(vm.ident)))
}

/// `Condition.wait` on an RLock: release every level, remembering them.
fn rlock_release_save(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &RLock = this(&args, "_thread.RLock")?;
    let (count, owner) = l.release_save()?;
    Ok(Value::tuple(vec![
        Value::Int(count as i64),
        Value::Int(owner as i64),
    ]))
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
    l.acquire_restore(vm, args.pos.first(), count)?;
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

fn allocate_lock(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Native(Arc::new(Lock::with_origin(Origin::here(vm)))))
}

fn new_rlock(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Native(Arc::new(RLock::with_origin(Origin::here(
        vm,
    )))))
}

/// `_pyt_origin()`: "name (created at file:line)" for the user code creating something now
/// (threading's Condition/Event/Semaphore/Barrier describe themselves with it).
fn pyt_origin(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::str(Origin::here(vm).describe()))
}

impl Lock {
    /// Marks one of threading's internal locks for the reports (see `role`).
    pub fn set_role(&self, kind: &str, origin: String) {
        let _ = self.role.set((Arc::from(kind), origin));
    }
    /// Takes a lock just created (no one else can see it yet) for the calling thread.
    pub fn take_new(&self, vm: &Vm) -> bool {
        let took = self.core.try_take(1);
        if took {
            self.core.note_holder(vm);
        }
        took
    }
}

/// `_pyt_role(lock, kind, origin)`: marks one of threading's internal locks for the reports.
fn pyt_role(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l: &Lock = this(&args, "_thread.lock")?;
    let text = |i: usize| match args.pos.get(i) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    };
    let _ = l.role.set((Arc::from(text(1).as_str()), text(2)));
    Ok(Value::None)
}

/// `_pyt_thread_info(name, daemon[, ident])`: the name shown for a thread in reports.
fn pyt_thread_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = match args.pos.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => return Ok(Value::None),
    };
    let daemon = matches!(args.pos.get(1), Some(Value::Bool(true)));
    let ident = match args.pos.get(2) {
        Some(Value::Int(i)) => *i as u64,
        _ => vm.ident,
    };
    super::deadlock::set_thread_info(ident, name, daemon);
    Ok(Value::None)
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
/// Lookup caches and frame pools of finished threads kept for the next ones, so that a program
/// starting many short threads neither builds and frees a cache and a set of frames per thread
/// nor starts each one cold (cache entries check themselves against the dicts' write counts,
/// so whose thread filled them does not matter). Bounded: what the entries and pooled frames
/// keep alive stays small.
const MAX_SPARE_CACHES: usize = 8;

type SpareCaches = (
    crate::vm::global_cache::GlobalCache,
    crate::vm::attr_cache::AttrCache,
    crate::vm::FramePools,
);

static SPARE_CACHES: Mutex<Vec<SpareCaches>> = Mutex::new(Vec::new());

fn take_spare_caches(vm: &mut Vm) {
    let spare = SPARE_CACHES.lock().pop();
    if let Some((g, a, f)) = spare {
        vm.global_cache = g;
        vm.attr_cache = a;
        vm.adopt_pools(f);
    }
}

fn give_back_caches(vm: &mut Vm) {
    let caches = (
        std::mem::take(&mut vm.global_cache),
        std::mem::take(&mut vm.attr_cache),
        vm.take_pools(),
    );
    let mut spare = SPARE_CACHES.lock();
    if spare.len() < MAX_SPARE_CACHES {
        spare.push(caches);
        return;
    }
    drop(spare);
    // Dropped outside the lock (releasing what the entries hold).
    drop(caches);
}

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
    super::deadlock::thread_spawning();
    let spawned = std::thread::Builder::new().stack_size(size).spawn(move || {
        let mut tvm = Vm::new(interp);
        take_spare_caches(&mut tvm);
        super::deadlock::thread_started(tvm.ident);
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
        super::deadlock::thread_finished(tvm.ident);
        give_back_caches(&mut tvm);
        RUNNING.fetch_sub(1, Ordering::Relaxed);
    });
    match spawned {
        Ok(_) => Ok(Value::Int(0)),
        Err(_) => {
            super::deadlock::spawn_failed();
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
    f("_pyt_origin", pyt_origin);
    f("_pyt_role", pyt_role);
    f("_pyt_thread_info", pyt_thread_info);
    m.set("LockType", Value::Class(lock_class()));
    m.set(
        "error",
        Value::Class(types().exc(ExcKind::RuntimeError).clone()),
    );
    m.set("TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    Ok(m)
}
