//! Python 2 compatibility mode across the command line and imports: the note is printed once
//! per Python 2 file and names it as given; `--strict` (before or after `run`) and `-c` keep
//! Python 3's SyntaxError; the mode belongs to each module, so a Python 3 module imported by a
//! Python 2 script is unchanged and the other way round; print statements from several threads
//! deliver every item whole. The print statement's output itself is checked against CPython
//! 2.7 by the `py2_*` golden programs.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A hung run fails instead of blocking CI; every program here takes well under a second.
const TIMEOUT: Duration = Duration::from_secs(60);

const MISSING: &str = "Missing parentheses in call to 'print'. Did you mean print(...)?";

struct Run {
    out: String,
    err: String,
    code: i32,
}

fn pyt(dir: &Path, args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyt"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pyt starts");
    let mut input = child.stdin.take();
    let data = stdin.to_string();
    let writer = std::thread::spawn(move || {
        if let Some(p) = input.as_mut() {
            let _ = p.write_all(data.as_bytes());
        }
    });
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_string(&mut s);
            }
            s
        })
    };
    let out = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let err = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("pyt {args:?} timed out");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let _ = writer.join();
    Run {
        out: out.join().unwrap_or_default(),
        err: err.join().unwrap_or_default(),
        code: status.code().unwrap_or(-1),
    }
}

/// A fresh directory holding the given files.
fn dir_with(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyt-py2-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (f, text) in files {
        std::fs::write(dir.join(f), text).expect("write");
    }
    dir
}

fn note(path: &str, line: u32) -> String {
    format!(
        "pyt: note: {path}:{line}: Python 2 print statement; running in Python 2 compatibility mode\n"
    )
}

const SCRIPT: &str = "import sys\nprint\nprint 'a', 1\nprint 'b',\nprint 'c'\n";

#[test]
fn one_note_naming_the_file_as_given() {
    let dir = dir_with("note", &[("s.py", SCRIPT)]);
    let r = pyt(&dir, &["s.py"], "");
    assert_eq!(
        (r.out.as_str(), r.err.as_str(), r.code),
        ("\na 1\nb c\n", note("s.py", 3).as_str(), 0)
    );
    let r = pyt(
        dir.parent().unwrap(),
        &["run", &format!("{}/s.py", dir.display())],
        "",
    );
    assert_eq!(r.err, note(&format!("{}/s.py", dir.display()), 3));
    // A program read from stdin is a file too.
    let r = pyt(&dir, &["-"], SCRIPT);
    assert_eq!(
        (r.out.as_str(), r.err.as_str()),
        ("\na 1\nb c\n", note("<stdin>", 3).as_str())
    );
}

#[test]
fn strict_and_dash_c_keep_the_syntax_error() {
    let dir = dir_with("strict", &[("s.py", SCRIPT)]);
    for args in [
        &["--strict", "s.py"][..],
        &["run", "--strict", "s.py"],
        &["--strict", "run", "s.py"],
        &["-c", "print 'a', 1"],
    ] {
        let r = pyt(&dir, args, "");
        assert_eq!(r.code, 1, "{args:?}");
        assert!(r.err.contains(MISSING), "{args:?}: {}", r.err);
        assert!(!r.err.contains("pyt: note"), "{args:?}: {}", r.err);
        assert_eq!(r.out, "", "{args:?}");
    }
    let r = pyt(&dir, &["--strict", "s.py"], "");
    assert!(r.err.contains("s.py:3"), "names the line: {}", r.err);
}

/// Reports what a Python 3 module sees: type names of the errors the Python 2 names raise.
const PY3_MODULE: &str = r#"
import threading

def probe():
    seen = []
    for name, f in [
        ("xrange", lambda: xrange(3)),
        ("apply", lambda: apply(len, ([1],))),
        ("raw_input", lambda: raw_input),
        ("has_key", lambda: {}.has_key(1)),
        ("isAlive", lambda: threading.current_thread().isAlive()),
    ]:
        try:
            f()
            seen.append(name + ":ok")
        except Exception as e:
            seen.append(name + ":" + type(e).__name__)
    try:
        import Queue
        seen.append("Queue:ok")
    except ImportError as e:
        seen.append("Queue:" + type(e).__name__)
    seen.append("div:" + str(7 / 2))
    print
    return " ".join(seen)
"#;

#[test]
fn python3_modules_are_unaffected_by_a_python2_script() {
    let main = "import py3mod\nprint 'py3 module:', py3mod.probe()\nprint 'script:', list(xrange(2)), {1: 2}.has_key(1), 7 / 2\n";
    let dir = dir_with("py3mod", &[("main.py", main), ("py3mod.py", PY3_MODULE)]);
    let r = pyt(&dir, &["main.py"], "");
    assert_eq!(r.err, note("main.py", 2));
    assert_eq!(
        r.out,
        "py3 module: xrange:NameError apply:NameError raw_input:NameError has_key:AttributeError \
         isAlive:AttributeError Queue:ModuleNotFoundError div:3.5\nscript: [0, 1] True 3\n"
    );
}

#[test]
fn a_python2_module_imported_by_a_python3_script() {
    let module = "def show(x):\n    print 'module says', x,\n    print xrange(2)\n";
    let main =
        "import py2mod\npy2mod.show(1)\ntry:\n    xrange\nexcept NameError as e:\n    print(e)\n";
    let dir = dir_with("py2mod", &[("main.py", main), ("py2mod.py", module)]);
    let r = pyt(&dir, &["main.py"], "");
    assert_eq!(
        r.out,
        "module says 1 range(0, 2)\nname 'xrange' is not defined\n"
    );
    let canon = std::fs::canonicalize(&dir).unwrap();
    assert_eq!(r.err, note(&format!("{}/py2mod.py", canon.display()), 2));
    // Under --strict the import fails with the module's SyntaxError.
    let r = pyt(&dir, &["--strict", "main.py"], "");
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("SyntaxError") && r.err.contains(MISSING),
        "{}",
        r.err
    );
}

#[test]
fn threads_printing_at_once_deliver_every_item() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py2");
    let r = pyt(&dir, &["interleave.py"], "");
    assert_eq!(
        (r.code, r.err.as_str()),
        (0, note("interleave.py", 11).as_str())
    );
    // Items are whole writes: lines may merge or gain a space written for another thread,
    // but no item is torn or lost, and every print statement ends its line once.
    for tag in ["wa", "wb", "wc", "wd"] {
        assert_eq!(r.out.matches(tag).count(), 300, "{tag}");
    }
    assert_eq!(r.out.matches("mid").count(), 1200);
    assert_eq!(r.out.matches("end").count(), 1200);
    assert_eq!(r.out.matches('\n').count(), 1200);
}

/// Python 2.7 deprecated none of threading's camelCase names and ignores DeprecationWarning
/// by default even in `__main__`: Python 2 code calling them prints nothing, while the same
/// calls from a Python 3 module imported by it still warn as CPython 3.11 does.
#[test]
fn python2_code_gets_no_python3_deprecation_warnings() {
    let py2 = "import threading, helper\n\
               t = threading.Thread(target=helper.f)\n\
               t.setDaemon(True)\n\
               print t.isDaemon(), threading.currentThread().getName()\n\
               helper.f()\n";
    let helper = "import threading\nimport warnings\ndef f():\n    \
                  warnings.simplefilter('always')\n    \
                  threading.current_thread().setName('M')\n";
    let dir = dir_with("deprecations", &[("s.py", py2), ("helper.py", helper)]);
    let r = pyt(&dir, &["s.py"], "");
    assert_eq!(r.out, "True MainThread\n");
    let expected_warning = "helper.py:5: DeprecationWarning: setName() is deprecated, \
                            set the name attribute instead\n  \
                            threading.current_thread().setName('M')\n";
    let err = r.err.replace(&format!("{}/", dir.display()), "");
    assert_eq!(err, format!("{}{expected_warning}", note("s.py", 4)));
}
