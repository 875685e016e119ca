//! The whole front end (`pyt::compile_source`: lexer → parser → compiler, plus rendering the
//! diagnostic) on thousands of generated inputs, in process: random bytes, token soup, every
//! prefix of real programs, mutations of real programs, and nesting ramps. The only assertion
//! is the issue's: no input panics. A panic is caught with `catch_unwind` so the report names
//! the exact input (as a Rust string literal, ready to paste into a unit test).
//!
//! Everything is deterministic (a fixed-seed generator, no dependency), so a failure here
//! reproduces with the same `cargo test --test front_end_robust` run.

use pyt::compiler::Mode;
use pyt::source::SourceFile;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Real programs (extracted from the project's seed notes), the base of prefixes and mutations.
const SEEDS: &[(&str, &str)] = &[
    (
        "queue_workers",
        include_str!("nasty/seeds/queue_workers.py"),
    ),
    ("thread_class", include_str!("nasty/seeds/thread_class.py")),
    (
        "logging_threads",
        include_str!("nasty/seeds/logging_threads.py"),
    ),
    ("lock_nesting", include_str!("nasty/seeds/lock_nesting.py")),
    (
        "multiprocessing_demo",
        include_str!("nasty/seeds/multiprocessing_demo.py"),
    ),
    ("ctime_loops", include_str!("nasty/seeds/ctime_loops.py")),
    ("features", FEATURES),
];

/// A dense program touching most of the grammar, so prefixes and mutations reach rare paths.
const FEATURES: &str = r#"import a.b as c, d
from .x import (y as z, w)
from ... import *
@dec(1, *a, k=2, **kw)
class K(B, metaclass=M):
    """doc"""
    x: int = 1
    async def m(self, a, /, b=2, *c, d, e=3, **f) -> "R":
        global g
        nonlocal_name = lambda q, *r, s=1, **t: (q, r, s, t)
        async with p as (u, v), w:
            async for i in j:
                await i
        try:
            raise E from None
        except (A, B) as e:
            del e
        except* C:
            pass
        else:
            assert x, "m"
        finally:
            return
def gen():
    nonlocal_x = yield from range(3)
    yield
    x = [i for i in j if i for k in i] + {k: v for k, v in d.items()} + {*s, 1}
    y = (i async for i in g)
    z = a if b else c
    w = not a and b or c in d not in e is f is not g < h <= i > j >= k == l != m
    v = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** -n ** ~o
    u = f"{a!r:>{w}.{p}} {b=} {{}} {c:%Y}" rb'\x00' "\N{BULLET}" '\u1234' """t"""
    t = x[1:2, ::3, ...] ; s = 0x_ff + 0o7 + 0b1 + 1_000.5e-3j + .5
    (a, *b), c[0], d.e = f = g
    a += 1; a -= 1; a *= 1; a @= 1; a /= 1; a //= 1; a %= 1; a **= 1
    a >>= 1; a <<= 1; a &= 1; a |= 1; a ^= 1
    if (n := len(a)) > 10: pass
    while True:
        break
    else:
        continue
    for x, in y: print(x, sep='', end='')
    match command.split():
        case [action, *rest] if rest:
            pass
        case {"k": v, **kw} | Point(x=0, y=_) | 1 | -2 | 3+4j | "s" | None | a.b as c:
            pass
        case _:
            pass
    with open(f) as g, h: pass
    print(*a, **b)
"#;

/// Words and punctuation of Python, for token soup.
const SOUP: &[&str] = &[
    "False",
    "None",
    "True",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
    "match",
    "case",
    "_",
    "type",
    "print",
    "x",
    "y",
    "self",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "<<",
    ">>",
    "&",
    "|",
    "^",
    "~",
    ":=",
    "<",
    ">",
    "<=",
    ">=",
    "==",
    "!=",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    ".",
    ";",
    "=",
    "->",
    "+=",
    "-=",
    "*=",
    "/=",
    "//=",
    "%=",
    "@=",
    "&=",
    "|=",
    "^=",
    ">>=",
    "<<=",
    "**=",
    "...",
    "!",
    "\n",
    "\n",
    "\n",
    "\n    ",
    "\n        ",
    "\n\t",
    "\\\n",
    "#c\n",
    " ",
    " ",
    " ",
    "0",
    "1",
    "07",
    "0x",
    "1e",
    "1.5",
    "1j",
    "1_0",
    "99999999999999999999999999999",
    "'s'",
    "\"s\"",
    "'''",
    "\"\"\"",
    "b'x'",
    "r'\\'",
    "f'",
    "f'{",
    "f'{x}'",
    "f'{x!r:>{y}}'",
    "f\"{x=}\"",
    "'",
    "\"",
    "{x}",
    "u'\\N{",
    "'\\x'",
    "\u{e9}",
    "\u{200b}",
    "\u{feff}",
    "$",
    "?",
    "`",
    "\r",
    "\x0c",
    "\0",
];

/// Fixed-seed splitmix64: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Multiplier of the random families' sizes: `PYT_ROBUST_SCALE=50 cargo test --release --test
/// front_end_robust` is a longer stable-toolchain fuzz run with the same generators.
fn scale() -> usize {
    std::env::var("PYT_ROBUST_SCALE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
}

/// Runs every input through the front end and collects the ones that panic.
struct Harness {
    failures: Vec<(String, String, String)>,
    runs: usize,
}

/// Enough failures to see a pattern; more would bury the first one.
const MAX_REPORTED: usize = 10;

impl Harness {
    fn new() -> Harness {
        Harness {
            failures: Vec::new(),
            runs: 0,
        }
    }

    fn check(&mut self, family: &str, text: &str) {
        self.check_modes(family, text, true);
    }

    /// `all_entry_points: false` compiles in Exec mode only: for the prefix family, where
    /// ten thousand near-identical inputs make the other entry points redundant and slow.
    fn check_modes(&mut self, family: &str, text: &str, all_entry_points: bool) {
        self.runs += 1;
        // A native stack overflow aborts the process before any report: this names the input.
        if std::env::var_os("PYT_ROBUST_TRACE").is_some() {
            let head: String = text.chars().take(60).collect();
            eprintln!("[{family}] {} bytes: {head:?}", text.len());
        }
        let result = catch_unwind(AssertUnwindSafe(|| {
            let src = SourceFile::new("<robust>", text.to_string());
            if let Err(diag) = pyt::compile_source(&src, Mode::Exec) {
                let _ = pyt::diagnostics::render::render(&diag, &src, false);
                let _ = pyt::diagnostics::render::render_cpython_style(&diag, &src);
                // A script that fails as Python 3 is read again in Python 2 mode.
                if let Err(diag) = pyt::compile_file(&src, true) {
                    let _ = pyt::diagnostics::render::render(&diag, &src, false);
                }
            }
            // The REPL and `eval` parse the same text through their own entry points.
            if all_entry_points {
                let _ = pyt::compile_source(&src, Mode::Interactive);
                let _ = pyt::parser::parse_expression(&src);
            }
        }));
        if let Err(payload) = result {
            let msg = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "<non-string panic>".into());
            if self.failures.len() < MAX_REPORTED {
                self.failures.push((family.into(), text.into(), msg));
            }
        }
    }

    fn finish(self, what: &str) {
        eprintln!("{what}: {} inputs compiled", self.runs);
        if self.failures.is_empty() {
            return;
        }
        let mut report = format!(
            "{} input(s) made the front end panic (first {MAX_REPORTED} shown):\n",
            self.failures.len()
        );
        for (family, text, msg) in &self.failures {
            let shown: String = if text.len() > 2000 {
                let cut = (0..=2000)
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(0);
                format!("{:?}… ({} bytes)", &text[..cut], text.len())
            } else {
                format!("{text:?}")
            };
            report.push_str(&format!("- [{family}] panic: {msg}\n  input: {shown}\n"));
        }
        panic!("{report}");
    }
}

#[test]
fn random_bytes() {
    let mut h = Harness::new();
    let mut rng = Rng(1 + scale() as u64);
    for _ in 0..1500 * scale() {
        let len = rng.below(120);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        h.check("random bytes", &String::from_utf8_lossy(&bytes));
    }
    // Bytes drawn from Python's ASCII punctuation hit the lexer's error paths far more often.
    let alphabet = b"()[]{}'\"\\#\n\r\t :=.,;*+-/%@&|^~<>!fbruFBRjJxeo0123456789_ \n    ";
    for _ in 0..1500 * scale() {
        let len = rng.below(80);
        let bytes: Vec<u8> = (0..len).map(|_| rng.pick(alphabet)).collect();
        h.check("random punctuation", &String::from_utf8_lossy(&bytes));
    }
    h.finish("random_bytes");
}

#[test]
fn token_soup() {
    let mut h = Harness::new();
    let mut rng = Rng(2 + scale() as u64);
    for _ in 0..3000 * scale() {
        let n = rng.below(40);
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(rng.pick(SOUP));
            if rng.below(3) == 0 {
                s.push(' ');
            }
        }
        h.check("token soup", &s);
    }
    h.finish("token_soup");
}

#[test]
fn every_prefix_of_real_programs() {
    let mut h = Harness::new();
    for (name, text) in SEEDS {
        h.check(name, text);
        for (i, _) in text.char_indices() {
            h.check_modes(name, &text[..i], false);
        }
    }
    h.finish("every_prefix_of_real_programs");
}

/// One random edit of `text`, by line or by character.
fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(String::from).collect();
    if lines.is_empty() {
        return rng.pick(SOUP).to_string();
    }
    let i = rng.below(lines.len());
    let j = rng.below(lines.len());
    match rng.below(9) {
        0 => {
            lines.remove(i);
        }
        1 => {
            let dup = lines[i].clone();
            lines.insert(j, dup);
        }
        2 => lines.swap(i, j),
        3 => {
            // Re-indent a line: the layout pass's dedent errors.
            let body = lines[i].trim_start().to_string();
            let indent = " ".repeat(rng.below(13));
            lines[i] = format!("{indent}{body}");
        }
        _ => {
            let mut chars: Vec<char> = lines[i].chars().collect();
            let k = rng.below(chars.len());
            let l = rng.below(chars.len());
            match rng.below(5) {
                0 if !chars.is_empty() => {
                    chars.remove(k);
                }
                1 if !chars.is_empty() => {
                    let c = chars[k];
                    chars.insert(l, c);
                }
                2 if !chars.is_empty() => chars.swap(k, l),
                3 => {
                    let tok: Vec<char> = rng.pick(SOUP).chars().collect();
                    chars.splice(k..k, tok);
                }
                _ => chars.insert(k, char::from(rng.next() as u8 & 0x7f)),
            }
            lines[i] = chars.into_iter().collect();
        }
    }
    lines.concat()
}

#[test]
fn mutations_of_real_programs() {
    let mut h = Harness::new();
    let mut rng = Rng(3 + scale() as u64);
    for round in 0..1200 * scale() {
        let (_, base) = SEEDS[round % SEEDS.len()];
        let mut text = base.to_string();
        // Several stacked edits reach states no single edit does.
        for _ in 0..1 + rng.below(4) {
            text = mutate(&mut rng, &text);
        }
        h.check("mutation", &text);
    }
    h.finish("mutations_of_real_programs");
}

/// Nesting ramps up to and past every depth limit: each depth must give a clean result.
/// These are the inputs that would overflow the native stack if some pass recursed unguarded.
#[test]
fn nesting_ramps() {
    let mut h = Harness::new();
    let shapes: &[(&str, &str, &str)] = &[
        ("(", "x", ")"),
        ("[", "x", "]"),
        ("{", "x", "}"),
        ("-", "x", ""),
        ("not ", "x", ""),
        ("await ", "x", ""),
        ("lambda: ", "x", ""),
        ("f(", "x", ")"),
        ("x[", "0", "]"),
        ("(x for x in ", "y", ")"),
        ("[x for x in ", "y", "]"),
        ("x if ", "y", " else z"),
        ("x.y(", "", ").z"),
        ("2**", "2", ""),
        ("x + (", "1", ")"),
        ("f'{", "x", "}'"),
        ("(yield ", "x", ")"),
        ("*", "x", ""),
        ("a, (", "b", ")"),
        ("x = ", "y", ""),
    ];
    for depth in [
        1usize, 10, 50, 99, 100, 101, 150, 199, 200, 201, 250, 399, 400, 401, 1000,
    ] {
        for (open, mid, close) in shapes {
            let expr = format!("{}{mid}{}", open.repeat(depth), close.repeat(depth));
            h.check("nesting ramp (expression)", &expr);
            h.check(
                "nesting ramp (in def)",
                &format!("def f():\n    return {expr}\n"),
            );
            h.check("nesting ramp (unclosed)", &open.repeat(depth));
        }
        let chains: &[&str] = &["x = ", "x + ", "x.", "x, ", "x and ", "x < ", "@d\n"];
        for link in chains {
            h.check(
                "long chain",
                &format!("{}x\ndef g(): pass\n", link.repeat(depth * 4)),
            );
        }
        // Statement nesting: indented blocks, each kind.
        for head in [
            "if x:",
            "while x:",
            "for x in y:",
            "with x:",
            "try:",
            "def f():",
            "class C:",
        ] {
            let mut s = String::new();
            for d in 0..depth {
                s.push_str(&" ".repeat(d));
                s.push_str(head);
                s.push('\n');
            }
            s.push_str(&" ".repeat(depth));
            s.push_str("pass\n");
            h.check("nested blocks", &s);
        }
        // elif chains nest in the AST; the long ones (a native stack overflow in the parser
        // today) are in tests/nasty.rs, where a crash stays in its own process.
        if depth <= 250 {
            let elifs = "elif x:\n    pass\n".repeat(depth);
            h.check(
                "elif chain",
                &format!("if x:\n    pass\n{elifs}else:\n    pass\n"),
            );
        }
        let mut s = String::new();
        for d in 0..depth {
            s.push_str(&"\t".repeat(d));
            s.push_str("def f():\n");
        }
        h.check("nested defs (tabs, no body)", &s);
    }
    h.finish("nesting_ramps");
}
