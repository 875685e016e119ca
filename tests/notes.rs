//! The notes suite: every snippet extracted from the five notes (`scripts/notes/NNN/NAME.py`,
//! see scripts/notes/README.md) runs under the real `pyt` binary and must agree with the
//! expectation CPython produced (`NAME.out`, `NAME.err`, `NAME.code`, written by
//! `scripts/notes/bless.py`), compared in the mode its optional `NAME.check` sidecar names:
//!
//! * no sidecar: stdout, stderr and exit code exactly equal;
//! * `sub REGEX => REPLACEMENT`: applied to both CPython's and pyt's stdout and stderr first
//!   (thread idents, addresses, times, PIDs);
//! * `unordered [stdout|stderr]`: the stream holds the same lines in any order, and a line
//!   may be several printed texts merged (threads' `print` writes its text and its newline
//!   separately, so `a\nb\n` may come out as `ab\n\n`): every piece must be accounted for;
//! * `whole_lines [stdout|stderr]`: the same lines in any order, none merged;
//! * `shuffled [stdout|stderr]`: the same characters (spaces aside) and line ends in any
//!   arrangement, for Python 2 prints, which write item by item and so mix lines mid-line;
//! * `counts [stdout|stderr]` with `count MIN MAX TEXT` lines: each literal TEXT (`\n` for a
//!   line end) occurs MIN..=MAX times anywhere in the stream;
//! * `pattern stdout|stderr` with `piece MIN MAX REGEX` lines: the stream, newlines removed,
//!   is a sequence of pieces (one newline each; the longest matching piece wins), each piece
//!   kind occurring MIN..=MAX times;
//! * `property NAME [ARG]`: a named checker below (`check_property`) on pyt's stdout;
//! * `deadlock` (with `timeout`): every thread of the snippet blocks for good; pyt must report
//!   it (exit 3, stderr starting with the report's headline) within SECS, where CPython hangs.
//! * `timeout SECS` and `min_lines N`: the snippet loops or deadlocks by design; it must still
//!   be running after SECS (then it is killed), its stdout lines must be a prefix of CPython's
//!   (blessed with a longer timeout) and number at least N (or satisfy its `counts` or
//!   properties instead); its stderr equal to CPython's.
//!
//! Every check is first applied to CPython's own output, which it must accept, and to that
//! output with one extra stdout line, which it must reject.
//!
//! Always applied to both sides: the frames of the `threading` module itself are dropped
//! from tracebacks (pyt's threading is not CPython's threading.py, so those lines cannot match).
//!
//! A `*_py2.py` snippet is Python 2 kept byte for byte, with expectations from CPython 2.7: pyt
//! must print exactly one line `pyt: note: NAME.py:LINE: Python 2 print statement; running in
//! Python 2 compatibility mode` (LINE: the first print statement) before the program's stderr.
//!
//! `scripts/notes/PENDING` lists snippets known not to pass yet (`NNN/NAME  reason`): they are
//! run and reported but do not fail the suite, unless one passes: then the list must shrink.
//! Snippets run in parallel (most of them sleep). `NOTES_FILTER=substr` selects a subset.

use regex::Regex;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A snippet not in timeout mode that runs this long hangs: the slowest one (50 serial joins
/// of one-second sleeps) takes about 52 s.
const HANG_SECS: u64 = 120;
/// Snippets run at once. Most of them sleep, so this is far above the core count; it is bounded
/// so that the CPU-bound ones (counters, print races) keep their timing on a 2-core machine.
const PARALLEL: usize = 40;
/// Most runs of each print-race demo in `print_race_is_real`, which stops at the first run
/// with a merged line. Merges need two threads printing at the same instant, so the rate
/// depends on load. Measured on the 2-core machine: idle, the 4-worker demo (000/12) merged
/// in 5 of 20 runs and the 7-worker one (001/10) in 13 of 20; with both cores saturated by two
/// busy loops, in 3 and 4 of 100. At 3% per run, 500 runs all miss with probability
/// 0.97^500 < 3e-7; idle, the first merge comes within a few runs. The test never overlaps the
/// snippet suite (`HEAVY`).
const RACE_MAX_RUNS: usize = 500;
/// Runs of each `end=''` and logging variant, none of which may merge a line (or the number of
/// runs the racy demo needed, if larger).
const SAFE_RUNS: usize = 60;

/// Held by each of the two heavy tests, so the print-race count is never measured while 40
/// snippets compete for the cores.
static HEAVY: Mutex<()> = Mutex::new(());

fn notes_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scripts")
        .join("notes")
}

fn pyt_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_pyt"))
}

#[derive(Debug, Default, Clone)]
struct Outcome {
    stdout: String,
    stderr: String,
    code: i32,
    timed_out: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    Exact,
    Unordered,
    WholeLines,
    Pattern,
    Shuffled,
    Counts,
}

/// What a `.check` sidecar says.
#[derive(Debug)]
struct Check {
    subs: Vec<(Regex, String)>,
    stdout: Mode,
    stderr: Mode,
    pieces: Vec<(usize, usize, Regex)>,
    counts: Vec<(usize, usize, String)>,
    properties: Vec<(String, String)>,
    timeout: Option<f64>,
    min_lines: usize,
    /// With `timeout`: the snippet deadlocks every thread, which pyt reports (exit 3, the
    /// report on stderr; its content is tested by tests/deadlock.rs) where CPython hangs.
    deadlock: bool,
}

/// pyt's exit status and first stderr line when every thread is blocked for good
/// (`src/modules/deadlock.rs`).
const DEADLOCK_EXIT: i32 = 3;
const DEADLOCK_HEADLINE: &str = "fatal error: all threads are asleep - deadlock!\n";

fn parse_check(text: &str) -> Result<Check, String> {
    let mut c = Check {
        subs: Vec::new(),
        stdout: Mode::Exact,
        stderr: Mode::Exact,
        pieces: Vec::new(),
        counts: Vec::new(),
        properties: Vec::new(),
        timeout: None,
        min_lines: 0,
        deadlock: false,
    };
    let re = |s: &str| Regex::new(s).map_err(|e| format!("bad regex {s:?}: {e}"));
    for line in text.lines() {
        let line = line.trim_start();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
        let mode_of = |m| -> Result<(bool, Mode), String> {
            match rest.trim() {
                "" | "stdout" => Ok((true, m)),
                "stderr" => Ok((false, m)),
                other => Err(format!("bad stream {other:?}")),
            }
        };
        let set = |c: &mut Check, (out, m): (bool, Mode)| {
            if out {
                c.stdout = m
            } else {
                c.stderr = m
            }
        };
        match word {
            "sub" => {
                let (pat, repl) = rest
                    .split_once(" => ")
                    .ok_or_else(|| format!("sub needs ' => ': {line}"))?;
                c.subs.push((re(pat)?, repl.to_string()));
            }
            "unordered" => set(&mut c, mode_of(Mode::Unordered)?),
            "whole_lines" => set(&mut c, mode_of(Mode::WholeLines)?),
            "shuffled" => set(&mut c, mode_of(Mode::Shuffled)?),
            "counts" => set(&mut c, mode_of(Mode::Counts)?),
            "count" => {
                let mut it = rest.splitn(3, ' ');
                let min = it.next().and_then(|s| s.parse().ok());
                let max = it.next().and_then(|s| s.parse().ok());
                let (Some(min), Some(max), Some(text)) = (min, max, it.next()) else {
                    return Err(format!("count MIN MAX TEXT: {line}"));
                };
                c.counts.push((min, max, text.replace("\\n", "\n")));
            }
            "pattern" => set(&mut c, mode_of(Mode::Pattern)?),
            "piece" => {
                let mut it = rest.splitn(3, ' ');
                let min = it.next().and_then(|s| s.parse().ok());
                let max = it.next().and_then(|s| s.parse().ok());
                let (Some(min), Some(max), Some(pat)) = (min, max, it.next()) else {
                    return Err(format!("piece MIN MAX REGEX: {line}"));
                };
                c.pieces.push((min, max, re(&format!("^(?:{pat})"))?));
            }
            "property" => {
                let (name, arg) = rest.split_once(' ').unwrap_or((rest, ""));
                c.properties.push((name.to_string(), arg.to_string()));
            }
            "timeout" => c.timeout = Some(rest.trim().parse().map_err(|_| line.to_string())?),
            "min_lines" => c.min_lines = rest.trim().parse().map_err(|_| line.to_string())?,
            "deadlock" => c.deadlock = true,
            _ => return Err(format!("unknown check line: {line}")),
        }
    }
    Ok(c)
}

fn read_opt(path: &Path) -> Option<String> {
    std::fs::read(path)
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// Runs `pyt run NAME.py` in a fresh temporary directory holding a copy of the snippet, so
/// tracebacks say `File "NAME.py"` and files a snippet writes stay out of the tree.
fn run_snippet(path: &Path, limit: Duration, unbuffered: bool) -> Result<Outcome, String> {
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    let name = path.file_name().ok_or("no file name")?;
    let tmp = std::env::temp_dir().join(format!(
        "pyt-notes-{}-{}",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&tmp).map_err(|e| format!("temp dir: {e}"))?;
    std::fs::copy(path, tmp.join(name)).map_err(|e| format!("copy: {e}"))?;
    let stdin_data = std::fs::read(path.with_extension("in")).unwrap_or_default();
    let mut cmd = Command::new(pyt_bin());
    if unbuffered {
        cmd.arg("-u");
    }
    let child = cmd
        .arg("run")
        .arg(name)
        .current_dir(&tmp)
        // Buffering is chosen per snippet (`-u` above), not by the caller's environment: with
        // PYTHONUNBUFFERED set, children of 002/19 print text and line end as separate writes
        // and their lines can merge.
        .env_remove("PYTHONUNBUFFERED")
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(format!("could not start pyt: {e}"));
        }
    };
    let mut stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(pipe) = stdin.as_mut() {
            let _ = pipe.write_all(&stdin_data);
        }
    });
    let (out, err) = (drain(child.stdout.take()), drain(child.stderr.take()));
    let start = Instant::now();
    let (code, timed_out) = loop {
        match child.try_wait() {
            Ok(Some(status)) => break (status.code().unwrap_or(-1), false),
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                break (-1, true);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("wait failed: {e}")),
        }
    };
    let _ = writer.join();
    let outcome = Outcome {
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        code,
        timed_out,
    };
    let _ = std::fs::remove_dir_all(&tmp);
    Ok(outcome)
}

fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        String::from_utf8_lossy(&buf).into_owned()
    })
}

/// The normalisations applied to both sides: threading's own traceback frames, then the
/// sidecar's substitutions.
fn normalise(text: &str, subs: &[(Regex, String)]) -> String {
    thread_local! {
        static LIB_FRAME: Regex = Regex::new(
            r#"(?m)^  File "(?:[^"\n]*/threading\.py|<pyt threading>)", line \d+, in [^\n]*\n(?:    [^\n]*\n)*"#,
        ).expect("valid regex");
    }
    let mut s = LIB_FRAME.with(|re| re.replace_all(text, "").into_owned());
    for (re, repl) in subs {
        s = re.replace_all(&s, repl.as_str()).into_owned();
    }
    s
}

/// Line of the first Python 2 print statement (1-based), for the py2 mode's note.
fn first_print_statement(source: &str) -> Option<usize> {
    source
        .lines()
        .position(|l| {
            let t = l.trim_start();
            t.strip_prefix("print").is_some_and(|rest| {
                rest.starts_with([' ', '"', '\'']) && !rest.trim_start().starts_with('(')
            }) && !t.starts_with('#')
        })
        .map(|i| i + 1)
}

/// Exact comparison with a short diff.
fn diff_text(label: &str, expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let exp: Vec<&str> = expected.split_inclusive('\n').collect();
    let act: Vec<&str> = actual.split_inclusive('\n').collect();
    let first = exp.iter().zip(&act).take_while(|(a, b)| a == b).count();
    let mut out = format!("  {label} differs at line {}:\n", first + 1);
    for (sign, lines) in [('-', &exp), ('+', &act)] {
        let rest = lines.get(first..).unwrap_or(&[]);
        for line in rest.iter().take(5) {
            out.push_str(&format!("   {sign} {line:?}\n"));
        }
        if rest.is_empty() {
            out.push_str(&format!("   {sign} <end>\n"));
        }
    }
    Some(out)
}

/// The same lines in any order, a line possibly being several printed texts merged.
fn unordered(label: &str, expected: &str, actual: &str) -> Option<String> {
    let newlines = |s: &str| s.matches('\n').count();
    if newlines(expected) != newlines(actual) {
        return Some(format!(
            "  {label}: {} lines expected, {} found\n{}",
            newlines(expected),
            newlines(actual),
            diff_text(label, expected, actual).unwrap_or_default()
        ));
    }
    let mut pool: BTreeMap<&str, usize> = BTreeMap::new();
    for line in expected.split('\n').filter(|l| !l.is_empty()) {
        *pool.entry(line).or_default() += 1;
    }
    for segment in actual.split('\n').filter(|s| !s.is_empty()) {
        if !cover(segment, &mut pool) {
            return Some(format!(
                "  {label}: line {segment:?} is not made of expected lines (still unused: {})\n",
                summary(&pool)
            ));
        }
    }
    if pool.values().any(|&n| n > 0) {
        return Some(format!(
            "  {label}: lines never printed: {}\n",
            summary(&pool)
        ));
    }
    None
}

fn summary(pool: &BTreeMap<&str, usize>) -> String {
    let left: Vec<String> = pool
        .iter()
        .filter(|(_, &n)| n > 0)
        .take(5)
        .map(|(l, n)| format!("{l:?} x{n}"))
        .collect();
    left.join(", ")
}

/// Splits `segment` into expected lines taken from `pool` (longest first, backtracking).
fn cover<'a>(segment: &str, pool: &mut BTreeMap<&'a str, usize>) -> bool {
    if segment.is_empty() {
        return true;
    }
    let mut candidates: Vec<&'a str> = pool
        .iter()
        .filter(|(l, &n)| n > 0 && segment.starts_with(**l))
        .map(|(l, _)| *l)
        .collect();
    candidates.sort_by_key(|l| std::cmp::Reverse(l.len()));
    for line in candidates {
        *pool.get_mut(line).expect("present") -= 1;
        if cover(&segment[line.len()..], pool) {
            return true;
        }
        *pool.get_mut(line).expect("present") += 1;
    }
    false
}

/// Each literal text occurs MIN..=MAX times anywhere in the stream (`\n` counts line ends):
/// for Python 2 output whose lines mix mid-line but whose items are each written whole.
fn counts(label: &str, wanted: &[(usize, usize, String)], actual: &str) -> Option<String> {
    let mut report = String::new();
    for (min, max, text) in wanted {
        let n = actual.matches(text.as_str()).count();
        if n < *min || n > *max {
            report.push_str(&format!(
                "  {label}: {text:?} occurs {n} times, expected {min}..={max}\n"
            ));
        }
    }
    if wanted.is_empty() {
        report.push_str(&format!("  {label}: `counts` without any `count` line\n"));
    }
    (!report.is_empty()).then_some(report)
}

/// The same characters and line ends in any arrangement: Python 2's print statement writes
/// each item and each separating space on its own, so concurrent lines can mix mid-line.
fn shuffled(label: &str, expected: &str, actual: &str) -> Option<String> {
    let sorted = |s: &str| {
        let mut v: Vec<char> = s.chars().filter(|c| *c != ' ').collect();
        v.sort_unstable();
        v
    };
    if sorted(expected) == sorted(actual) {
        return None;
    }
    Some(format!(
        "  {label}: not the expected characters and line ends in another order\n{}",
        diff_text(label, expected, actual).unwrap_or_default()
    ))
}

fn whole_lines(label: &str, expected: &str, actual: &str) -> Option<String> {
    let sorted = |s: &str| {
        let mut v: Vec<String> = s.split_inclusive('\n').map(str::to_string).collect();
        v.sort();
        v.concat()
    };
    diff_text(
        &format!("{label} (sorted lines)"),
        &sorted(expected),
        &sorted(actual),
    )
}

fn pattern(label: &str, pieces: &[(usize, usize, Regex)], actual: &str) -> Option<String> {
    let newlines = actual.matches('\n').count();
    let mut counts = vec![0usize; pieces.len()];
    let mut tokens = 0;
    // Each line is one piece, or several merged ones; a piece never spans a line end.
    for line in actual.split('\n') {
        let mut rest = line;
        while !rest.is_empty() {
            // The longest match wins, so a piece `1` does not eat the start of `10`.
            let hit = pieces
                .iter()
                .enumerate()
                .filter_map(|(i, (_, _, re))| {
                    re.find(rest).filter(|m| m.end() > 0).map(|m| (i, m.end()))
                })
                .max_by_key(|&(i, len)| (len, std::cmp::Reverse(i)));
            let Some((i, len)) = hit else {
                let shown: String = rest.chars().take(80).collect();
                return Some(format!("  {label}: no piece matches at {shown:?}\n"));
            };
            counts[i] += 1;
            tokens += 1;
            rest = &rest[len..];
        }
    }
    let mut report = String::new();
    if tokens != newlines {
        report.push_str(&format!(
            "  {label}: {tokens} pieces but {newlines} line ends\n"
        ));
    }
    for ((min, max, re), n) in pieces.iter().zip(counts) {
        if n < *min || n > *max {
            report.push_str(&format!(
                "  {label}: piece {:?} occurs {n} times, expected {min}..={max}\n",
                re.as_str()
            ));
        }
    }
    if !report.is_empty() {
        let shown: String = actual.chars().take(600).collect();
        report.push_str(&format!("  {label} was: {shown:?}\n"));
    }
    (!report.is_empty()).then_some(report)
}

/// Named properties every correct run satisfies and a broken one violates.
fn check_property(name: &str, arg: &str, out: &str) -> Option<String> {
    match name {
        // An unlocked `num += 1` from several threads may lose updates but never invents
        // them: the last line is a count in 1..=ARG.
        "counter_at_most" => {
            let max: u64 = arg.trim().parse().ok()?;
            let last = out.lines().last().unwrap_or("");
            match last.trim().parse::<u64>() {
                Ok(n) if n >= 1 && n <= max => None,
                _ => Some(format!(
                    "  counter: last line {last:?} is not in 1..={max}\n"
                )),
            }
        }
        // Condition producer/consumer: every line is one of the four the snippet prints (the
        // prints happen under the condition's lock, so none merge), every produced item is
        // consumed exactly once (equal multisets of goods), and ARG items were produced.
        "produced_consumed" => {
            let want: usize = arg.trim().parse().ok()?;
            let re_p = Regex::new(r"\[生产者\d+\]生产商品(\d+)").expect("valid");
            let re_c = Regex::new(r"\[消费者\d+\]消费商品(\d+)").expect("valid");
            let collect = |re: &Regex| {
                let mut v: Vec<String> = re.captures_iter(out).map(|c| c[1].to_string()).collect();
                v.sort();
                v
            };
            let known = Regex::new(r"^(?:\[生产者\d+\]生产商品\d+|\[消费者\d+\]消费商品\d+|列表商品:\[[\d, ]*\]|列表剩余:\[[\d, ]*\])$")
                .expect("valid");
            if let Some(bad) = out.lines().find(|l| !known.is_match(l)) {
                return Some(format!("  unexpected line {bad:?}\n"));
            }
            let (made, used) = (collect(&re_p), collect(&re_c));
            if made.len() != want || made != used {
                Some(format!(
                    "  produced {made:?} but consumed {used:?} (expected {want} of each)\n"
                ))
            } else {
                None
            }
        }
        // 000/16: a daemon thread prints 0..ARG-1 while the main thread prints its last line
        // and exits, killing the daemon. Main's line comes exactly once (possibly merged into
        // a number's line); the numbers form an in-order prefix of 0..ARG-1, the last one
        // possibly cut before its newline; 'bar' comes last, and only after all ARG numbers.
        "daemon_prefix" => {
            let n: usize = arg.trim().parse().ok()?;
            let main_line = "Main Thread Exiting";
            if out.matches(main_line).count() != 1 {
                return Some(format!(
                    "  {main_line:?} must be printed exactly once:\n{out}\n"
                ));
            }
            let rest: String = out.replacen(main_line, "", 1).split('\n').collect();
            let (numbers, bar) = match rest.strip_suffix("bar") {
                Some(r) => (r.to_string(), true),
                None => (rest, false),
            };
            let printed =
                (0..=n).find(|&k| (0..k).map(|i| i.to_string()).collect::<String>() == numbers);
            match printed {
                Some(k) if !bar || k == n => None,
                _ => Some(format!(
                    "  not an in-order prefix of 0..{n} (then bar): {out:?}\n"
                )),
            }
        }
        // 002/23: pool threads print the numbers 0..ARG-1 once each, in any order, a text and
        // its newline possibly split by another thread's print (`2`, `3` may come out as
        // `23\n\n`); then two lines of two counts. The digits, newlines removed, must split
        // into exactly those numbers, with one newline per number.
        "numbers_then_counts" => {
            let n: usize = arg.trim().parse().ok()?;
            let lines: Vec<&str> = out.lines().collect();
            let counts = Regex::new(r"^\d+ \d+$").expect("valid");
            let split = lines.len().saturating_sub(2);
            let (nums, tail) = lines.split_at(split);
            if tail.len() != 2 || !tail.iter().all(|l| counts.is_match(l)) {
                return Some(format!(
                    "  the last two lines are not two counts each: {tail:?}\n"
                ));
            }
            let newlines = nums.len();
            let digits: String = nums.concat();
            let mut used = vec![false; n];
            if newlines == n
                && digits.bytes().all(|b| b.is_ascii_digit())
                && segments(&digits, &mut used)
            {
                None
            } else {
                Some(format!(
                    "  the numbers 0..{n} are not each printed once: {nums:?}\n"
                ))
            }
        }
        _ => Some(format!("  unknown property {name:?}\n")),
    }
}

/// Whether `digits` is a concatenation of every number whose `used` flag is unset, each once
/// (backtracking; numbers have no leading zeros).
fn segments(digits: &str, used: &mut [bool]) -> bool {
    if digits.is_empty() {
        return used.iter().all(|u| *u);
    }
    for len in 1..=digits.len().min(6) {
        let head = &digits[..len];
        if len > 1 && head.starts_with('0') {
            break;
        }
        let Ok(k) = head.parse::<usize>() else { break };
        if k < used.len() && !used[k] {
            used[k] = true;
            if segments(&digits[len..], used) {
                return true;
            }
            used[k] = false;
        }
    }
    false
}

/// Whether `actual`'s lines are a prefix of `expected`'s lines (a killed run's partial line,
/// if any, must be a prefix of the corresponding line).
fn line_prefix(label: &str, expected: &str, actual: &str) -> Option<String> {
    if expected.starts_with(actual) {
        None
    } else {
        diff_text(
            &format!("{label} (must be a prefix of CPython's)"),
            expected,
            actual,
        )
    }
}

/// Compares one snippet's run with its expectation; empty when it passes.
fn judge(path: &Path, check: &Check, exp: &Outcome, act: &Outcome) -> String {
    let mut report = String::new();
    let source = read_opt(path).unwrap_or_default();
    let mut act_err = act.stderr.clone();
    if path.to_string_lossy().ends_with("_py2.py") {
        let line = first_print_statement(&source).unwrap_or(0);
        let note = format!(
            "pyt: note: {}:{line}: Python 2 print statement; running in Python 2 compatibility mode\n",
            path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()
        );
        match act_err.strip_prefix(&note) {
            Some(rest) => act_err = rest.to_string(),
            None => report.push_str(&format!("  stderr does not start with {note:?}\n")),
        }
    }
    let (e_out, e_err) = (
        normalise(&exp.stdout, &check.subs),
        normalise(&exp.stderr, &check.subs),
    );
    let (a_out, a_err) = (
        normalise(&act.stdout, &check.subs),
        normalise(&act_err, &check.subs),
    );
    if let Some(secs) = check.timeout {
        if check.deadlock {
            if act.timed_out || act.code != DEADLOCK_EXIT {
                report.push_str(&format!(
                    "  expected pyt's deadlock report (exit {DEADLOCK_EXIT}) within {secs} s, got {}\n",
                    if act.timed_out { "a hang".to_string() } else { format!("exit {}", act.code) }
                ));
            }
            if !a_err.starts_with(DEADLOCK_HEADLINE) {
                report.push_str(&format!(
                    "  stderr does not start with {DEADLOCK_HEADLINE:?}\n"
                ));
            }
        } else if !act.timed_out {
            report.push_str(&format!(
                "  ended (exit {}) before its {secs} s timeout, but it loops or deadlocks by design\n",
                act.code
            ));
        }
        if check.stdout == Mode::Counts {
            report.extend(counts("stdout", &check.counts, &a_out));
        } else if check.properties.is_empty() {
            report.extend(line_prefix("stdout", &e_out, &a_out));
            let lines = a_out.lines().count();
            if lines < check.min_lines {
                report.push_str(&format!(
                    "  only {lines} stdout lines before the timeout, at least {} expected\n",
                    check.min_lines
                ));
            }
        }
        // What a looping or deadlocked snippet writes to stderr (warnings) comes at once.
        // A deadlock report replaces the comparison: its content is pyt's own.
        if !check.deadlock {
            report.extend(diff_text("stderr", &e_err, &a_err));
        }
    } else {
        if act.timed_out {
            report.push_str(&format!("  hung: killed after {HANG_SECS} s\n"));
        } else if exp.code != act.code {
            report.push_str(&format!(
                "  exit code: expected {}, got {}\n",
                exp.code, act.code
            ));
        }
        for (label, mode, e, a) in [
            ("stdout", check.stdout, &e_out, &a_out),
            ("stderr", check.stderr, &e_err, &a_err),
        ] {
            if !check.properties.is_empty() && label == "stdout" && mode == Mode::Exact {
                continue; // the properties judge stdout
            }
            report.extend(match mode {
                Mode::Exact => diff_text(label, e, a),
                Mode::Unordered => unordered(label, e, a),
                Mode::WholeLines => whole_lines(label, e, a),
                Mode::Pattern => pattern(label, &check.pieces, a),
                Mode::Shuffled => shuffled(label, e, a),
                Mode::Counts => counts(label, &check.counts, a),
            });
        }
    }
    for (name, arg) in &check.properties {
        report.extend(check_property(name, arg, &a_out));
    }
    report
}

fn expectation(path: &Path) -> Result<Outcome, String> {
    let stdout = read_opt(&path.with_extension("out"))
        .ok_or_else(|| "  not blessed: run scripts/notes/bless.py\n".to_string())?;
    let stderr = read_opt(&path.with_extension("err")).unwrap_or_default();
    let code = match read_opt(&path.with_extension("code")) {
        None => 0,
        Some(t) => t
            .trim()
            .parse()
            .map_err(|_| format!("  bad .code {t:?}\n"))?,
    };
    Ok(Outcome {
        stdout,
        stderr,
        code,
        timed_out: false,
    })
}

fn snippets() -> Vec<PathBuf> {
    let mut all = Vec::new();
    if let Ok(dirs) = std::fs::read_dir(notes_dir()) {
        for dir in dirs.flatten() {
            let d = dir.path();
            if !d.is_dir() {
                continue;
            }
            if let Ok(files) = std::fs::read_dir(&d) {
                all.extend(
                    files
                        .flatten()
                        .map(|f| f.path())
                        .filter(|p| p.extension().is_some_and(|e| e == "py")),
                );
            }
        }
    }
    all.sort();
    all
}

/// `NNN/NAME` of a snippet path.
fn key(path: &Path) -> String {
    let dir = path
        .parent()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = path
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{dir}/{stem}")
}

fn pending() -> BTreeMap<String, String> {
    read_opt(&notes_dir().join("PENDING"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (k, r) = l.split_once(char::is_whitespace).unwrap_or((l, ""));
            (k.to_string(), r.trim().to_string())
        })
        .collect()
}

/// Runs one snippet and judges it; the report is empty on success.
fn run_and_judge(path: &Path) -> String {
    let check = match read_opt(&path.with_extension("check")).map(|t| parse_check(&t)) {
        None => parse_check("").expect("empty check parses"),
        Some(Ok(c)) => c,
        Some(Err(e)) => return format!("  bad .check: {e}\n"),
    };
    let exp = match expectation(path) {
        Ok(e) => e,
        Err(e) => return e,
    };
    // A check must accept CPython's own run, or it checks something CPython does not do.
    let mut as_run = exp.clone();
    as_run.timed_out = check.timeout.is_some();
    if check.deadlock {
        // What pyt adds to CPython's hang: the report and its exit status.
        as_run.timed_out = false;
        as_run.code = DEADLOCK_EXIT;
        as_run.stderr = format!("{DEADLOCK_HEADLINE}{}", exp.stderr);
    }
    if path.to_string_lossy().ends_with("_py2.py") {
        let source = read_opt(path).unwrap_or_default();
        as_run.stderr = format!(
            "pyt: note: {}:{}: Python 2 print statement; running in Python 2 compatibility mode\n{}",
            path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(),
            first_print_statement(&source).unwrap_or(0),
            exp.stderr
        );
    }
    let self_check = judge(path, &check, &exp, &as_run);
    if !self_check.is_empty() {
        return format!("  the check rejects CPython's own output:\n{self_check}");
    }
    // ... and must reject a wrong run: CPython's output with a line it never prints.
    let mut wrong = as_run.clone();
    wrong
        .stdout
        .push_str("pyt-notes: a line no correct run prints\n");
    if judge(path, &check, &exp, &wrong).is_empty() {
        return "  the check accepts a run with an extra stdout line\n".to_string();
    }
    let limit = check
        .timeout
        .map(Duration::from_secs_f64)
        .unwrap_or(Duration::from_secs(HANG_SECS));
    match run_snippet(path, limit, check.timeout.is_some()) {
        Ok(act) => judge(path, &check, &exp, &act),
        Err(e) => format!("  {e}\n"),
    }
}

#[test]
fn notes_snippets() {
    let _alone = HEAVY.lock().unwrap_or_else(|e| e.into_inner());
    let filter = std::env::var("NOTES_FILTER").unwrap_or_default();
    let all: Vec<PathBuf> = snippets()
        .into_iter()
        .filter(|p| key(p).contains(&filter))
        .collect();
    assert!(
        !all.is_empty(),
        "no snippets under {}",
        notes_dir().display()
    );
    let pending = pending();
    for name in pending.keys() {
        assert!(
            all.iter().any(|p| &key(p) == name) || !filter.is_empty(),
            "PENDING names {name}, which does not exist"
        );
    }
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..PARALLEL.min(all.len()) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(path) = all.get(i) else { break };
                let report = run_and_judge(path);
                results
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((key(path), report));
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort();
    let (mut failed, mut passed_pending, mut still_pending) = (Vec::new(), Vec::new(), 0);
    for (name, report) in &results {
        match (report.is_empty(), pending.get(name)) {
            (true, Some(_)) => passed_pending.push(name.clone()),
            (false, Some(reason)) => {
                still_pending += 1;
                eprintln!("pending {name} ({reason}):\n{report}");
            }
            (true, None) => {}
            (false, None) => {
                eprintln!("FAIL {name}:\n{report}");
                failed.push(name.clone());
            }
        }
    }
    eprintln!(
        "notes: {} snippets, {} failed, {} pending, {} pending now passing",
        results.len(),
        failed.len(),
        still_pending,
        passed_pending.len()
    );
    assert!(failed.is_empty(), "failing snippets: {failed:?}");
    assert!(
        passed_pending.is_empty(),
        "these PENDING snippets pass now; delete their lines from scripts/notes/PENDING: {passed_pending:?}"
    );
}

/// Whether some line holds two texts that were printed separately, or is an empty line that
/// the merge left behind.
fn merged(out: &str, text: &str) -> bool {
    out.lines()
        .any(|l| l.matches(text).count() > 1 || l.is_empty())
}

#[test]
fn print_race_is_real() {
    let _alone = HEAVY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = notes_dir();
    let run = |rel: &str| {
        let out = run_snippet(&dir.join(rel), Duration::from_secs(HANG_SECS), false)
            .unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert!(!out.timed_out, "{rel} hung");
        out
    };
    let mut needed = 0;
    for racy in ["000/12_print_race.py", "001/10_print_race.py"] {
        let runs = (1..=RACE_MAX_RUNS).find(|_| merged(&run(racy).stdout, " is running."));
        let Some(runs) = runs else {
            panic!("{racy}: no merged line in {RACE_MAX_RUNS} runs; print must write text and newline separately")
        };
        eprintln!("{racy}: first merged line in run {runs}");
        needed = needed.max(runs);
    }
    for (safe, stream_is_err) in [
        ("000/13_print_end.py", false),
        ("001/11_print_end.py", false),
        ("000/14_logging.py", true),
        ("001/12_logging.py", true),
    ] {
        for _ in 0..SAFE_RUNS.max(needed) {
            let out = run(safe);
            let text = if stream_is_err {
                &out.stderr
            } else {
                &out.stdout
            };
            assert!(
                !merged(text, " is running."),
                "{safe} merged a line:\n{text}"
            );
            assert!(
                text.lines().count() >= 400,
                "{safe}: too few lines ({})",
                text.lines().count()
            );
        }
    }
}

#[test]
fn harness_comparisons_can_fail() {
    // Merged lines are accepted only when every piece is accounted for.
    assert!(unordered("s", "a\nb\nc\n", "c\nab\n\n").is_none());
    assert!(unordered("s", "a\nb\nc\n", "c\naa\n\n").is_some());
    assert!(unordered("s", "a\nb\n", "a\nb\nb\n").is_some());
    assert!(whole_lines("s", "a\nb\n", "ab\n\n").is_some());
    assert!(shuffled("s", "loop 0 a\nloop 1 b\n", "loop 0loop 1 a\n b\n").is_none());
    assert!(shuffled("s", "loop 0 a\nloop 1 b\n", "loop 0 a\n").is_some());
    let wanted = vec![(2, 2, "ab".to_string()), (3, 3, "\n".to_string())];
    assert!(counts("s", &wanted, "abab\n\n\n").is_none());
    assert!(counts("s", &wanted, "ab\n\n\n").is_some());
    let pieces = vec![(2, 2, Regex::new("^(?:x\\d)").expect("valid"))];
    assert!(pattern("s", &pieces, "x1x2\n\n").is_none());
    assert!(pattern("s", &pieces, "x1\n").is_some());
    assert!(pattern("s", &pieces, "x1\ny\n").is_some());
    let ok = "0\n1Main Thread Exiting\n\n2\n";
    assert!(check_property("daemon_prefix", "20", ok).is_none());
    assert!(check_property("daemon_prefix", "3", "0\n1\n2\nMain Thread Exiting\nbar\n").is_none());
    assert!(check_property("daemon_prefix", "20", "0\n2\nMain Thread Exiting\n").is_some());
    assert!(check_property("daemon_prefix", "20", "0\nMain Thread Exiting\nbar\n").is_some());
    assert!(check_property("counter_at_most", "500000", "a\n500001\n").is_some());
    assert!(check_property("counter_at_most", "500000", "a\n391518\n").is_none());
    assert_eq!(
        first_print_statement("# c\nx = 1\n\tprint \"a\", x\nprint(1)\n"),
        Some(3)
    );
    assert!(line_prefix("s", "a\nb\nc\n", "a\nb\n").is_none());
    assert!(line_prefix("s", "a\nb\n", "a\nb\nc\n").is_some());
}
