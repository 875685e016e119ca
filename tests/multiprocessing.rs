//! multiprocessing behaviour the golden programs cannot pin down: what a child prints when
//! its target raises (CPython's output there names its own process.py frames, which pyt
//! leaves out), the bootstrapping error of a script without the main guard, and that no
//! child outlives its program, whether the program ends normally, raises, is interrupted or
//! is killed.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a child may take to disappear after its parent is gone (the kernel delivers the
/// death signal at once; this only absorbs a loaded machine).
const GONE_WITHIN: Duration = Duration::from_secs(10);
/// Limit for each program: a hang fails instead of blocking the suite.
const RUN_LIMIT: Duration = Duration::from_secs(60);

fn script(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyt-mp-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{name}.py"));
    std::fs::write(&path, text).expect("write script");
    path
}

fn spawn(path: &PathBuf) -> Child {
    Command::new(env!("CARGO_BIN_EXE_pyt"))
        .arg("run")
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pyt")
}

/// Waits for the program with a limit; returns (status code, stdout, stderr); a death by a
/// signal is reported as 128 + the signal number, as a shell does.
fn finish(mut child: Child) -> (Option<i32>, String, String) {
    use std::os::unix::process::ExitStatusExt;
    let out = child.stdout.take();
    let err = child.stderr.take();
    let o = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(mut out) = out {
            let _ = out.read_to_string(&mut s);
        }
        s
    });
    let e = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(mut err) = err {
            let _ = err.read_to_string(&mut s);
        }
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > RUN_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("program hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    (
        status.code().or(status.signal().map(|s| 128 + s)),
        o.join().unwrap_or_default(),
        e.join().unwrap_or_default(),
    )
}

fn run(name: &str, text: &str) -> (Option<i32>, String, String) {
    finish(spawn(&script(name, text)))
}

/// Whether a process is still running (a zombie waiting for its reaper counts as gone).
fn running(pid: i32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => {
            let state = stat
                .rsplit(')')
                .next()
                .and_then(|rest| rest.split_whitespace().next());
            !matches!(state, Some("Z") | Some("X"))
        }
        Err(_) => false,
    }
}

fn all_gone(pids: &[i32]) -> bool {
    let start = Instant::now();
    while start.elapsed() < GONE_WITHIN {
        if pids.iter().all(|&p| !running(p)) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn child_exception_prints_process_header_and_traceback() {
    let (code, out, err) = run(
        "raise",
        "import multiprocessing as mp\n\
         def boom(x):\n    raise ValueError('boom %d' % x)\n\
         if __name__ == '__main__':\n    p = mp.Process(target=boom, args=(7,))\n    p.start()\n    p.join()\n    print('exitcode', p.exitcode)\n",
    );
    assert_eq!(code, Some(0));
    assert_eq!(out, "exitcode 1\n");
    assert!(
        err.starts_with("Process Process-1:\nTraceback (most recent call last):\n  File \""),
        "{err}"
    );
    assert!(err.contains("raise.py\", line 3, in boom\n"), "{err}");
    assert!(err.ends_with("ValueError: boom 7\n"), "{err}");
    assert!(
        !err.contains("frozen"),
        "pyt's own frames are hidden: {err}"
    );
}

#[test]
fn starting_a_process_while_importing_main_is_an_error_not_a_fork_bomb() {
    // No main guard, and the target is defined after the start: the child cannot run it,
    // so it reports CPython's bootstrapping error and exits with 1.
    let (code, out, err) = run(
        "noguard",
        "import multiprocessing as mp\n\
         print('top level')\n\
         p = mp.Process(target=print, args=('never',))\n\
         p.start()\n\
         p.join()\n\
         print('exitcode', p.exitcode)\n",
    );
    assert_eq!(code, Some(0), "{err}");
    // `print` is found in the child, so the target runs after all, as a forked child would.
    assert!(out.contains("exitcode 0"), "{out}");
    let (code, out, err) = run(
        "noguard2",
        "import multiprocessing as mp\n\
         p = mp.Process(target=(lambda: None) if False else None)\n\
         q = mp.Process(target=mp.current_process)\n\
         q.start()\n\
         q.join()\n\
         def later():\n    pass\n\
         r = mp.Process(target=later)\n\
         r.start()\n\
         r.join()\n\
         print('exitcode', r.exitcode)\n",
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(out.ends_with("exitcode 1\n"), "{out}");
    assert!(
        err.contains("An attempt has been made to start a new process before the\n"),
        "{err}"
    );
    assert!(err.contains("RuntimeError"), "{err}");
}

#[test]
fn killed_parent_leaves_no_children() {
    let path = script(
        "killed",
        "import multiprocessing as mp, time, sys\n\
         if __name__ == '__main__':\n\
         \x20   ps = [mp.Process(target=time.sleep, args=(60,), daemon=d) for d in (False, True)]\n\
         \x20   for p in ps: p.start()\n\
         \x20   pool = mp.Pool(2)\n\
         \x20   pids = [p.pid for p in ps] + [w.pid for w in pool._pool]\n\
         \x20   print(' '.join(map(str, pids)), flush=True)\n\
         \x20   time.sleep(60)\n",
    );
    let mut child = spawn(&path);
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read pids");
    let pids: Vec<i32> = line
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .collect();
    assert_eq!(pids.len(), 4, "{line:?}");
    assert!(pids.iter().all(|&p| running(p)));
    child.kill().expect("kill parent");
    let _ = child.wait();
    assert!(all_gone(&pids), "children outlived their killed parent");
}

#[test]
fn parent_that_raises_joins_children_and_reaps_daemons() {
    let (code, out, err) = run(
        "raises",
        "import multiprocessing as mp, time, os\n\
         def work():\n    time.sleep(0.3)\n    print('child done', flush=True)\n\
         if __name__ == '__main__':\n\
         \x20   p = mp.Process(target=work)\n    p.start()\n\
         \x20   d = mp.Process(target=time.sleep, args=(60,), daemon=True)\n    d.start()\n\
         \x20   print(p.pid, d.pid, flush=True)\n\
         \x20   raise SystemError('parent fails')\n",
    );
    assert_eq!(code, Some(1));
    assert!(err.contains("SystemError: parent fails"), "{err}");
    let mut lines = out.lines();
    let pids: Vec<i32> = lines
        .next()
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .collect();
    assert_eq!(pids.len(), 2, "{out}");
    assert_eq!(
        lines.next(),
        Some("child done"),
        "the exit waits for the child"
    );
    assert!(all_gone(&pids));
}

#[test]
fn ctrl_c_interrupts_a_blocked_queue_get() {
    let path = script(
        "sigint",
        "import multiprocessing as mp, time\n\
         if __name__ == '__main__':\n\
         \x20   q = mp.Queue()\n\
         \x20   p = mp.Process(target=time.sleep, args=(0.5,))\n    p.start()\n\
         \x20   print(p.pid, flush=True)\n\
         \x20   q.get()\n",
    );
    let mut child = spawn(&path);
    let mut line = String::new();
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    stdout.read_line(&mut line).expect("read pid");
    let pid: i32 = line.trim().parse().expect("pid");
    std::thread::sleep(Duration::from_millis(200));
    // SAFETY: sending SIGINT to the pyt process this test started.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let (code, _out, err) = finish(child);
    // 130: exit status 130, or death by SIGINT (what CPython does after KeyboardInterrupt).
    assert_eq!(code, Some(130), "{err}");
    assert!(err.contains("KeyboardInterrupt"), "{err}");
    assert!(all_gone(&[pid]));
}
