//! Concurrency diagnostics (issue 9): the programs in tests/deadlock/ run under a timeout.
//! - `dl_*` deadlock by design: exit status 3 and the report pinned in `NAME.err` (pyt-owned,
//!   idents masked; bless with `PYT_BLESS=1 cargo test --release --test deadlock`), or, when
//!   which pool thread runs which task varies, the lines listed in `NAME.contains`.
//! - `partial_*` deadlock some threads while others run: a warning, exit 0, stderr pinned.
//! - `ok_*` only wait with timeouts, sleep, or wait for threads that will wake them: they must
//!   never be reported (stdout ends with "ok", stderr empty), over several runs.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Per-run limit: a report comes about 0.2 s after a deadlock forms; a hang fails here.
const TIMEOUT: Duration = Duration::from_secs(30);
/// Runs of each `ok_` program: a false report would be a race, so it gets several chances.
const OK_RUNS: usize = 5;

struct Outcome {
    code: Option<i32>,
    out: String,
    err: String,
    timed_out: bool,
}

fn run(dir: &Path, opts: &[&str], name: &str, limit: Duration) -> Outcome {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyt"))
        .arg("run")
        .args(opts)
        .arg(name)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pyt");
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break Some(s);
        }
        if start.elapsed() > limit {
            timed_out = true;
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut out = String::new();
    let mut err = String::new();
    child.stdout.take().map(|mut s| s.read_to_string(&mut out));
    child.stderr.take().map(|mut s| s.read_to_string(&mut err));
    Outcome {
        code: status.and_then(|s| s.code()),
        out,
        err,
        timed_out,
    }
}

/// Masks `ident 139800000004096` (numbers are assigned per run) as `ident N`.
fn mask(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("ident ") {
        out.push_str(&rest[..i + 6]);
        rest = &rest[i + 6..];
        let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 {
            out.push('N');
        }
        rest = &rest[digits..];
    }
    out.push_str(rest);
    out
}

fn programs(dir: &Path, prefix: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/deadlock exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix) && n.ends_with(".py"))
        .collect();
    v.sort();
    v
}

fn dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/deadlock")
}

/// Checks `got` against `NAME.err`, or writes it when blessing.
fn pinned(dir: &Path, name: &str, got: &str) -> Result<(), String> {
    let stem = name.trim_end_matches(".py");
    let contains = dir.join(format!("{stem}.contains"));
    if let Ok(lines) = std::fs::read_to_string(&contains) {
        for l in lines.lines().filter(|l| !l.is_empty()) {
            if !got.contains(l) {
                return Err(format!("{name}: stderr lacks {l:?}:\n{got}"));
            }
        }
        return Ok(());
    }
    let path = dir.join(format!("{stem}.err"));
    if std::env::var_os("PYT_BLESS").is_some() {
        std::fs::write(&path, got).map_err(|e| e.to_string())?;
        return Ok(());
    }
    let want = std::fs::read_to_string(&path).map_err(|_| format!("{name}: not blessed"))?;
    if want != got {
        return Err(format!(
            "{name}: stderr differs\n--- want\n{want}\n--- got\n{got}"
        ));
    }
    Ok(())
}

#[test]
fn deadlocks_are_reported_with_status_3() {
    let d = dir();
    let mut failures = Vec::new();
    let names = programs(&d, "dl_");
    assert!(names.len() >= 5);
    for name in &names {
        let o = run(&d, &[], name, TIMEOUT);
        if o.timed_out || o.code != Some(3) {
            failures.push(format!(
                "{name}: status {:?} (timed out: {}), stderr:\n{}",
                o.code, o.timed_out, o.err
            ));
            continue;
        }
        if !o
            .err
            .starts_with("fatal error: all threads are asleep - deadlock!\n")
        {
            failures.push(format!("{name}: no headline:\n{}", o.err));
            continue;
        }
        if let Err(e) = pinned(&d, name, &mask(&o.err)) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn partial_deadlock_warns_once_and_goes_on() {
    let d = dir();
    let mut failures = Vec::new();
    for name in &programs(&d, "partial_") {
        let o = run(&d, &[], name, TIMEOUT);
        if o.code != Some(0) {
            failures.push(format!("{name}: status {:?}:\n{}", o.code, o.err));
            continue;
        }
        if let Err(e) = pinned(&d, name, &mask(&o.err)) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn correct_programs_are_never_reported() {
    let d = dir();
    let mut failures = Vec::new();
    let names = programs(&d, "ok_");
    assert!(!names.is_empty());
    for name in &names {
        for _ in 0..OK_RUNS {
            let o = run(&d, &[], name, TIMEOUT);
            if o.code != Some(0) || !o.err.is_empty() || !o.out.ends_with("ok\n") {
                failures.push(format!(
                    "{name}: status {:?}, stdout {:?}, stderr:\n{}",
                    o.code, o.out, o.err
                ));
                break;
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn on_deadlock_hang_keeps_cpython_behaviour() {
    let d = dir();
    let o = run(
        &d,
        &["--on-deadlock=hang"],
        "dl_two_locks.py",
        Duration::from_millis(1500),
    );
    assert!(o.timed_out, "should hang: status {:?}, {}", o.code, o.err);
    assert!(o.err.is_empty(), "no report expected: {}", o.err);
}

#[test]
fn dump_threads_after_shows_waits_and_goes_on() {
    let d = dir();
    let o = run(
        &d,
        &["--dump-threads-after", "0.5"],
        "dump_blocked.py",
        TIMEOUT,
    );
    assert_eq!(o.code, Some(0), "{}", o.err);
    assert_eq!(o.out, "ok\n");
    for want in [
        "pyt: thread dump (3 threads)",
        "Thread \"MainThread\"",
        "waiting on Event ev (created at dump_blocked.py:3) (with a timeout)",
        "waiting to acquire Lock lock (created at dump_blocked.py:2), held by holder since dump_blocked.py:5",
        "    File \"dump_blocked.py\", line 8, in waiter\n      with lock:",
    ] {
        assert!(o.err.contains(want), "missing {want:?} in:\n{}", o.err);
    }
}

/// Masks what varies between runs of a dump besides idents: the time a sleep has left.
fn mask_dump(text: &str) -> String {
    let left = regex::Regex::new(r"\(\d+\.\d s left\)").expect("valid regex");
    left.replace_all(&mask(text), "(T s left)").into_owned()
}

#[test]
fn dump_shows_running_sleeping_and_blocked_threads_with_stacks() {
    let d = dir();
    let o = run(
        &d,
        &["--dump-threads-after", "0.5"],
        "dump_states.py",
        TIMEOUT,
    );
    assert_eq!(o.code, Some(0), "{}", o.err);
    assert_eq!(o.out, "ok\n");
    if let Err(e) = pinned(&d, "dump_states.py", &mask_dump(&o.err)) {
        panic!("{e}");
    }
}

#[test]
fn sigquit_dumps_a_running_thread_and_the_program_goes_on() {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyt"))
        .args(["run", "dump_sigquit.py"])
        .current_dir(dir())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pyt");
    let mut out = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    out.read_line(&mut first).expect("read");
    assert_eq!(first, "ready\n");
    std::thread::sleep(Duration::from_millis(200));
    // SAFETY: kill(2) with the pid of our own still unreaped child and a signal number.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGQUIT) };
    let mut rest = String::new();
    out.read_to_string(&mut rest).expect("read");
    let mut err = String::new();
    child.stderr.take().map(|mut s| s.read_to_string(&mut err));
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(0), "{err}");
    assert_eq!(rest, "ok\n");
    if let Err(e) = pinned(&dir(), "dump_sigquit.py", &mask_dump(&err)) {
        panic!("{e}");
    }
}
