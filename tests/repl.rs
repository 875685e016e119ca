//! The REPL driven as a user drives it: the real `pyt` binary in a pseudo-terminal (expectrl),
//! keys in, screen text out. Every wait has a timeout so a hang fails instead of blocking CI.
//! `PYT_REPL_TEST_LOG=1 cargo test --test repl -- --nocapture` shows every byte exchanged.

#![cfg(unix)]

use expectrl::process::unix::WaitStatus;
use expectrl::{Expect, Session};
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// Longest wait for any expected text; generous for a loaded 2-core CI machine.
const EXPECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest wait for the process to exit after Ctrl-D or `exit()`.
const EXIT_TIMEOUT: Duration = Duration::from_secs(10);

const UP: &str = "\x1b[A";
const CTRL_C: &str = "\x03";
const CTRL_D: &str = "\x04";
const BACKSPACE: &str = "\x7f";

type Pty = Session<
    expectrl::process::unix::UnixProcess,
    expectrl::stream::log::LogStream<expectrl::process::unix::PtyStream, Log>,
>;
/// Where the pty traffic is logged: stderr when `PYT_REPL_TEST_LOG` is set, else nowhere.
type Log = Box<dyn std::io::Write + Send>;

fn temp_path(tag: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    std::env::temp_dir().join(format!("pyt-repl-{tag}-{}-{nanos}", std::process::id()))
}

/// Starts `pyt` (no arguments: stdin is the pty) with a history file of its own.
fn start(history: &std::path::Path) -> Pty {
    start_with(history, true)
}

fn start_with(history: &std::path::Path, no_color: bool) -> Pty {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyt"));
    cmd.env("PYT_HISTORY", history).env("TERM", "xterm");
    if no_color {
        cmd.env("NO_COLOR", "1");
    } else {
        cmd.env_remove("NO_COLOR");
    }
    let p = Session::spawn(cmd).expect("spawn pyt in a pty");
    let log: Log = if std::env::var_os("PYT_REPL_TEST_LOG").is_some() {
        Box::new(std::io::stderr())
    } else {
        Box::new(std::io::sink())
    };
    let mut p = expectrl::session::log(p, log).expect("log the pty");
    p.set_expect_timeout(Some(EXPECT_TIMEOUT));
    p.expect("no GIL").expect("banner");
    p.expect(">>> ").expect("first prompt");
    p
}

fn start_fresh(tag: &str) -> Pty {
    start(&temp_path(tag))
}

/// Sends a line as typed (Enter is a carriage return on a terminal).
fn line(p: &mut Pty, text: &str) {
    p.send(format!("{text}\r")).expect("send");
}

fn expect(p: &mut Pty, text: &str) {
    if let Err(e) = p.expect(text) {
        panic!("expected {text:?}: {e}");
    }
}

/// Waits until the REPL is back at its prompt in raw mode: a control key (Ctrl-D, Ctrl-C) sent
/// earlier, while code still runs with the terminal cooked, would be taken by the terminal.
/// Matching `>>> ` alone is not enough: rustyline repaints the prompt with every edit.
fn settle(p: &mut Pty) {
    line(p, "print('sett' + 'led')");
    expect(p, "settled");
    expect(p, ">>> ");
}

/// Waits (bounded) for the process to end; returns its exit code.
fn exit_code(p: &mut Pty) -> i32 {
    let deadline = Instant::now() + EXIT_TIMEOUT;
    loop {
        // Drain output so the child never blocks writing to a full pty.
        let mut buf = [0u8; 1024];
        let _ = p.try_read(&mut buf);
        match p.get_process().status() {
            Ok(WaitStatus::Exited(_, code)) => return code,
            Ok(WaitStatus::StillAlive) | Err(_) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            other => {
                let _ = p.get_process_mut().exit(true);
                panic!("pyt did not exit in time: {other:?}");
            }
        }
    }
}

#[test]
fn multi_line_function_definition_and_call() {
    let mut p = start_fresh("def");
    line(&mut p, "def double(x):");
    expect(&mut p, "... ");
    // Body lines are auto-indented (one level after `:`, then the block's own): type them
    // without leading spaces.
    line(&mut p, "if x < 0:");
    expect(&mut p, "... ");
    line(&mut p, "return 0");
    expect(&mut p, "... ");
    // Backspace in the indentation removes one level: back to the function body. Were it
    // still inside the `if`, double(21) would return None and print nothing.
    p.send(BACKSPACE).unwrap();
    line(&mut p, "return x * 2");
    expect(&mut p, "... ");
    // The pre-filled indentation alone is a blank line: it ends the block.
    line(&mut p, "");
    expect(&mut p, ">>> ");
    line(&mut p, "double(21)");
    expect(&mut p, "42");
    settle(&mut p);
    p.send(CTRL_D).unwrap();
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn recovers_from_name_error_and_syntax_error() {
    let mut p = start_fresh("errors");
    line(&mut p, "x = 5");
    expect(&mut p, ">>> ");
    line(&mut p, "undefined_name");
    expect(&mut p, "NameError: name 'undefined_name' is not defined");
    expect(&mut p, ">>> ");
    line(&mut p, "x = = 1");
    expect(&mut p, "SyntaxError");
    expect(&mut p, ">>> ");
    // An error found by the compiler, not the parser.
    line(&mut p, "return 5");
    expect(&mut p, "'return' outside function");
    line(&mut p, "x + 1");
    expect(&mut p, "6");
    expect(&mut p, ">>> ");
    // The echo stores the last value in `_`; bare `exit` prints the hint.
    line(&mut p, "_ * 7");
    expect(&mut p, "42");
    line(&mut p, "exit");
    expect(&mut p, "Use exit() or Ctrl-D (i.e. EOF) to exit");
    // The prompts are sys.ps1 and sys.ps2, read afresh for each line.
    line(
        &mut p,
        "import sys; sys.ps1 = 'py' + '1> '; sys.ps2 = 'py' + '2> '",
    );
    expect(&mut p, "py1> ");
    line(&mut p, "if x:");
    expect(&mut p, "py2> ");
    line(&mut p, "x = 0");
    expect(&mut p, "py2> ");
    line(&mut p, "");
    expect(&mut p, "py1> ");
    line(&mut p, "exit(3)");
    assert_eq!(exit_code(&mut p), 3);
}

#[test]
fn thread_output_appears_above_the_prompt_and_the_line_survives() {
    let mut p = start_fresh("thread");
    line(&mut p, "import threading, time");
    expect(&mut p, ">>> ");
    line(
        &mut p,
        "threading.Thread(target=lambda: (time.sleep(0.5), print('from-thread'))).start()",
    );
    expect(&mut p, ">>> ");
    // Half a line is being typed when the thread prints.
    p.send("40 + ").unwrap();
    expect(&mut p, "from-thread");
    // The prompt and the half-typed line are redrawn below the thread's output.
    expect(&mut p, ">>> 40 + ");
    line(&mut p, "2");
    expect(&mut p, "42");
    settle(&mut p);
    p.send(CTRL_D).unwrap();
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn ctrl_c_interrupts_running_code_and_keeps_state() {
    let mut p = start_fresh("sigint");
    line(&mut p, "kept = 'still here'");
    expect(&mut p, ">>> ");
    line(&mut p, "while True: pass");
    expect(&mut p, "... ");
    line(&mut p, "");
    std::thread::sleep(Duration::from_millis(300));
    p.send(CTRL_C).unwrap();
    expect(&mut p, "KeyboardInterrupt");
    expect(&mut p, ">>> ");
    line(&mut p, "kept");
    expect(&mut p, "'still here'");
    settle(&mut p);
    // Ctrl-C at the prompt discards the line being typed.
    p.send("discarded_name").unwrap();
    p.send(CTRL_C).unwrap();
    expect(&mut p, "KeyboardInterrupt");
    expect(&mut p, ">>> ");
    line(&mut p, "1 + 1");
    expect(&mut p, "2");
    settle(&mut p);
    p.send(CTRL_D).unwrap();
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn tab_completes_module_attributes() {
    let mut p = start_fresh("tab");
    line(&mut p, "import threading");
    expect(&mut p, ">>> ");
    // `threading.Cur` has two case-insensitive matches: the common prefix is inserted, a
    // second Tab lists them.
    p.send("threading.Cur\t").unwrap();
    expect(&mut p, "threading.current");
    p.send("\t").unwrap();
    expect(&mut p, "current_thread");
    line(&mut p, "_thread().name");
    expect(&mut p, "'MainThread'");
    settle(&mut p);
    p.send(CTRL_D).unwrap();
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn history_recalls_a_block_across_sessions() {
    let history = temp_path("history");
    let mut p = start(&history);
    line(&mut p, "def answer():");
    expect(&mut p, "... ");
    line(&mut p, "return 41 + 1");
    expect(&mut p, "... ");
    line(&mut p, "");
    settle(&mut p);
    p.send(CTRL_D).unwrap();
    assert_eq!(exit_code(&mut p), 0);

    let mut p = start(&history);
    // Up once recalls `settle`'s line, twice the whole block, as one entry; Enter runs it (it
    // is complete).
    p.send(UP).unwrap();
    expect(&mut p, "'led')");
    p.send(UP).unwrap();
    expect(&mut p, "return 41 + 1");
    line(&mut p, "");
    expect(&mut p, ">>> ");
    line(&mut p, "answer()");
    expect(&mut p, "42");
    settle(&mut p);
    p.send(CTRL_D).unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let _ = std::fs::remove_file(&history);
}

#[test]
fn ctrl_d_waits_for_threads_and_exits_zero() {
    let mut p = start_fresh("eof");
    line(&mut p, "import threading, time");
    expect(&mut p, ">>> ");
    line(
        &mut p,
        "threading.Thread(target=lambda: (time.sleep(0.6), print('late-thread-done'))).start()",
    );
    settle(&mut p);
    p.send(CTRL_D).unwrap();
    expect(&mut p, "late-thread-done");
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn input_is_highlighted_unless_no_color() {
    let mut p = start_with(&temp_path("colour"), false);
    p.send("if 'txt': 42 # note").unwrap();
    // Keyword, string, number, comment each in their colour (ANSI SGR sequences).
    expect(&mut p, "\x1b[1;35mif\x1b[0m");
    expect(&mut p, "\x1b[32m'txt'\x1b[0m");
    expect(&mut p, "\x1b[36m42\x1b[0m");
    expect(&mut p, "\x1b[2;37m# note\x1b[0m");
    p.send(CTRL_C).unwrap();
    expect(&mut p, "KeyboardInterrupt");
    expect(&mut p, ">>> ");
    settle(&mut p);
    p.send(CTRL_D).unwrap();
    assert_eq!(exit_code(&mut p), 0);

    let mut p = start_fresh("nocolour");
    line(&mut p, "if 'txt': 42 # note");
    // The echo of the whole line arrives plain.
    expect(&mut p, "if 'txt': 42 # note");
    p.send(CTRL_C).unwrap();
    expect(&mut p, "KeyboardInterrupt");
    expect(&mut p, ">>> ");
    settle(&mut p);
    p.send(CTRL_D).unwrap();
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn piped_stdin_runs_the_program_without_prompts() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyt"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn pyt");
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(b"def f():\n    return 6 * 7\nprint(f())\n")
            .expect("write program");
    }
    let out = child.wait_with_output().expect("wait");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "42\n");
    assert!(out.status.success());
}
