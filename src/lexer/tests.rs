//! Tests of the whole lexer through its front doors: token kinds, layout rules, every error
//! branch (named `error_*`), f-string tokens, robustness and speed.

use super::token::{FStringField, FStringPart, IntLit, Token};
use super::{tokenize, tokenize_fragment, MAX_INDENT, MAX_PAREN_LEVEL};
use crate::diagnostics::{Diagnostic, ErrorKind};
use crate::source::{SourceFile, Span};

fn lex(src: &str) -> Result<Vec<(Token, Span)>, Diagnostic> {
    tokenize(&SourceFile::new("t.py", src))
}

fn toks(src: &str) -> Vec<Token> {
    match lex(src) {
        Ok(t) => t.into_iter().map(|(t, _)| t).collect(),
        Err(e) => panic!("{src:?}: {}", e.message),
    }
}

fn err(src: &str) -> Diagnostic {
    match lex(src) {
        Ok(t) => panic!("{src:?} lexed: {t:?}"),
        Err(e) => e,
    }
}

fn name(s: &str) -> Token {
    Token::Name(s.into())
}

fn int(i: i64) -> Token {
    Token::Int(IntLit::Small(i))
}

use Token::{Dedent, EndMarker as End, Indent, Newline as NL};

#[test]
fn simple_statement() {
    assert_eq!(
        toks("x = 1\n"),
        vec![name("x"), Token::Equal, int(1), NL, End]
    );
}

#[test]
fn empty_and_blank_inputs() {
    assert_eq!(toks(""), vec![End]);
    assert_eq!(
        toks("\n\n  \n# only a comment\n   # indented comment\n"),
        vec![End]
    );
}

#[test]
fn newline_added_at_eof() {
    assert_eq!(toks("x"), vec![name("x"), NL, End]);
    let spans = lex("x").unwrap();
    assert_eq!(spans[1].1, Span::new(1, 1));
}

#[test]
fn keywords_and_names() {
    assert_eq!(
        toks("if not x is None and y or True: pass"),
        vec![
            Token::If,
            Token::Not,
            name("x"),
            Token::Is,
            Token::None,
            Token::And,
            name("y"),
            Token::Or,
            Token::True,
            Token::Colon,
            Token::Pass,
            NL,
            End
        ]
    );
    assert_eq!(
        toks("_x1 été Σ_2"),
        vec![name("_x1"), name("été"), name("Σ_2"), NL, End]
    );
    assert_eq!(toks("ab\u{e9}c"), vec![name("abéc"), NL, End]);
}

#[test]
fn every_operator() {
    let src = "+ - * ** / // % @ << >> & | ^ ~ := < > <= >= == != ( ) [ ] { } , : . ; = -> ... \
               += -= *= /= //= %= @= &= |= ^= <<= >>= **=";
    let expected = vec![
        Token::Plus,
        Token::Minus,
        Token::Star,
        Token::DoubleStar,
        Token::Slash,
        Token::DoubleSlash,
        Token::Percent,
        Token::At,
        Token::LeftShift,
        Token::RightShift,
        Token::Amper,
        Token::Pipe,
        Token::Caret,
        Token::Tilde,
        Token::ColonEqual,
        Token::Less,
        Token::Greater,
        Token::LessEqual,
        Token::GreaterEqual,
        Token::EqEqual,
        Token::NotEqual,
        Token::LPar,
        Token::RPar,
        Token::LSqb,
        Token::RSqb,
        Token::LBrace,
        Token::RBrace,
        Token::Comma,
        Token::Colon,
        Token::Dot,
        Token::Semi,
        Token::Equal,
        Token::Arrow,
        Token::Ellipsis,
        Token::PlusEqual,
        Token::MinusEqual,
        Token::StarEqual,
        Token::SlashEqual,
        Token::DoubleSlashEqual,
        Token::PercentEqual,
        Token::AtEqual,
        Token::AmperEqual,
        Token::PipeEqual,
        Token::CaretEqual,
        Token::LeftShiftEqual,
        Token::RightShiftEqual,
        Token::DoubleStarEqual,
        NL,
        End,
    ];
    assert_eq!(toks(src), expected);
    // Longest match without spaces.
    assert_eq!(
        toks("a**=b"),
        vec![name("a"), Token::DoubleStarEqual, name("b"), NL, End]
    );
    assert_eq!(
        toks("x.y...z"),
        vec![
            name("x"),
            Token::Dot,
            name("y"),
            Token::Ellipsis,
            name("z"),
            NL,
            End
        ]
    );
}

#[test]
fn numbers() {
    assert_eq!(
        toks("1_000 0xff 0o17 0B11 1. .5 1e10 3j 1.5J 99999999999999999999"),
        vec![
            int(1000),
            int(255),
            int(15),
            int(3),
            Token::Float(1.0),
            Token::Float(0.5),
            Token::Float(1e10),
            Token::Imag(3.0),
            Token::Imag(1.5),
            Token::Int(IntLit::Big("99999999999999999999".into())),
            NL,
            End
        ]
    );
    assert_eq!(
        toks("1if x else 2"),
        vec![int(1), Token::If, name("x"), Token::Else, int(2), NL, End]
    );
    assert_eq!(
        toks("x.real"),
        vec![name("x"), Token::Dot, name("real"), NL, End]
    );
}

#[test]
fn strings_and_prefixes() {
    assert_eq!(
        toks(r#"'a' "b" '''c''' """d""" r'\n' u'x' R"\d""#),
        vec![
            Token::Str("a".into()),
            Token::Str("b".into()),
            Token::Str("c".into()),
            Token::Str("d".into()),
            Token::Str("\\n".into()),
            Token::Str("x".into()),
            Token::Str("\\d".into()),
            NL,
            End
        ]
    );
    assert_eq!(
        toks(r"b'\x00a' rb'\n' BR'\t' Rb'x'"),
        vec![
            Token::Bytes(vec![0, b'a']),
            Token::Bytes(b"\\n".to_vec()),
            Token::Bytes(b"\\t".to_vec()),
            Token::Bytes(b"x".to_vec()),
            NL,
            End
        ]
    );
    assert_eq!(
        toks("'it\\'s' \"q\\\"\""),
        vec![Token::Str("it's".into()), Token::Str("q\"".into()), NL, End]
    );
    assert_eq!(
        toks("'\\033[0m'"),
        vec![Token::Str("\x1b[0m".into()), NL, End]
    );
    // A name that merely ends like a prefix is a name, then a string.
    assert_eq!(
        toks("rbx'a'"),
        vec![name("rbx"), Token::Str("a".into()), NL, End]
    );
}

#[test]
fn triple_quoted_strings_span_lines() {
    assert_eq!(
        toks("x = '''a\n  b\\\nc'''\ny"),
        vec![
            name("x"),
            Token::Equal,
            Token::Str("a\n  bc".into()),
            NL,
            name("y"),
            NL,
            End
        ]
    );
    assert_eq!(
        toks("'''a\r\nb'''"),
        vec![Token::Str("a\nb".into()), NL, End]
    );
    assert_eq!(toks("'a\\\nb'"), vec![Token::Str("ab".into()), NL, End]);
}

#[test]
fn fstring_token() {
    let t = toks("f'a{x!r:>{w}}b' rf'{y}\\n' F\"{z = }\"");
    let Token::FString(parts) = &t[0] else {
        panic!("{t:?}")
    };
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[0], FStringPart::Literal("a".into()));
    let FStringPart::Field(f) = &parts[1] else {
        panic!()
    };
    assert_eq!(f.expr_source, "x");
    assert_eq!(f.expr_offset, 4);
    assert_eq!(f.conversion, Some('r'));
    assert_eq!(
        f.format_spec,
        Some(vec![
            FStringPart::Literal(">".into()),
            FStringPart::Field(FStringField {
                expr_source: "w".into(),
                expr_offset: 10,
                debug_text: None,
                conversion: None,
                format_spec: None
            })
        ])
    );
    let Token::FString(parts) = &t[1] else {
        panic!("{t:?}")
    };
    assert_eq!(parts[1], FStringPart::Literal("\\n".into()));
    let Token::FString(parts) = &t[2] else {
        panic!("{t:?}")
    };
    let FStringPart::Field(f) = &parts[0] else {
        panic!()
    };
    assert_eq!(f.debug_text.as_deref(), Some("z = "));
    assert_eq!(f.expr_source, "z ");
}

#[test]
fn fragment_ignores_newlines_and_shifts_spans() {
    let t = tokenize_fragment(" a +\n b ", 100).unwrap();
    let kinds: Vec<Token> = t.iter().map(|(t, _)| t.clone()).collect();
    assert_eq!(kinds, vec![name("a"), Token::Plus, name("b"), End]);
    assert_eq!(t[0].1, Span::new(101, 102));
    assert_eq!(tokenize_fragment("d['k']", 0).unwrap().len(), 5);
}

#[test]
fn fragment_errors() {
    assert_eq!(
        tokenize_fragment("a $ b", 0).unwrap_err().message,
        "invalid syntax"
    );
}

// ---- layout ----

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

// ---- errors, one per branch ----

fn assert_err(src: &str, kind: ErrorKind, message: &str, incomplete: bool) -> Diagnostic {
    let e = err(src);
    assert_eq!(
        (e.kind, e.message.as_str(), e.incomplete),
        (kind, message, incomplete),
        "{src:?}"
    );
    e
}

use ErrorKind::{IndentationError, SyntaxError, TabError};

#[test]
fn error_tab_error() {
    let msg = "inconsistent use of tabs and spaces in indentation";
    assert_err("if x:\n\ta\n        b", TabError, msg, false);
    assert_err("if x:\n        a\n\tb", TabError, msg, false);
    assert_err("if x:\n    a\n\tb", TabError, msg, false);
}

#[test]
fn error_unindent_does_not_match() {
    let e = assert_err(
        "if x:\n  a\n b\n",
        IndentationError,
        "unindent does not match any outer indentation level",
        false,
    );
    assert_eq!(e.span, Span::new(11, 11));
}

#[test]
fn error_too_many_levels_of_indentation() {
    let mut src = String::new();
    // As CPython: MAX_INDENT nested blocks are too many, one fewer is fine.
    for depth in 0..MAX_INDENT {
        src.push_str(&" ".repeat(depth));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(MAX_INDENT));
    src.push_str("pass\n");
    assert_err(
        &src,
        IndentationError,
        "too many levels of indentation",
        false,
    );
    let mut ok = String::new();
    for depth in 0..MAX_INDENT - 1 {
        ok.push_str(&" ".repeat(depth));
        ok.push_str("if x:\n");
    }
    ok.push_str(&" ".repeat(MAX_INDENT - 1));
    ok.push_str("pass\n");
    assert!(lex(&ok).is_ok());
}

#[test]
fn error_too_many_nested_parentheses() {
    let src = "(".repeat(MAX_PAREN_LEVEL + 1);
    assert_err(&src, SyntaxError, "too many nested parentheses", false);
    let ok = format!(
        "{}{}",
        "(".repeat(MAX_PAREN_LEVEL),
        ")".repeat(MAX_PAREN_LEVEL)
    );
    assert!(lex(&ok).is_ok());
}

#[test]
fn error_mismatched_bracket() {
    let e = assert_err(
        "(]",
        SyntaxError,
        "closing parenthesis ']' does not match opening parenthesis '('",
        false,
    );
    assert_eq!(e.span, Span::new(1, 2));
    assert_err(
        "[1,\n2)\n",
        SyntaxError,
        "closing parenthesis ')' does not match opening parenthesis '[' on line 1",
        false,
    );
}

#[test]
fn error_unmatched_closer() {
    assert_err("x)", SyntaxError, "unmatched ')'", false);
    assert_err("}", SyntaxError, "unmatched '}'", false);
}

#[test]
fn error_never_closed() {
    let e = assert_err("x = (1,\n2", SyntaxError, "'(' was never closed", true);
    assert_eq!(e.span, Span::new(4, 5));
    assert_err("f(a, [b", SyntaxError, "'(' was never closed", true);
}

#[test]
fn error_unterminated_string() {
    let e = assert_err(
        "x = 'abc",
        SyntaxError,
        "unterminated string literal (detected at line 1)",
        false,
    );
    assert_eq!(e.span.start, 4);
    assert_err(
        "x = 'abc\\\ndef",
        SyntaxError,
        "unterminated string literal (detected at line 2)",
        false,
    );
    assert_err(
        "\nx = \"abc\ny\"",
        SyntaxError,
        "unterminated string literal (detected at line 2)",
        false,
    );
}

#[test]
fn error_unterminated_triple_quoted_string() {
    assert_err(
        "x = \"\"\"abc\n\ny",
        SyntaxError,
        "unterminated triple-quoted string literal (detected at line 3)",
        true,
    );
}

#[test]
fn error_unexpected_eof_after_backslash() {
    assert_err(
        "x = 1 \\",
        SyntaxError,
        "unexpected EOF while parsing",
        true,
    );
    assert_err(
        "x = 1 \\\n",
        SyntaxError,
        "unexpected EOF while parsing",
        true,
    );
}

#[test]
fn error_unexpected_character_after_continuation() {
    assert_err(
        "x = 1 \\ 2",
        SyntaxError,
        "unexpected character after line continuation character",
        false,
    );
}

#[test]
fn error_invalid_syntax_characters() {
    for src in ["a ! b", "a $ b", "a ? b", "a ` b"] {
        let e = assert_err(src, SyntaxError, "invalid syntax", false);
        assert_eq!(e.span, Span::new(2, 3));
    }
}

#[test]
fn error_invalid_character() {
    assert_err(
        "a € b",
        SyntaxError,
        "invalid character '€' (U+20AC)",
        false,
    );
    assert_err(
        "a ½ b",
        SyntaxError,
        "invalid character '½' (U+00BD)",
        false,
    );
}

#[test]
fn error_invalid_non_printable_character() {
    assert_err(
        "a \u{a0} b",
        SyntaxError,
        "invalid non-printable character U+00A0",
        false,
    );
    assert_err(
        "a \x01 b",
        SyntaxError,
        "invalid non-printable character U+0001",
        false,
    );
}

#[test]
fn error_null_byte() {
    assert_err(
        "x\0",
        SyntaxError,
        "source code cannot contain null bytes",
        false,
    );
}

#[test]
fn error_number_literals() {
    assert_err("x = 012", SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", false);
    assert_err("1abc", SyntaxError, "invalid decimal literal", false);
    assert_err("0xg", SyntaxError, "invalid hexadecimal literal", false);
    assert_err(
        "0o8",
        SyntaxError,
        "invalid digit '8' in octal literal",
        false,
    );
    assert_err(
        "0b2",
        SyntaxError,
        "invalid digit '2' in binary literal",
        false,
    );
}

#[test]
fn error_bytes_non_ascii() {
    let e = assert_err(
        "x = b'é'",
        SyntaxError,
        "bytes can only contain ASCII literal characters",
        false,
    );
    assert_eq!(e.span.start, 6);
}

#[test]
fn error_bad_escapes() {
    assert_err(
        "x = '\\x4'",
        SyntaxError,
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape",
        false,
    );
    assert_err(
        "x = b'\\x4'",
        SyntaxError,
        "(value error) invalid \\x escape at position 0",
        false,
    );
}

#[test]
fn error_fstring_spans_are_file_offsets() {
    let e = assert_err(
        "x = f'{}'",
        SyntaxError,
        "f-string: empty expression not allowed",
        false,
    );
    assert_eq!(e.span.start, 7);
}

// ---- robustness and speed ----

const TRICKY: &[&str] = &[
    "def f(a, *b, **c):\n\tif a:\n\t\treturn f'{a!r:>{b}} {c = }'\n\telse:\n\t\tpass\n",
    "x = '''multi\nline''' + \"s\\\"q\" + rb'\\x00' \\\n  + (1,\n2)\n",
    "class C:\n    def m(self): return [x for x in {1: 2}]  # c\n  \n0x_1 1e+5 .5j 09.5",
    "f'{x:{y:{z}}}' f'{a[\"b\"]}' f'{{}}' f'}' f'{' f'{x!}' f'\\N{BULLET}'",
    "\u{feff}if x:\r\n\ty\r\n\u{c}z\r\r\n    w",
];

#[test]
fn no_panic_on_prefixes() {
    for src in TRICKY {
        for (i, _) in src.char_indices() {
            let _ = lex(&src[..i]);
            let _ = tokenize_fragment(&src[..i], 7);
        }
    }
}

#[test]
fn no_panic_on_random_bytes() {
    // A small xorshift generator: deterministic, no dependency.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet = b"()[]{}'\"\\#\n\r\t fbr0x1e._=!:<>{}jJ\x0ca\xc3\xa9\xe2";
    for round in 0..3000 {
        let len = (next() % 40) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let r = next();
                if round % 2 == 0 {
                    alphabet[(r % alphabet.len() as u64) as usize]
                } else {
                    r as u8
                }
            })
            .collect();
        let text = String::from_utf8_lossy(&bytes);
        let _ = lex(&text);
        let _ = tokenize_fragment(&text, 0);
    }
}

#[test]
fn one_megabyte_is_fast() {
    let line = "    total = total + compute(x, 'text', 3.5) # comment\n";
    let mut src = String::from("def f(x):\n    total = 0\n");
    while src.len() < 1_000_000 {
        src.push_str(line);
    }
    let start = std::time::Instant::now();
    let t = lex(&src).unwrap();
    assert!(t.len() > 100_000);
    assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
}
