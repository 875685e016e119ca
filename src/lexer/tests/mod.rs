//! Tests of the whole lexer through its front doors. This file has the shared helpers and
//! the token-kind tests; `layout.rs` the NEWLINE/INDENT/DEDENT rules, `errors.rs` one test
//! per error branch (named `error_*`), `robustness.rs` the no-panic, span and speed checks.

mod errors;
mod layout;
mod robustness;

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
