//! The text of the concurrency diagnostics: the global deadlock report, the partial-deadlock
//! warning's lock cycle, thread dumps (SIGQUIT, `--dump-threads-after`), each thread's wait
//! described with its primitive, holder and stack. The registry they read is the parent's.

use super::super::queue_core::QueueCore;
use super::super::thread::{Lock, RLock};
use super::super::threading::EventCore;
use super::{
    probe, snapshot, Edge, Origin, Probe, Site, SleepRec, Snapshot, WaitKind, WaitRec, ANSWERED,
    DEADLOCK_STATUS, REG,
};
use crate::objects::Value;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

/// How long a dump waits for running threads to publish their stacks: they do it at their
/// next poll (at most `CHECK_INTERVAL` instructions or one call away), so only a thread busy in
/// native code (a long sort, a read) misses it.
const DUMP_ANSWER_WAIT: Duration = Duration::from_millis(200);
/// One dump at a time (SIGQUIT and the timer may coincide).
static DUMPING: Mutex<()> = Mutex::new(());

/// Longest `--dump-threads-after` honoured (a year): keeps the Duration arithmetic in range.
const MAX_DUMP_DELAY: f64 = 365.0 * 86400.0;

/// Frames shown per thread in a report (innermost kept): deep recursion stays readable.
const MAX_REPORT_FRAMES: usize = 30;

pub(super) fn thread_name(snap: &Snapshot, id: u64) -> String {
    snap.threads
        .iter()
        .find(|t| t.0 == id)
        .and_then(|t| t.1.clone())
        .unwrap_or_else(|| format!("thread {id}"))
}

pub(super) fn origin_of(prim: &Value) -> Option<&Origin> {
    if let Some(l) = prim.as_native::<Lock>() {
        return Some(l.origin());
    }
    prim.as_native::<RLock>().map(|l| l.origin())
}

pub(super) fn prim_label(prim: &Value) -> String {
    origin_of(prim)
        .map(|o| o.label())
        .unwrap_or_else(|| "a queue".into())
}

/// `Thread-1 holds m_lock and waits for z_lock; Thread-2 holds z_lock and waits for m_lock`
pub(super) fn format_cycle(snap: &Snapshot, cyc: &[Edge]) -> String {
    let n = cyc.len();
    let is_join = |v: &Value| {
        v.as_native::<Lock>()
            .and_then(|l| l.role())
            .is_some_and(|r| &*r == "join")
    };
    // Locks of one cycle sharing a label (`self.lock` of two accounts) get `#1`, `#2`.
    let labels: Vec<String> = cyc.iter().map(|e| prim_label(&e.prim)).collect();
    let label = |i: usize| {
        let same: Vec<usize> = (0..n).filter(|j| labels[*j] == labels[i]).collect();
        if same.len() > 1 {
            let k = same.iter().position(|j| *j == i).unwrap_or(0) + 1;
            format!("{} #{k}", labels[i])
        } else {
            labels[i].clone()
        }
    };
    let parts: Vec<String> = (0..n)
        .map(|i| {
            let e = &cyc[i];
            let prev = (i + n - 1) % n;
            let held = &cyc[prev].prim;
            let mut s = thread_name(snap, e.thread);
            if !is_join(held) {
                let _ = write!(s, " holds {} and", label(prev));
            }
            if is_join(&e.prim) {
                let _ = write!(
                    s,
                    " waits to join {}",
                    thread_name(snap, cyc[(i + 1) % n].thread)
                );
            } else {
                let _ = write!(s, " waits for {}", label(i));
            }
            s
        })
        .collect();
    format!("  {}\n", parts.join("; "))
}

/// `waiting to acquire Lock m_lock (created at bank.py:5), held by Thread-2 since bank.py:14`
pub(super) fn describe_wait(snap: &Snapshot, w: &WaitRec, p: Option<&Probe>) -> String {
    let holder = match p {
        Some(Probe::Blocked(Some((h, at)))) => {
            let mut s = format!(", held by {}", thread_name(snap, *h));
            if let Some(at) = at {
                let _ = write!(s, " since {}", at.short());
            }
            s
        }
        _ => String::new(),
    };
    let queue = || {
        let d = w
            .prim
            .as_native::<QueueCore>()
            .map(|q| q.origin().describe())
            .unwrap_or_default();
        if d.is_empty() {
            d
        } else {
            format!(" {d}")
        }
    };
    match w.kind {
        WaitKind::QueueGet => return format!("waiting to get from empty queue{}", queue()),
        WaitKind::QueuePut => return format!("waiting to put into full queue{}", queue()),
        WaitKind::QueueJoin => {
            return format!("waiting in join() for the tasks of queue{}", queue())
        }
        WaitKind::Event => {
            let d = w
                .prim
                .as_native::<EventCore>()
                .map(|e| e.origin().describe())
                .unwrap_or_default();
            return format!("waiting on Event{}{d}", if d.is_empty() { "" } else { " " });
        }
        WaitKind::Acquire => {}
    }
    if let Some(l) = w.prim.as_native::<Lock>() {
        match l.role().as_deref() {
            Some("join") => {
                let who = match p {
                    Some(Probe::Blocked(Some((h, _)))) => thread_name(snap, *h),
                    _ => "a thread".into(),
                };
                return format!("waiting to join {who}");
            }
            Some(kind) => {
                let d = l.role_origin();
                return format!(
                    "waiting on {kind}{}{d}",
                    if d.is_empty() { "" } else { " " }
                );
            }
            None => {}
        }
        let d = l.origin().describe();
        return format!(
            "waiting to acquire Lock{}{d}{holder}",
            if d.is_empty() { "" } else { " " }
        );
    }
    if let Some(l) = w.prim.as_native::<RLock>() {
        let d = l.origin().describe();
        return format!(
            "waiting to acquire RLock{}{d}{holder}",
            if d.is_empty() { "" } else { " " }
        );
    }
    "waiting".into()
}

pub(super) fn format_stack(out: &mut String, stack: &[Site]) {
    let user: Vec<&Site> = stack.iter().filter(|s| !s.internal()).collect();
    let skip = user.len().saturating_sub(MAX_REPORT_FRAMES);
    for s in user.iter().skip(skip) {
        let _ = writeln!(
            out,
            "    File \"{}\", line {}, in {}",
            s.file(),
            s.line(),
            s.code.obj.name
        );
        let text = s.code.obj.source.line_text(s.line()).trim();
        if !text.is_empty() {
            let _ = writeln!(out, "      {text}");
        }
    }
}

/// A thread dump (SIGQUIT, `--dump-threads-after`): every registered thread, its state
/// (running, sleeping, or what it waits for and who holds it) and its Python stack; the
/// program goes on. Blocked and sleeping threads published their stacks before they parked;
/// running threads are asked to publish theirs at their next poll of the eval loop.
pub fn dump_threads() {
    let _one = DUMPING.lock();
    let started = Instant::now();
    let dump = {
        let mut g = REG.lock();
        g.dump += 1;
        g.dump
    };
    crate::vm::signals::request_dump(true);
    {
        let mut g = REG.lock();
        let deadline = started + DUMP_ANSWER_WAIT;
        while g.threads.values().any(|t| {
            t.wait.is_none() && t.sleep.is_none() && t.answer.as_ref().map(|a| a.0) != Some(dump)
        }) {
            if ANSWERED.wait_until(&mut g, deadline).timed_out() {
                break;
            }
        }
    }
    crate::vm::signals::request_dump(false);
    let snap = snapshot();
    let states: HashMap<u64, (Option<SleepRec>, Option<Vec<Site>>)> = {
        let g = REG.lock();
        g.threads
            .iter()
            .map(|(id, t)| {
                let answer = t
                    .answer
                    .as_ref()
                    .filter(|a| a.0 == dump)
                    .map(|a| a.1.clone());
                (*id, (t.sleep.as_deref().cloned(), answer))
            })
            .collect()
    };
    let now = Instant::now();
    let mut out = format!("pyt: thread dump ({} threads)\n\n", snap.threads.len());
    for (id, name, daemon, w) in &snap.threads {
        let _ = writeln!(
            out,
            "Thread \"{}\" (ident {id}{}):",
            name.clone().unwrap_or_else(|| format!("thread {id}")),
            if *daemon { ", daemon" } else { "" }
        );
        let (sleep, answer) = states.get(id).cloned().unwrap_or((None, None));
        match (w, sleep, answer) {
            (Some(w), _, _) => {
                let p = probe(w);
                let timed = if w.timed { " (with a timeout)" } else { "" };
                let _ = writeln!(out, "  {}{timed}", describe_wait(&snap, w, Some(&p)));
                format_stack(&mut out, &w.stack);
            }
            (None, Some(sl), _) => {
                let left = match sl.until {
                    Some(u) => format!(
                        " ({:.1} s left)",
                        u.saturating_duration_since(now).as_secs_f64()
                    ),
                    None => String::new(),
                };
                let _ = writeln!(out, "  {}{left}", sl.what);
                format_stack(&mut out, &sl.stack);
            }
            (None, None, Some(stack)) => {
                out.push_str("  running\n");
                format_stack(&mut out, &stack);
            }
            (None, None, None) => out.push_str(
                "  running native code (no Python stack: it did not reach the interpreter loop in time)\n",
            ),
        }
        out.push('\n');
    }
    emit(&out);
}

/// Starts the on-demand dumps: one on every SIGQUIT, and one after `after` seconds.
pub fn install_dumps(after: Option<f64>) {
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([signal_hook::consts::SIGQUIT]) {
        let _ = std::thread::Builder::new()
            .name("pyt-sigquit".into())
            .spawn(move || {
                for _ in signals.forever() {
                    dump_threads();
                }
            });
    }
    if let Some(secs) = after.filter(|s| s.is_finite() && *s >= 0.0) {
        let _ = std::thread::Builder::new()
            .name("pyt-dump-timer".into())
            .spawn(move || {
                std::thread::sleep(Duration::from_secs_f64(secs.min(MAX_DUMP_DELAY)));
                dump_threads();
            });
    }
}

pub(super) fn emit(text: &str) {
    let interp = REG.lock().interp.clone();
    if let Some(i) = &interp {
        i.out.flush_fd(1);
    }
    eprint!("{text}");
}

pub(super) fn report_and_exit(
    snap: &Snapshot,
    probes: &HashMap<u64, Probe>,
    cycles: &[Vec<Edge>],
) -> ! {
    let mut out = String::from("fatal error: all threads are asleep - deadlock!\n\n");
    for (id, name, daemon, w) in &snap.threads {
        let _ = writeln!(
            out,
            "Thread \"{}\" (ident {id}{}):",
            name.clone().unwrap_or_else(|| format!("thread {id}")),
            if *daemon { ", daemon" } else { "" }
        );
        if let Some(w) = w {
            let _ = writeln!(out, "  {}", describe_wait(snap, w, probes.get(id)));
            format_stack(&mut out, &w.stack);
        }
        out.push('\n');
    }
    for c in cycles {
        out.push_str("Lock cycle:\n");
        out.push_str(&format_cycle(snap, c));
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "pyt: exiting with status {DEADLOCK_STATUS} (pyt run --on-deadlock=hang waits forever instead)"
    );
    emit(&out);
    std::process::exit(DEADLOCK_STATUS)
}
