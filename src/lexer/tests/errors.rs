//! One test per error branch of the lexer, named after it, with CPython 3.11's wording.

use super::*;

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
    // The innermost bracket is named, as CPython does.
    let e = assert_err("f(a, [b", SyntaxError, "'[' was never closed", true);
    assert_eq!(e.span, Span::new(5, 6));
    assert_err("{ \\\n", SyntaxError, "'{' was never closed", true);
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
    assert_err("x\n\\\n", SyntaxError, "unexpected EOF while parsing", true);
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

#[test]
fn tokenizer_errors_win_over_parser_level_errors() {
    // CPython reports `$` from its parser, then prefers any tokenizer error later on.
    assert_err("(\na $ b", SyntaxError, "'(' was never closed", true);
    assert_err("a $ b\n(", SyntaxError, "invalid syntax", false);
    assert_err(
        "a $ b\nif x:\n  y\n z",
        SyntaxError,
        "invalid syntax",
        false,
    );
    assert_err("a ? b )", SyntaxError, "unmatched ')'", false);
    assert_err("f'{}' 012", SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", false);
    // Otherwise the first parser-level error is reported.
    assert_err("a $ b\nf'{}'", SyntaxError, "invalid syntax", false);
    assert_err(
        "b'\u{e9}' $",
        SyntaxError,
        "bytes can only contain ASCII literal characters",
        false,
    );
}
