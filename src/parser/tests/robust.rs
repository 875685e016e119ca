//! Robustness: incomplete input, deep nesting, big files, and no panic on any prefix.

use super::parse_str;
use crate::source::SourceFile;

fn incomplete(text: &str) -> bool {
    match parse_str(text) {
        Ok(_) => panic!("{text:?} parsed"),
        Err(d) => d.incomplete,
    }
}

#[test]
fn incomplete_block_header_at_eof() {
    assert!(incomplete("if x:\n"));
    assert!(incomplete("for x in y:"));
    assert!(incomplete("class A:\n"));
    assert!(incomplete("if x:\n  pass\nelse:\n"));
    assert!(incomplete("def f():\n  if x:\n"));
}

#[test]
fn incomplete_decorator_and_try() {
    assert!(incomplete("@dec\n"));
    assert!(incomplete("try:\n  pass\n"));
}

#[test]
fn incomplete_open_bracket() {
    assert!(incomplete("def f("));
    assert!(incomplete("x = [1,\n 2"));
}

#[test]
fn complete_but_wrong_is_not_incomplete() {
    assert!(!incomplete("x = 1 +\n"));
    assert!(!incomplete("x = 1 2\n"));
    assert!(!incomplete("f() = 1\n"));
    assert!(!incomplete("if x = 1:\n  pass\n"));
}

#[test]
fn ten_thousand_brackets_give_the_lexer_error() {
    let text = format!("x = {}1{}\n", "(".repeat(10_000), ")".repeat(10_000));
    let d = parse_str(&text).unwrap_err();
    assert_eq!(d.message, "too many nested parentheses");
}

#[test]
fn deep_but_allowed_brackets_parse() {
    let text = format!("x = {}1{}\n", "[".repeat(90), "]".repeat(90));
    assert!(parse_str(&text).is_ok());
    let n = crate::lexer::MAX_PAREN_LEVEL - 1;
    let text = format!("x = {}1{}\n", "(".repeat(n), ")".repeat(n));
    assert!(parse_str(&text).is_ok(), "{:?}", parse_str(&text).err());
    let text = format!("x = {}1{}\n", "[".repeat(n), "]".repeat(n));
    assert!(parse_str(&text).is_ok());
    let text = format!("x = {}1{}\n", "f(".repeat(n), ")".repeat(n));
    assert!(parse_str(&text).is_ok());
}

#[test]
fn empty_and_blank_files() {
    for text in ["", "\n\n", "# c\n", "  \n\t\n"] {
        assert!(parse_str(text).unwrap().body.is_empty(), "{text:?}");
    }
}

#[test]
fn too_many_nested_expressions() {
    for text in [
        format!("x = {}1\n", "-".repeat(100_000)),
        format!("x = {}1\n", "not ".repeat(100_000)),
        format!("x = {}1\n", "lambda: ".repeat(10_000)),
        format!("x = {}1\n", "a if b else ".repeat(10_000)),
        format!("x = {}1\n", "2 ** ".repeat(10_000)),
        format!("x = {}1\n", "1 + ".repeat(100_000)),
        format!("x = a{}\n", ".b".repeat(100_000)),
        format!("x = f{}\n", "()".repeat(100_000)),
    ] {
        let d = parse_str(&text).unwrap_err();
        assert_eq!(d.message, "too many nested expressions", "{}", &text[..20]);
    }
}

#[test]
fn deep_expressions_within_the_limit_parse() {
    assert!(parse_str(&format!("x = {}1\n", "-".repeat(300))).is_ok());
    assert!(parse_str(&format!("x = {}1\n", "1 + ".repeat(300))).is_ok());
    assert!(parse_str(&format!("x = {}1\n", "lambda: ".repeat(150))).is_ok());
}

#[test]
fn deep_nesting_on_a_small_stack() {
    // A thread with a small stack still parses deep input: stacker grows it.
    let h = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let text = format!("x = {}1{}\n", "(".repeat(150), ")".repeat(150));
            parse_str(&text).is_ok()
        })
        .unwrap();
    assert!(h.join().unwrap());
}

#[test]
fn one_megabyte_file_parses_quickly() {
    let chunk = "def f(a, b=1):\n    if a > b:\n        return [x * 2 for x in range(a)]\n    \
                 return {'k': a, 'v': (b, a)}\nx = f(3) + f(4, b=2)\nprint(f\"{x!r:>10}\")\n";
    let text = chunk.repeat(1_000_000 / chunk.len() + 1);
    let t = std::time::Instant::now();
    let m = parse_str(&text).unwrap();
    assert!(m.body.len() > 10_000);
    // Generous even for a debug build on a loaded machine.
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
}

const PROGRAMS: &[&str] = &[
    r#"import threading
from queue import Queue

counter = 0
lock = threading.Lock()

def worker(n, *, q: Queue = None):
    global counter
    for i in range(n):
        with lock:
            counter += 1
    if q is not None:
        q.put(f"done {n=} {counter:>{5}}")

@staticmethod
def g(a, /, b, *args, c=1, **kw) -> int:
    try:
        return a[1:2, ::3] ** -b
    except (ValueError, TypeError) as e:
        raise RuntimeError("bad") from e
    finally:
        del a
"#,
    r#"class Point(object, metaclass=type):
    """A point."""
    x: int = 0
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)

ps = [Point(i, j) for i in range(3) for j in range(3) if i != j]
d = {p.x: p for p in ps}
s = {*d, 1}
while (n := len(ps)) > 2:
    ps.pop()
else:
    pass
print(*ps, sep='\n', end='')
lam = lambda *a, **k: (yield)
assert all(x > 0 for x in [1, 2]), "msg"
"#,
];

#[test]
fn no_panic_on_any_prefix() {
    for prog in PROGRAMS {
        assert!(parse_str(prog).is_ok(), "{:?}", parse_str(prog).err());
        let mut cut = 0;
        while cut <= prog.len() {
            if prog.is_char_boundary(cut) {
                let src = SourceFile::new("t.py", &prog[..cut]);
                let _ = crate::parser::parse(&src);
                let _ = crate::parser::parse_expression(&src);
            }
            cut += 1;
        }
    }
}

#[test]
fn parse_expression_reads_one_expression() {
    let src = SourceFile::new("<string>", "1 + 2, x\n\n");
    let e = crate::parser::parse_expression(&src).unwrap();
    assert_eq!(super::dump(&e), "(tuple (+ 1 2) x)");
    let src = SourceFile::new("<string>", "x = 1");
    assert_eq!(
        crate::parser::parse_expression(&src).unwrap_err().message,
        "invalid syntax"
    );
}

/// Parse every `.py` file under `$PYT_PARSE_DIR` (e.g. CPython's stdlib) and list the
/// failures; run by hand with `cargo test --lib parse_directory -- --ignored --nocapture`.
#[test]
#[ignore]
fn parse_directory() {
    let Ok(dir) = std::env::var("PYT_PARSE_DIR") else {
        return;
    };
    let mut stack = vec![std::path::PathBuf::from(dir)];
    let (mut ok, mut failed) = (0, 0);
    while let Some(p) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&p) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "py") {
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                let src = SourceFile::new(path.display().to_string(), text);
                match crate::parser::parse(&src) {
                    Ok(_) => ok += 1,
                    Err(d) => {
                        failed += 1;
                        let (l, c) = src.line_col(d.span.start);
                        println!("{}:{l}:{c}: {}", path.display(), d.message);
                    }
                }
            }
        }
    }
    println!("parsed {ok}, failed {failed}");
}

/// Print the S-expression dump of `$PYT_DUMP_FILE`, to diff against CPython's `ast` (see
/// the project's differential check); run with `-- --ignored --nocapture`.
#[test]
#[ignore]
fn dump_file() {
    let Ok(path) = std::env::var("PYT_DUMP_FILE") else {
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let m = super::parse_str(&text).expect("parse");
    let out: Vec<String> = m.body.iter().map(super::dump_stmt).collect();
    std::fs::write(format!("{path}.pyt.sx"), out.join("\n") + "\n").expect("write");
    let spans: Vec<String> = super::spans::all_spans(&m)
        .iter()
        .map(|(s, e)| format!("{s} {e}"))
        .collect();
    std::fs::write(format!("{path}.pyt.spans"), spans.join("\n") + "\n").expect("write");
}
