//! Signals from outside (issue 10, point 4): each program in tests/signals/ runs under pyt and
//! under CPython (`/usr/bin/python3`, skipped when absent) the same way; the test waits for a
//! line on its stdout, sends it a signal with kill(2), and compares stdout, stderr and how the
//! process ended (exit code, or the signal that killed it) between the two.

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const CPYTHON: &str = "/usr/bin/python3";
/// Limit for each wait (a line to appear, the process to end): a hang fails here.
const TIMEOUT: Duration = Duration::from_secs(20);
/// Pause between seeing the trigger line and signalling, so the program is inside the wait
/// that follows the line.
const SETTLE: Duration = Duration::from_millis(200);

#[derive(Debug, PartialEq)]
struct Ending {
    stdout: String,
    stderr: String,
    code: Option<i32>,
    signal: Option<i32>,
}

/// Which part of stderr must match: all of it, or only its last line (where a busy loop is
/// interrupted varies from run to run).
#[derive(Clone, Copy)]
enum Stderr {
    Whole,
    LastLine,
}

fn dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/signals")
}

fn spawn(interp: &str, script: &str, args: &[&str]) -> Child {
    let mut cmd = Command::new(interp);
    if interp != CPYTHON {
        cmd.arg("run");
    }
    cmd.arg(script)
        .args(args)
        .current_dir(dir())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn {interp}: {e}"))
}

/// Runs `script`; for each `(line, sig)` step waits until stdout printed `line`, then sends
/// `sig`.
fn run(interp: &str, script: &str, args: &[&str], steps: &[(&str, i32)]) -> Ending {
    let mut child = spawn(interp, script, args);
    let pid = child.id() as libc::pid_t;
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        let mut all = String::new();
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            all.push_str(&line);
            all.push('\n');
            let _ = tx.send(line);
        }
        all
    });
    let mut stderr = child.stderr.take().expect("stderr");
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    for (want, sig) in steps {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(l) if l.contains(want) => break,
                Ok(_) => {}
                Err(_) => {
                    let _ = child.kill();
                    panic!("{interp} {script}: no line {want:?} on stdout");
                }
            }
        }
        std::thread::sleep(SETTLE);
        // SAFETY: kill(2) with the pid of our own still unreaped child and a signal number.
        unsafe { libc::kill(pid, *sig) };
    }
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{interp} {script}: did not end");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Ending {
        stdout: reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
        code: status.code(),
        signal: status.signal(),
    }
}

fn check(script: &str, args: &[&str], steps: &[(&str, i32)], stderr: Stderr) {
    let pyt = run(env!("CARGO_BIN_EXE_pyt"), script, args, steps);
    if !Path::new(CPYTHON).exists() {
        eprintln!("{CPYTHON} not found: {script} checked against nothing");
        return;
    }
    let want = run(CPYTHON, script, args, steps);
    let (got_err, want_err) = match stderr {
        Stderr::Whole => (pyt.stderr.clone(), want.stderr.clone()),
        Stderr::LastLine => (
            pyt.stderr.lines().last().unwrap_or("").to_string(),
            want.stderr.lines().last().unwrap_or("").to_string(),
        ),
    };
    assert_eq!(
        (&pyt.stdout, &got_err, pyt.code, pyt.signal),
        (&want.stdout, &want_err, want.code, want.signal),
        "{script} {args:?}: pyt {pyt:?}\nCPython {want:?}"
    );
}

#[test]
fn sigterm_handler_prints_and_exits_zero() {
    check(
        "term_handler.py",
        &[],
        &[("ready", libc::SIGTERM)],
        Stderr::Whole,
    );
}

#[test]
fn sigterm_without_handler_kills_with_the_signal() {
    check(
        "term_default.py",
        &[],
        &[("ready", libc::SIGTERM)],
        Stderr::Whole,
    );
    check(
        "term_default.py",
        &["restore"],
        &[("ready", libc::SIGTERM)],
        Stderr::Whole,
    );
}

#[test]
fn sigint_in_a_loop_of_calls_is_keyboard_interrupt_and_death_by_sigint() {
    check(
        "int_busy.py",
        &[],
        &[("ready", libc::SIGINT)],
        Stderr::LastLine,
    );
}

#[test]
fn sigint_handler_runs_inside_a_lock_wait_which_goes_on() {
    check(
        "int_handler_lock.py",
        &[],
        &[("ready", libc::SIGINT), ("handler", libc::SIGINT)],
        Stderr::Whole,
    );
}

#[test]
fn handlers_run_in_the_main_thread_while_others_compute() {
    check(
        "usr1_worker_threads.py",
        &[],
        &[("ready", libc::SIGUSR1)],
        Stderr::Whole,
    );
}

#[test]
fn sigint_dispositions_sig_dfl_kills_and_sig_ign_ignores() {
    for mode in ["dfl", "ign"] {
        check(
            "int_dispositions.py",
            &[mode],
            &[("ready", libc::SIGINT)],
            Stderr::Whole,
        );
    }
}
