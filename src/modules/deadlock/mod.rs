//! Concurrency diagnostics: who waits for what. Owns the global wait-for registry (every live
//! Python thread, and what it is blocked on when it blocks inside `thread::wait_until`), the
//! watchdog thread that detects a global deadlock (report on stderr, exit `DEADLOCK_STATUS`)
//! or a cycle of lock waits while other threads run (one warning), and thread-dump requests;
//! the text of reports, warnings and dumps is `report.rs`.
//!
//! Nothing here runs on a primitive's fast path: a thread registers only when it is about to
//! sleep on a condvar. Why the global verdict is race-free: a thread registers and
//! unregisters while holding the primitive's own mutex, and never changes a primitive while
//! registered; so if the registry epoch is unchanged across a scan in which every live
//! thread was registered without a timeout and every awaited condition was found false
//! (under that primitive's mutex), no primitive changed during the scan and none ever will.

use super::queue_core::QueueCore;

mod report;
use super::thread::{Lock, RLock};
use super::threading::EventCore;
use crate::compiler::bytecode::Instr;
use crate::objects::{Code, Value};
use crate::vm::{Interpreter, Vm};
use parking_lot::{Condvar, Mutex};
use report::{describe_wait, emit, format_cycle, format_stack, report_and_exit};
pub use report::{dump_threads, install_dumps};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

/// Exit status of a program stopped by a global deadlock. CPython itself exits with 0, 1
/// (uncaught exception), 2 (command-line error) or 120 (flush failure at exit); 3 is none of
/// those, and mirrors nothing a shell assigns (126+).
pub const DEADLOCK_STATUS: i32 = 3;
/// How long the watchdog waits between two looks at the registry; a verdict needs two looks
/// that agree, so a deadlock is reported about twice this long after it forms.
const SCAN_INTERVAL: Duration = Duration::from_millis(100);
/// `--on-deadlock`: 0 report and exit, 1 hang like CPython.
static MODE: AtomicU8 = AtomicU8::new(0);

pub fn set_hang(hang: bool) {
    MODE.store(hang as u8, Ordering::Relaxed);
}

/// A point in Python code: a code object and the pc after the instruction being run.
#[derive(Clone)]
pub struct Site {
    pub code: Arc<Code>,
    pub pc: usize,
}

impl Site {
    fn line(&self) -> u32 {
        self.code.obj.line_of(self.pc.saturating_sub(1))
    }
    fn file(&self) -> &str {
        &self.code.obj.source.name
    }
    /// `bank.py:14`
    pub fn short(&self) -> String {
        format!("{}:{}", self.file(), self.line())
    }
    fn internal(&self) -> bool {
        internal_source(self.file())
    }
}

/// pyt's own Python modules (threading, queue, concurrent.futures...): not shown as sites.
fn internal_source(name: &str) -> bool {
    name.starts_with("<pyt ") || name.starts_with("<frozen ")
}

/// The innermost frame of user code (pyt's own Python modules skipped).
pub fn user_site(vm: &Vm) -> Option<Site> {
    let top = vm.depth.min(vm.sites.len().saturating_sub(1));
    vm.sites
        .iter()
        .take(top + 1)
        .rev()
        .flatten()
        .find(|(code, _)| !internal_source(&code.obj.source.name))
        .map(|(code, pc)| Site {
            code: code.clone(),
            pc: *pc,
        })
}

/// The name a value computed just before `pc` is stored to: `x = ...`, or `obj.x = ...`
/// (shown as `obj.x`).
fn stored_name(co: &crate::compiler::bytecode::CodeObject, pc: usize) -> Option<Arc<str>> {
    let local = |i: u32| -> Option<Arc<str>> {
        let i = i as usize;
        co.cellvars
            .get(i)
            .or_else(|| co.freevars.get(i.checked_sub(co.cellvars.len())?))
            .cloned()
    };
    match co.instrs.get(pc)?.unfused() {
        Instr::StoreFast(i) => co.varnames.get(i as usize).cloned(),
        Instr::StoreName(i) | Instr::StoreGlobal(i) => co.names.get(i as usize).cloned(),
        Instr::StoreDeref(i) => local(i),
        load => {
            let owner = match load {
                Instr::LoadFast(i) => co.varnames.get(i as usize).cloned(),
                Instr::LoadName(i) | Instr::LoadGlobal(i) => co.names.get(i as usize).cloned(),
                Instr::LoadDeref(i) => local(i),
                _ => None,
            }?;
            match co.instrs.get(pc + 1)? {
                Instr::StoreAttr(a) => {
                    Some(Arc::from(format!("{owner}.{}", co.names.get(*a as usize)?)))
                }
                _ => None,
            }
        }
    }
}

/// Where a primitive was created, and the name it was assigned to.
pub struct Origin {
    site: Option<Site>,
    name: Option<Arc<str>>,
}

impl Origin {
    pub fn none() -> Origin {
        Origin {
            site: None,
            name: None,
        }
    }
    /// The user frame creating a primitive; the name is the target of the instruction after
    /// the call when it stores the result directly (`m_lock = Lock()`, `self.m = Lock()`).
    pub fn here(vm: &Vm) -> Origin {
        let site = user_site(vm);
        // Only a primitive made directly by user code (through threading or queue, which
        // define them) takes the assigned name: `p = Pool()` does not name the pool's locks.
        let top = vm.depth.min(vm.sites.len().saturating_sub(1));
        let direct = vm
            .sites
            .iter()
            .take(top + 1)
            .rev()
            .flatten()
            .map(|(code, _)| &*code.obj.source.name)
            .take_while(|n| internal_source(n))
            .all(|n| n == super::threading::SOURCE_NAME || n == "<frozen queue>");
        let name = site
            .as_ref()
            .filter(|_| direct)
            .and_then(|s| stored_name(&s.code.obj, s.pc));
        Origin { site, name }
    }
    /// `m_lock (created at bank.py:5)`
    pub fn describe(&self) -> String {
        let mut s = String::new();
        if let Some(n) = &self.name {
            s.push_str(n);
        }
        if let Some(site) = &self.site {
            if !s.is_empty() {
                s.push(' ');
            }
            let _ = write!(s, "(created at {})", site.short());
        }
        s
    }
    fn label(&self) -> String {
        match (&self.name, &self.site) {
            (Some(n), _) => n.to_string(),
            (None, Some(s)) => format!("the lock created at {}", s.short()),
            _ => "a lock".to_string(),
        }
    }
}

/// What a blocked thread is waiting for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum WaitKind {
    Acquire,
    /// `Event.wait` (on its `threading::EventCore`).
    Event,
    QueueGet,
    QueuePut,
    QueueJoin,
}

/// What a primitive's state says about a wait on it, read without blocking.
pub enum Probe {
    /// Its mutex was busy: undecided.
    Busy,
    /// The awaited condition holds: the waiter is about to wake.
    Ready,
    /// Still unsatisfied; for a lock, who holds it and since where.
    Blocked(Option<(u64, Option<Site>)>),
}

#[derive(Clone)]
struct WaitRec {
    seq: u64,
    prim: Value,
    kind: WaitKind,
    timed: bool,
    stack: Vec<Site>,
}

/// A thread sleeping outside pyt's primitives (`time.sleep`, `signal.pause`, `input()`).
#[derive(Clone)]
struct SleepRec {
    /// Its state as a dump shows it: `sleeping in time.sleep`.
    what: &'static str,
    until: Option<Instant>,
    stack: Vec<Site>,
}

/// A registered thread. The records it rarely has are boxed: the registry holds one of
/// these per live thread (a thousand sleeping threads made its table 390 KB unboxed).
#[derive(Default)]
struct ThreadRec {
    name: Option<String>,
    daemon: bool,
    wait: Option<Box<WaitRec>>,
    sleep: Option<Box<SleepRec>>,
    /// The stack a running thread published for the dump numbered `.0`.
    answer: Option<Box<(u64, Vec<Site>)>>,
}

#[derive(Default)]
struct Reg {
    epoch: u64,
    seq: u64,
    threads: HashMap<u64, ThreadRec>,
    /// Ident of the registered main thread; without one (REPL, tests) nothing is judged.
    main: Option<u64>,
    /// Threads spawned whose OS thread has not registered yet: they are running.
    starting: usize,
    untimed: usize,
    interp: Option<Arc<Interpreter>>,
    watchdog: bool,
    /// Number of the thread dump in progress (or of the last one).
    dump: u64,
}

static REG: LazyLock<Mutex<Reg>> = LazyLock::new(|| Mutex::new(Reg::default()));
static WAKE: Condvar = Condvar::new();
/// Notified when a running thread publishes its stack for a dump.
static ANSWERED: Condvar = Condvar::new();
static ENABLED: AtomicBool = AtomicBool::new(false);

/// Called once by `pyt run` for the main thread: turns the diagnostics on.
pub fn register_main(vm: &Vm) {
    let mut g = REG.lock();
    g.main = Some(vm.ident);
    g.interp = Some(vm.interp.clone());
    g.threads.insert(
        vm.ident,
        ThreadRec {
            name: Some("MainThread".into()),
            ..ThreadRec::default()
        },
    );
    g.epoch += 1;
    ENABLED.store(true, Ordering::Release);
}

/// Called by the parent before it spawns a thread (the child's ident is not known yet, but
/// it must count as running from now on); `spawn_failed` undoes it.
pub fn thread_spawning() {
    let mut g = REG.lock();
    g.starting += 1;
    g.epoch += 1;
}

pub fn spawn_failed() {
    let mut g = REG.lock();
    g.starting = g.starting.saturating_sub(1);
    g.epoch += 1;
}

/// Called by the new thread itself, first thing.
pub fn thread_started(ident: u64) {
    let mut g = REG.lock();
    g.starting = g.starting.saturating_sub(1);
    if ENABLED.load(Ordering::Acquire) {
        g.threads.insert(ident, ThreadRec::default());
    }
    g.epoch += 1;
}

pub fn thread_finished(ident: u64) {
    if !ENABLED.load(Ordering::Acquire) {
        return;
    }
    let mut g = REG.lock();
    if let Some(rec) = g.threads.remove(&ident) {
        if rec.wait.is_some_and(|w| !w.timed) {
            g.untimed -= 1;
        }
    }
    g.epoch += 1;
}

/// `threading` tells the registry a thread's name and daemon flag.
pub fn set_thread_info(ident: u64, name: String, daemon: bool) {
    let mut g = REG.lock();
    if let Some(t) = g.threads.get_mut(&ident) {
        t.name = Some(name);
        t.daemon = daemon;
    }
}

/// Registration of one blocked wait; unregisters when dropped (the caller still holds the
/// primitive's mutex then).
pub struct WaitGuard {
    ident: u64,
    active: bool,
}

impl Drop for WaitGuard {
    fn drop(&mut self) {
        if !self.active {
            return;
        }
        let mut g = REG.lock();
        if let Some(t) = g.threads.get_mut(&self.ident) {
            if let Some(w) = t.wait.take() {
                if !w.timed {
                    g.untimed -= 1;
                }
            }
        }
        g.epoch += 1;
    }
}

/// Registers that this thread is about to sleep on `prim`.
pub fn begin_wait(vm: &Vm, prim: &Value, kind: WaitKind, timed: bool) -> WaitGuard {
    let inactive = WaitGuard {
        ident: vm.ident,
        active: false,
    };
    if !ENABLED.load(Ordering::Acquire) {
        return inactive;
    }
    let stack = stack_of(vm);
    let mut g = REG.lock();
    g.seq += 1;
    let seq = g.seq;
    let Some(t) = g.threads.get_mut(&vm.ident) else {
        return inactive;
    };
    t.wait = Some(Box::new(WaitRec {
        seq,
        prim: prim.clone(),
        kind,
        timed,
        stack,
    }));
    g.epoch += 1;
    if !timed {
        g.untimed += 1;
        if !g.watchdog {
            g.watchdog = std::thread::Builder::new()
                .name("pyt-deadlock-watchdog".into())
                .spawn(watchdog)
                .is_ok();
        }
        WAKE.notify_one();
    }
    WaitGuard {
        ident: vm.ident,
        active: true,
    }
}

/// Registration of a sleep; cleared when dropped.
pub struct SleepGuard {
    ident: u64,
    active: bool,
}

impl Drop for SleepGuard {
    fn drop(&mut self) {
        if self.active {
            if let Some(t) = REG.lock().threads.get_mut(&self.ident) {
                t.sleep = None;
            }
        }
    }
}

/// Publishes that this thread sleeps or waits outside pyt's primitives until `until` (`what`
/// is its state: `sleeping in time.sleep`), with its stack, for thread dumps. Such a thread
/// never counts towards a deadlock.
pub fn begin_sleep(vm: &Vm, what: &'static str, until: Option<Instant>) -> SleepGuard {
    let mut guard = SleepGuard {
        ident: vm.ident,
        active: false,
    };
    if !ENABLED.load(Ordering::Acquire) {
        return guard;
    }
    let stack = stack_of(vm);
    if let Some(t) = REG.lock().threads.get_mut(&vm.ident) {
        t.sleep = Some(Box::new(SleepRec { what, until, stack }));
        guard.active = true;
    }
    guard
}

fn stack_of(vm: &Vm) -> Vec<Site> {
    vm.python_stack()
        .into_iter()
        .map(|(code, pc)| Site { code, pc })
        .collect()
}

/// A running thread answers a dump request (from its eval loop's poll, its current frame
/// noted): publishes its stack once per dump.
pub fn answer_dump(vm: &Vm) {
    if !ENABLED.load(Ordering::Acquire) {
        return;
    }
    let dump = {
        let g = REG.lock();
        match g.threads.get(&vm.ident) {
            Some(t) if t.answer.as_ref().map(|a| a.0) != Some(g.dump) => g.dump,
            _ => return,
        }
    };
    let stack = stack_of(vm);
    if let Some(t) = REG.lock().threads.get_mut(&vm.ident) {
        t.answer = Some(Box::new((dump, stack)));
    }
    ANSWERED.notify_all();
}

fn probe(w: &WaitRec) -> Probe {
    if let Some(l) = w.prim.as_native::<Lock>() {
        return l.probe();
    }
    if let Some(l) = w.prim.as_native::<RLock>() {
        return l.probe();
    }
    if let Some(q) = w.prim.as_native::<QueueCore>() {
        return q.probe(w.kind);
    }
    if let Some(e) = w.prim.as_native::<EventCore>() {
        return e.probe();
    }
    Probe::Busy
}

struct Snapshot {
    epoch: u64,
    all_untimed: bool,
    threads: Vec<(u64, Option<String>, bool, Option<WaitRec>)>,
}

fn snapshot() -> Snapshot {
    let g = REG.lock();
    let all_untimed = g.main.is_some()
        && g.starting == 0
        && g.threads
            .values()
            .all(|t| t.wait.as_ref().is_some_and(|w| !w.timed));
    let mut threads: Vec<_> = g
        .threads
        .iter()
        .map(|(id, t)| (*id, t.name.clone(), t.daemon, t.wait.as_deref().cloned()))
        .collect();
    // Main thread first, then by ident (start order).
    let main = g.main;
    threads.sort_by_key(|t| (Some(t.0) != main, t.0));
    Snapshot {
        epoch: g.epoch,
        all_untimed,
        threads,
    }
}

fn watchdog() {
    let mut candidate: Option<u64> = None;
    let mut prev_cycles: HashSet<Vec<u64>> = HashSet::new();
    let mut warned: HashSet<Vec<u64>> = HashSet::new();
    loop {
        {
            let mut g = REG.lock();
            while g.untimed == 0 {
                candidate = None;
                WAKE.wait(&mut g);
            }
        }
        std::thread::sleep(SCAN_INTERVAL);
        let snap = snapshot();
        let probes: HashMap<u64, Probe> = snap
            .threads
            .iter()
            .filter_map(|t| t.3.as_ref().map(|w| (t.0, probe(w))))
            .collect();
        let cycles = find_cycles(&snap, &probes);
        // A Python signal handler may run in the main thread and wake everybody: no verdict.
        let stuck = snap.all_untimed
            && !crate::vm::signals::python_handlers()
            && probes.values().all(|p| matches!(p, Probe::Blocked(_)))
            && REG.lock().epoch == snap.epoch;
        if stuck {
            if candidate == Some(snap.epoch) && MODE.load(Ordering::Relaxed) == 0 {
                report_and_exit(&snap, &probes, &cycles);
            }
            candidate = Some(snap.epoch);
        } else {
            candidate = None;
        }
        let mut now = HashSet::new();
        for c in &cycles {
            let key: Vec<u64> = {
                let mut k: Vec<u64> = c.iter().map(|e| e.seq).collect();
                k.sort_unstable();
                k
            };
            // A thread waiting for a plain Lock it holds itself may be using it as a signal
            // another thread releases: only a global deadlock proves that one.
            let proven = c.len() > 1;
            if proven && prev_cycles.contains(&key) && !stuck && warned.insert(key.clone()) {
                let mut text = String::from(
                    "pyt: warning: deadlock among some threads (the others still run):\n",
                );
                text.push_str(&format_cycle(&snap, c));
                // Each thread of the cycle: what it waits for and where.
                for e in c {
                    let Some((id, name, daemon, Some(w))) =
                        snap.threads.iter().find(|t| t.0 == e.thread)
                    else {
                        continue;
                    };
                    text.push('\n');
                    let _ = writeln!(
                        text,
                        "Thread \"{}\" (ident {id}{}):",
                        name.clone().unwrap_or_else(|| format!("thread {id}")),
                        if *daemon { ", daemon" } else { "" }
                    );
                    let _ = writeln!(text, "  {}", describe_wait(&snap, w, probes.get(id)));
                    format_stack(&mut text, &w.stack);
                }
                emit(&text);
            }
            now.insert(key);
        }
        prev_cycles = now;
    }
}

/// One edge of a lock cycle: `thread` holds the previous edge's lock and waits for `prim`.
struct Edge {
    thread: u64,
    seq: u64,
    prim: Value,
}

/// Cycles of the wait-for graph: a thread waiting without timeout for a lock whose holder is
/// itself waiting without timeout.
fn find_cycles(snap: &Snapshot, probes: &HashMap<u64, Probe>) -> Vec<Vec<Edge>> {
    let mut next: HashMap<u64, u64> = HashMap::new();
    for (id, _, _, w) in &snap.threads {
        let Some(w) = w else { continue };
        if w.timed || w.kind != WaitKind::Acquire {
            continue;
        }
        // A Condition's waiter lock is held by its own waiter until a notify: no edge.
        let role = w.prim.as_native::<Lock>().and_then(|l| l.role());
        if role.is_some_and(|r| &*r != "join") {
            continue;
        }
        if let Some(Probe::Blocked(Some((holder, _)))) = probes.get(id) {
            next.insert(*id, *holder);
        }
    }
    let mut cycles = Vec::new();
    let mut done: HashSet<u64> = HashSet::new();
    for (id, _, _, _) in &snap.threads {
        let mut path: Vec<u64> = Vec::new();
        let mut cur = *id;
        while !done.contains(&cur) && !path.contains(&cur) {
            path.push(cur);
            match next.get(&cur) {
                Some(n) => cur = *n,
                None => break,
            }
        }
        if let Some(start) = path.iter().position(|p| *p == cur) {
            if next.contains_key(&cur) && !done.contains(&cur) {
                let cyc: Vec<Edge> = path[start..]
                    .iter()
                    .filter_map(|t| {
                        let w = snap.threads.iter().find(|x| x.0 == *t)?.3.as_ref()?;
                        Some(Edge {
                            thread: *t,
                            seq: w.seq,
                            prim: w.prim.clone(),
                        })
                    })
                    .collect();
                cycles.push(cyc);
            }
        }
        done.extend(path);
    }
    cycles
}
