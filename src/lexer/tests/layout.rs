//! Layout rules: logical lines, indentation, brackets, continuations, line ends.

use super::*;

#[test]
fn indent_and_dedent() {
    assert_eq!(
        toks("if x:\n    y\n    if z:\n        w\nv\n"),
        vec![
            Token::If,
            name("x"),
            Token::Colon,
            NL,
            Indent,
            name("y"),
            NL,
            Token::If,
            name("z"),
            Token::Colon,
            NL,
            Indent,
            name("w"),
            NL,
            Dedent,
            Dedent,
            name("v"),
            NL,
            End
        ]
    );
}

#[test]
fn dedents_at_eof() {
    assert_eq!(
        toks("if x:\n  if y:\n    z"),
        vec![
            Token::If,
            name("x"),
            Token::Colon,
            NL,
            Indent,
            Token::If,
            name("y"),
            Token::Colon,
            NL,
            Indent,
            name("z"),
            NL,
            Dedent,
            Dedent,
            End
        ]
    );
}

#[test]
fn indent_span_points_at_first_token() {
    let t = lex("if x:\n    y\n").unwrap();
    assert_eq!(t[4], (Indent, Span::new(10, 10)));
    assert_eq!(t[3], (NL, Span::new(5, 6)));
}

#[test]
fn tab_indented_code() {
    assert_eq!(
        toks("def loop(nloop,nsec):\n\tprint(nloop)\n\tsleep(nsec)\n"),
        vec![
            Token::Def,
            name("loop"),
            Token::LPar,
            name("nloop"),
            Token::Comma,
            name("nsec"),
            Token::RPar,
            Token::Colon,
            NL,
            Indent,
            name("print"),
            Token::LPar,
            name("nloop"),
            Token::RPar,
            NL,
            name("sleep"),
            Token::LPar,
            name("nsec"),
            Token::RPar,
            NL,
            Dedent,
            End
        ]
    );
    // Tabs nested consistently, and a tab after spaces that agrees both ways.
    assert!(lex("if a:\n\tif b:\n\t\tc\n\td\n").is_ok());
    assert!(lex("if a:\n        b\n        c\n").is_ok());
}

#[test]
fn blank_and_comment_lines_do_not_affect_layout() {
    assert_eq!(
        toks("if x:\n\n      # odd comment\n  y\n# c\n  z\n"),
        vec![
            Token::If,
            name("x"),
            Token::Colon,
            NL,
            Indent,
            name("y"),
            NL,
            name("z"),
            NL,
            Dedent,
            End
        ]
    );
}

#[test]
fn brackets_suppress_layout() {
    assert_eq!(
        toks("x = (1,\n   2,\n\n 3)\ny"),
        vec![
            name("x"),
            Token::Equal,
            Token::LPar,
            int(1),
            Token::Comma,
            int(2),
            Token::Comma,
            int(3),
            Token::RPar,
            NL,
            name("y"),
            NL,
            End
        ]
    );
}

#[test]
fn backslash_continuation() {
    assert_eq!(
        toks("x = 1 + \\\n    2\n"),
        vec![
            name("x"),
            Token::Equal,
            int(1),
            Token::Plus,
            int(2),
            NL,
            End
        ]
    );
    // The indentation of a continued line's first physical line counts.
    assert_eq!(
        toks("if x:\n  \\\n  y\n"),
        vec![
            Token::If,
            name("x"),
            Token::Colon,
            NL,
            Indent,
            name("y"),
            NL,
            Dedent,
            End
        ]
    );
    assert!(lex("x = 1 \\\n\n").is_ok());
    // Blanks after a final continuation make a (blank) line, as CPython sees it.
    assert_eq!(
        toks("x = 1 \\\n   "),
        vec![name("x"), Token::Equal, int(1), NL, End]
    );
    assert_eq!(toks("\\\n\x0c"), vec![End]);
}

#[test]
fn line_end_styles_and_bom() {
    assert_eq!(
        toks("a\r\nb\rc\n"),
        vec![name("a"), NL, name("b"), NL, name("c"), NL, End]
    );
    let t = lex("\u{feff}x = 1\n").unwrap();
    assert_eq!(t[0], (name("x"), Span::new(3, 4)));
}

#[test]
fn coding_line_is_a_comment() {
    assert_eq!(
        toks("# -*- coding: utf-8 -*-\nx\n"),
        vec![name("x"), NL, End]
    );
}

#[test]
fn form_feed_resets_column() {
    assert_eq!(toks("if x:\n    y\n\x0cz\n"), toks("if x:\n    y\nz\n"));
}

#[test]
fn semicolons_and_comments_after_code() {
    assert_eq!(
        toks("a; b  # c\n"),
        vec![name("a"), Token::Semi, name("b"), NL, End]
    );
}

#[test]
fn newline_span_is_line_end() {
    let t = lex("ab\r\n").unwrap();
    assert_eq!(t[1], (NL, Span::new(2, 4)));
}

#[test]
fn indentation_over_continuation_lines() {
    // CPython 3.11: the first backslash's column (if not 0) is the indentation.
    assert_err(
        "if 1:\n    x\n  \\\n    y\n",
        IndentationError,
        "unindent does not match any outer indentation level",
        false,
    );
    assert!(lex("if 1:\n  x\n  \\\n    y\n").is_ok());
    // A backslash at column 0: the next line's blanks count.
    assert_eq!(toks("x\n\\\n    y\n")[2..4], [Indent, name("y")]);
    assert_err(
        "if 1:\n\tx\n\t\\\n        y\n",
        TabError,
        "inconsistent use of tabs and spaces in indentation",
        false,
    );
}
