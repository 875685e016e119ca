//! Thread-safety stress tests: each program in tests/threads/ hammers shared objects from
//! several real OS threads (or re-enters a container from Python code a builtin is running)
//! and asserts its invariants in Python, printing `ok`. A hang fails the test at the timeout
//! instead of blocking CI; each program runs several times since races are probabilistic.
//! Every program also passes under CPython (they assert properties any correct run has).

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Per-run limit: generous for a loaded 2-core machine; a deadlock shows up as a timeout.
const TIMEOUT: Duration = Duration::from_secs(60);
/// Runs per program: races that corrupt state show up with high probability over a few runs.
const RUNS: usize = 3;

fn run(path: &Path) -> Result<(), String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyt"))
        .arg("run")
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("spawn: {e}"))?;
    let start = Instant::now();
    loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) => {
                let mut out = String::new();
                let mut err = String::new();
                child.stdout.take().map(|mut s| s.read_to_string(&mut out));
                child.stderr.take().map(|mut s| s.read_to_string(&mut err));
                if status.code() == Some(0) && out == "ok\n" && err.is_empty() {
                    return Ok(());
                }
                return Err(format!("status {status}, stdout {out:?}, stderr:\n{err}"));
            }
            None if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {TIMEOUT:?} (deadlock?)"));
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}

#[test]
fn thread_stress_programs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/threads");
    let mut programs: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/threads exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    programs.sort();
    assert!(!programs.is_empty());
    let mut failures = Vec::new();
    for p in &programs {
        for i in 0..RUNS {
            if let Err(e) = run(p) {
                failures.push(format!("{} (run {}): {e}", p.display(), i + 1));
                break;
            }
        }
    }
    let passed = programs.len() - failures.len();
    println!("{passed} passed, {} failed", failures.len());
    assert!(
        failures.is_empty(),
        "thread stress failures:\n{}",
        failures.join("\n")
    );
}
