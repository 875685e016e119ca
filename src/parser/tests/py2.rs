//! Python 2 compatibility mode (`parser::parse_file`): when it is entered, the shapes of the
//! print statement, `except X, e` and `raise E, V`, and which error a file that is neither
//! Python 3 nor Python 2 reports.

use super::{dump_stmt, sx};
use crate::parser::py2::{parse_file, ParsedFile};
use crate::source::SourceFile;

fn file(text: &str, allow_py2: bool) -> Result<ParsedFile, crate::diagnostics::Diagnostic> {
    parse_file(&SourceFile::new("t.py", text), allow_py2)
}

/// The dump of a file read in Python 2 mode, with the line the note names.
fn py2(text: &str) -> (String, u32) {
    let parsed = match file(text, true) {
        Ok(p) => p,
        Err(d) => panic!("parse of {text:?} failed: {d:?}"),
    };
    assert!(parsed.module.py2, "{text:?} was not read as Python 2");
    let dump = parsed.module.body.iter().map(dump_stmt).collect::<Vec<_>>();
    let line = parsed
        .py2_line
        .expect("a Python 2 file names its first print line");
    (dump.join("\n"), line)
}

fn error(text: &str, allow_py2: bool) -> (String, u32) {
    let src = SourceFile::new("t.py", text);
    match parse_file(&src, allow_py2) {
        Ok(p) => panic!("{text:?} parsed: {:?}", p.module),
        Err(d) => (d.message, src.line_of(d.span.start)),
    }
}

const MISSING: &str = "Missing parentheses in call to 'print'. Did you mean print(...)?";

#[test]
fn python3_files_are_not_python2() {
    for text in [
        "print('a')\n",
        "print\n",
        "print >> f, x\n",
        "print -1\n",
        "x = 1\n",
    ] {
        let p = file(text, true).unwrap();
        assert!(!p.module.py2 && p.py2_line.is_none(), "{text:?}");
        assert_eq!(
            p.module
                .body
                .iter()
                .map(dump_stmt)
                .collect::<Vec<_>>()
                .join("\n"),
            sx(text)
        );
    }
}

#[test]
fn print_statement_shapes() {
    let (d, line) = py2("x = 1\nprint 'a', x\n");
    assert_eq!(line, 2);
    assert_eq!(d.lines().nth(1), Some("(print \"a\" x)"));
    let (d, _) = py2("print 'a',\nprint\nprint >>f\nprint >>f, 1, 2,\nprint -1\n");
    assert_eq!(
        d,
        "(print \"a\" ,)\n(print)\n(print >>f)\n(print >>f 1 2 ,)\n(print (- 1))"
    );
}

#[test]
fn the_note_names_the_first_statement_python3_rejects() {
    // The bare `print` and `print >>f, x` are valid Python 3; line 3 is the first it rejects.
    let (_, line) = py2("print\nprint >>f, 1\nprint 'x'\nprint 'y'\n");
    assert_eq!(line, 3);
}

#[test]
fn parenthesized_print_in_python2_mode() {
    // As CPython 2: the parentheses belong to the item, a tuple prints as a tuple.
    let (d, _) = py2("print 'a'\nprint('b')\nprint('c', 'd')\n");
    assert_eq!(
        d.lines().skip(1).collect::<Vec<_>>(),
        ["(print \"b\")", "(print (tuple \"c\" \"d\"))"]
    );
    // A Python 3 call that is no Python 2 statement stays a call.
    let (d, _) = py2("print 'a'\nprint('b', end='')\n");
    assert_eq!(
        d.lines().nth(1).map(|l| l.starts_with("(call print")),
        Some(true),
        "{d}"
    );
}

#[test]
fn except_comma_and_raise_comma() {
    let (d, _) = py2("print 'a'\ntry:\n    raise E, 'v'\nexcept E, e:\n    pass\n");
    assert_eq!(
        d.lines().nth(1),
        Some("(try [(raise (call E \"v\"))] [(except E e [pass])] [] [])")
    );
    // Before the first print, too: the file is still Python 2.
    let (_, line) = py2("try:\n    pass\nexcept E, e:\n    pass\nprint 'x'\n");
    assert_eq!(line, 5);
}

#[test]
fn strict_reports_the_python3_error() {
    assert_eq!(
        error("x = 1\nprint 'a', x\n", false),
        (MISSING.to_string(), 2)
    );
    let (msg, line) = error("try:\n    pass\nexcept E, e:\n    pass\nprint 'x'\n", false);
    assert_eq!(
        (msg.as_str(), line),
        ("multiple exception types must be parenthesized", 3)
    );
}

#[test]
fn errors_of_files_that_are_neither() {
    // No Python 2 print statement: Python 3's error, even where Python 2 mode would parse.
    let (msg, line) = error("try:\n    pass\nexcept E, e:\n    pass\n", true);
    assert_eq!(
        (msg.as_str(), line),
        ("multiple exception types must be parenthesized", 3)
    );
    assert_eq!(error("x = (\n", true).1, 1);
    // A Python 2 file with an error of its own reports that error, not the print.
    let (msg, line) = error("print 'a'\nx = = 1\n", true);
    assert_eq!((msg.as_str(), line), ("invalid syntax", 2));
    // `print >>f,` is no Python 2 statement either.
    assert_eq!(
        error("print 'a'\nprint >>f,\n", true),
        ("invalid syntax".to_string(), 2)
    );
}
