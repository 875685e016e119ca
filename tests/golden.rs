//! Golden-output tests: every `tests/golden/NAME.py` runs under the real `pyt` binary and its
//! stdout, stderr and exit code must equal `NAME.out`, `NAME.err` and `NAME.code` exactly.
//!
//! Conventions (see tests/golden/README.md): `NAME.in` is fed to stdin, `NAME.args` holds extra
//! argv (one per line), `NAME.opts` holds pyt options put before the script (`--strict`), a
//! missing `.err` means empty stderr and a missing `.code` means 0. A program without
//! `NAME.out` has never been blessed and fails. Programs listed in
//! `tests/golden/PENDING` are run and reported but do not fail the suite, unless one of them
//! passes: then the suite fails so the list is shortened. `GOLDEN_FILTER=substr` selects a
//! subset, `GOLDEN_TIMEOUT=secs` overrides the per-program limit.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A hung program must fail rather than block CI; 10 s is far above any golden's real cost.
const DEFAULT_TIMEOUT_SECS: u64 = 10;
/// Lines of difference shown per stream: enough to see the problem, short enough to scan 100 failures.
const DIFF_LINES: usize = 6;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
}

/// What one run produced (or what the expectation files say it should produce).
#[derive(Debug, PartialEq, Default)]
struct Outcome {
    stdout: String,
    stderr: String,
    code: i32,
}

/// Compact diff of two texts: the first differing line, a line of context and a few lines of
/// each side after it. `None` when equal.
fn diff_text(label: &str, expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let exp: Vec<&str> = expected.split_inclusive('\n').collect();
    let act: Vec<&str> = actual.split_inclusive('\n').collect();
    let first = exp
        .iter()
        .zip(act.iter())
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = format!("  {label} differs at line {}:\n", first + 1);
    if first > 0 {
        out.push_str(&format!("     {}\n", show(exp[first - 1])));
    }
    for (sign, lines) in [('-', &exp), ('+', &act)] {
        let rest = lines.get(first..).unwrap_or(&[]);
        for line in rest.iter().take(DIFF_LINES) {
            out.push_str(&format!("   {sign} {}\n", show(line)));
        }
        if rest.len() > DIFF_LINES {
            out.push_str(&format!(
                "   {sign} ... ({} more lines)\n",
                rest.len() - DIFF_LINES
            ));
        }
        if rest.is_empty() {
            out.push_str(&format!("   {sign} <end of output>\n"));
        }
    }
    Some(out)
}

/// A line as shown in a diff: trailing newline dropped, a missing one and stray whitespace made visible.
fn show(line: &str) -> String {
    match line.strip_suffix('\n') {
        Some(body) if body.ends_with([' ', '\t', '\r']) => format!("{body:?}"),
        Some(body) => body.to_string(),
        None => format!("{line:?} (no newline at end)"),
    }
}

/// Every difference between expectation and outcome, empty when they agree.
fn compare(expected: &Outcome, actual: &Outcome) -> String {
    let mut report = String::new();
    if expected.code != actual.code {
        report.push_str(&format!(
            "  exit code: expected {}, got {}\n",
            expected.code, actual.code
        ));
    }
    report.extend(diff_text("stdout", &expected.stdout, &actual.stdout));
    report.extend(diff_text("stderr", &expected.stderr, &actual.stderr));
    report
}

fn read_opt(path: &Path) -> Option<String> {
    std::fs::read(path)
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// The blessed expectation for `name`, or an explanation of why there is none.
fn expectation(dir: &Path, name: &str) -> Result<Outcome, String> {
    let stdout = read_opt(&dir.join(format!("{name}.out")))
        .ok_or_else(|| format!("  not blessed: no {name}.out (run scripts/bless.py {name})\n"))?;
    let stderr = read_opt(&dir.join(format!("{name}.err"))).unwrap_or_default();
    let code = match read_opt(&dir.join(format!("{name}.code"))) {
        None => 0,
        Some(text) => text
            .trim()
            .parse()
            .map_err(|_| format!("  bad {name}.code: {text:?}\n"))?,
    };
    Ok(Outcome {
        stdout,
        stderr,
        code,
    })
}

/// Runs `pyt run [OPTS...] NAME.py ARGS...` in `dir`, killing it after `timeout`.
fn run_program(bin: &Path, dir: &Path, name: &str, timeout: Duration) -> Result<Outcome, String> {
    let args: Vec<String> = read_opt(&dir.join(format!("{name}.args")))
        .map(|t| t.lines().map(str::to_string).collect())
        .unwrap_or_default();
    let opts: Vec<String> = read_opt(&dir.join(format!("{name}.opts")))
        .map(|t| t.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default();
    let stdin_data = std::fs::read(dir.join(format!("{name}.in"))).unwrap_or_default();
    let mut child = Command::new(bin)
        .arg("run")
        .args(&opts)
        .arg(format!("{name}.py"))
        .args(&args)
        .current_dir(dir)
        .env_remove("PYTHONIOENCODING")
        .env_remove("PYTHONUNBUFFERED")
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("  could not start {}: {e}\n", bin.display()))?;
    // Each pipe gets its own thread so a chatty program can never deadlock against us.
    let mut stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(pipe) = stdin.as_mut() {
            let _ = pipe.write_all(&stdin_data);
        }
    });
    let (out, err) = (drain(child.stdout.take()), drain(child.stderr.take()));
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("  timed out after {} s\n", timeout.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("  wait failed: {e}\n")),
        }
    };
    let _ = writer.join();
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    // A signal death has no code; -1 can never match a blessed expectation.
    Ok(Outcome {
        stdout,
        stderr,
        code: status.code().unwrap_or(-1),
    })
}

/// Reads a child's pipe to the end on its own thread.
fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        String::from_utf8_lossy(&buf).into_owned()
    })
}

/// `PENDING` lines: `name  reason...`; blank lines and `#` comments ignored.
fn parse_pending(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, reason) = l.split_once(char::is_whitespace).unwrap_or((l, ""));
            (
                name.trim_end_matches(".py").to_string(),
                reason.trim().to_string(),
            )
        })
        .collect()
}

/// How a run of the suite came out, given which programs are pending.
#[derive(Debug, PartialEq, Default)]
struct Verdict {
    passed: usize,
    failed: Vec<String>,
    pending_failed: usize,
    unexpectedly_passed: Vec<String>,
}

/// Sorts `(name, report)` results (empty report = pass) into a verdict.
fn classify(results: &[(String, String)], pending: &BTreeMap<String, String>) -> Verdict {
    let mut v = Verdict::default();
    for (name, report) in results {
        match (report.is_empty(), pending.contains_key(name)) {
            (true, false) => v.passed += 1,
            (true, true) => v.unexpectedly_passed.push(name.clone()),
            (false, false) => v.failed.push(name.clone()),
            (false, true) => v.pending_failed += 1,
        }
    }
    v
}

#[test]
fn golden() {
    let dir = golden_dir();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_pyt"));
    let filter = std::env::var("GOLDEN_FILTER").unwrap_or_default();
    let secs = std::env::var("GOLDEN_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok());
    let timeout = Duration::from_secs(secs.unwrap_or(DEFAULT_TIMEOUT_SECS));
    let pending = parse_pending(&read_opt(&dir.join("PENDING")).unwrap_or_default());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/golden exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".py").map(str::to_string))
        .filter(|n| n.contains(&filter))
        .collect();
    names.sort();
    let stale: Vec<&String> = pending
        .keys()
        .filter(|p| !dir.join(format!("{p}.py")).exists())
        .collect();
    assert!(
        stale.is_empty(),
        "PENDING names programs that do not exist: {stale:?}"
    );

    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                while let Some(name) = names.get(next.fetch_add(1, Ordering::SeqCst)) {
                    let report = expectation(&dir, name)
                        .and_then(|exp| Ok(compare(&exp, &run_program(&bin, &dir, name, timeout)?)))
                        .unwrap_or_else(|e| e);
                    results.lock().unwrap().push((name.clone(), report));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort();

    let verdict = classify(&results, &pending);
    for (name, report) in &results {
        if verdict.failed.contains(name) {
            eprintln!("FAIL {name}\n{report}");
        } else if let (false, Some(reason)) = (report.is_empty(), pending.get(name)) {
            eprintln!("pending {name} ({reason})\n{report}");
        }
    }
    let Verdict {
        passed,
        failed,
        pending_failed,
        unexpectedly_passed,
    } = verdict;
    for name in &unexpectedly_passed {
        eprintln!("PASSED BUT PENDING {name}: remove it from tests/golden/PENDING");
    }
    eprintln!(
        "golden: {passed} passed, {} failed, {pending_failed} pending, {} pending-but-passed",
        failed.len(),
        unexpectedly_passed.len()
    );
    println!(
        "{passed} passed, {} failed",
        failed.len() + unexpectedly_passed.len()
    );
    assert!(
        failed.is_empty() && unexpectedly_passed.is_empty(),
        "golden failures: {failed:?}; pending but passing: {unexpectedly_passed:?}"
    );
}

#[test]
fn diff_text_equal_is_none() {
    assert_eq!(diff_text("stdout", "a\nb\n", "a\nb\n"), None);
}

#[test]
fn diff_text_shows_first_difference_with_context() {
    let d = diff_text("stdout", "a\nb\nc\n", "a\nB\nc\n").unwrap();
    assert!(d.contains("stdout differs at line 2"), "{d}");
    assert!(
        d.contains("     a\n") && d.contains("   - b\n") && d.contains("   + B\n"),
        "{d}"
    );
}

#[test]
fn diff_text_reports_missing_output_and_newline() {
    let d = diff_text("stderr", "x\n", "").unwrap();
    assert!(
        d.contains("   - x\n") && d.contains("   + <end of output>"),
        "{d}"
    );
    let d = diff_text("stdout", "x\n", "x").unwrap();
    assert!(d.contains("\"x\" (no newline at end)"), "{d}");
}

#[test]
fn diff_text_truncates_long_tails() {
    let long: String = (0..20).map(|i| format!("{i}\n")).collect();
    let d = diff_text("stdout", "", &long).unwrap();
    assert!(
        d.contains(&format!("... ({} more lines)", 20 - DIFF_LINES)),
        "{d}"
    );
}

#[test]
fn diff_text_makes_trailing_space_visible() {
    let d = diff_text("stdout", "a\n", "a \n").unwrap();
    assert!(d.contains("\"a \""), "{d}");
}

#[test]
fn compare_reports_code_and_streams() {
    let exp = Outcome {
        stdout: "1\n".into(),
        stderr: String::new(),
        code: 0,
    };
    assert_eq!(
        compare(
            &exp,
            &Outcome {
                stdout: "1\n".into(),
                ..Outcome::default()
            }
        ),
        ""
    );
    let got = Outcome {
        stdout: "2\n".into(),
        stderr: "boom\n".into(),
        code: 1,
    };
    let r = compare(&exp, &got);
    assert!(r.contains("exit code: expected 0, got 1"), "{r}");
    assert!(
        r.contains("stdout differs") && r.contains("stderr differs"),
        "{r}"
    );
}

#[test]
fn classify_pending_programs_do_not_fail_but_must_not_pass() {
    let results: Vec<(String, String)> = [
        ("ok", ""),
        ("bad", "  x\n"),
        ("pend", "  y\n"),
        ("fixed", ""),
    ]
    .iter()
    .map(|(n, r)| (n.to_string(), r.to_string()))
    .collect();
    let pending = parse_pending("pend  not yet\nfixed  was broken\n");
    let v = classify(&results, &pending);
    assert_eq!(
        v,
        Verdict {
            passed: 1,
            failed: vec!["bad".into()],
            pending_failed: 1,
            unexpectedly_passed: vec!["fixed".into()]
        }
    );
}

#[test]
fn parse_pending_reads_names_and_reasons() {
    let p = parse_pending("# comment\n\nexc_foo   needs carets\nbar.py\n");
    assert_eq!(p.len(), 2);
    assert_eq!(p["exc_foo"], "needs carets");
    assert_eq!(p["bar"], "");
}

#[test]
fn expectation_defaults_and_unblessed() {
    let dir = std::env::temp_dir().join(format!("pyt-golden-selftest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.out"), "hi\n").unwrap();
    assert_eq!(
        expectation(&dir, "a"),
        Ok(Outcome {
            stdout: "hi\n".into(),
            ..Outcome::default()
        })
    );
    std::fs::write(dir.join("a.code"), "3\n").unwrap();
    assert_eq!(expectation(&dir, "a").map(|o| o.code), Ok(3));
    assert!(expectation(&dir, "missing")
        .unwrap_err()
        .contains("not blessed"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn run_program_feeds_stdin_and_times_out() {
    // `sh` stands in for pyt: `sh run NAME.py` executes a script named `run` in the directory.
    let dir = std::env::temp_dir().join(format!("pyt-golden-run-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("run"),
        "case \"$1\" in\n slow.py) sleep 5;;\n *) cat; echo \"$2\" >&2; exit 4;;\nesac\n",
    )
    .unwrap();
    std::fs::write(dir.join("echo.in"), "in\n").unwrap();
    std::fs::write(dir.join("echo.args"), "arg1\n").unwrap();
    let sh = Path::new("/bin/sh");
    let got = run_program(sh, &dir, "echo", Duration::from_secs(5)).unwrap();
    assert_eq!(
        got,
        Outcome {
            stdout: "in\n".into(),
            stderr: "arg1\n".into(),
            code: 4
        }
    );
    let err = run_program(sh, &dir, "slow", Duration::from_millis(200)).unwrap_err();
    assert!(err.contains("timed out"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
