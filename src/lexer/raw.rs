//! Raw tokens: the logos-generated scanner, first step of the lexer.
//!
//! It knows nothing of indentation or brackets (that is `layout.rs`). It finds where each
//! token ends: names (extended over non-ASCII identifier characters), numbers (scanned and
//! decoded by `literal::scan_number`), strings (only their extent here; decoding happens in
//! `literal.rs`/`fstring.rs` once the layout pass wants the token), operators, comments,
//! line ends and backslash continuations. Blanks between tokens are skipped; the layout
//! pass reads indentation straight from the source text.

use logos::{Lexer, Logos};

use super::literal::{scan_number, Number};

/// An error found while scanning one raw token, in offsets relative to the scanned text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawError {
    /// `None` means "no token matches here": the layout pass words it from the character.
    pub message: Option<String>,
    pub start: usize,
    pub end: usize,
    /// More input could complete the token (an unterminated triple-quoted string, or a
    /// string cut short right after an escaped line end).
    pub incomplete: bool,
}

impl RawError {
    pub fn new(message: impl Into<String>, start: usize, end: usize) -> RawError {
        RawError {
            message: Some(message.into()),
            start,
            end,
            incomplete: false,
        }
    }
}

/// The shape of a string literal: its prefix flags and how long its delimiters are.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StrInfo {
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
    /// Bytes of prefix letters before the opening quote.
    pub prefix_len: u8,
    /// 1 or 3.
    pub quote_len: u8,
}

#[derive(Logos, Clone, Debug, PartialEq)]
#[logos(error = RawError)]
#[logos(skip r"[ \t\x0c]+")]
pub enum Raw {
    #[regex(r"\r\n|\n|\r")]
    Newline,
    // Greedy only up to the line end, which is what a comment is.
    #[regex(r"#[^\r\n]*", allow_greedy = true)]
    Comment,
    /// A backslash that joins this line to the next.
    #[regex(r"\\(\r\n|\n|\r)")]
    Continuation,
    /// A backslash not followed by a line end: an error in the layout pass.
    #[token("\\")]
    Backslash,

    #[regex(r"[A-Za-z_][A-Za-z0-9_]*", name_tail)]
    #[regex(r"[^\x00-\x7F]", name_unicode)]
    Name,
    #[regex(r"[0-9]|\.[0-9]", number)]
    Number(Number),
    #[regex(r#"(?i:r|u|b|f|br|rb|fr|rf)?["']"#, string)]
    Str(StrInfo),

    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("**")]
    DoubleStar,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("@")]
    At,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("&")]
    Amper,
    #[token("|")]
    Pipe,
    #[token("^")]
    Caret,
    #[token("~")]
    Tilde,
    #[token(":=")]
    ColonEqual,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(".")]
    Dot,
    #[token(";")]
    Semi,
    #[token("=")]
    Equal,
    #[token("->")]
    Arrow,
    #[token("...")]
    Ellipsis,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinusEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("@=")]
    AtEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    PipeEqual,
    #[token("^=")]
    CaretEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
}

/// True for characters that may continue an identifier: an approximation of XID_Continue
/// without Unicode tables. Letters and digits, minus the common "other numbers" (`²`, `½`,
/// `①`) that are not identifier characters, plus combining marks and connectors.
pub fn is_ident_continue(c: char) -> bool {
    if c.is_ascii() {
        return c == '_' || c.is_ascii_alphanumeric();
    }
    (c.is_alphanumeric() && !is_other_number(c))
        || matches!(
            c,
            '\u{0300}'..='\u{036F}'
                | '\u{1AB0}'..='\u{1AFF}'
                | '\u{1DC0}'..='\u{1DFF}'
                | '\u{20D0}'..='\u{20FF}'
                | '\u{FE20}'..='\u{FE2F}'
                | '\u{203F}'
                | '\u{2040}'
                | '\u{2054}'
                | '\u{FE33}'
                | '\u{FE34}'
                | '\u{FE4D}'..='\u{FE4F}'
                | '\u{FF3F}'
        )
}

/// Common characters of category No (numeric but not digits), which Rust's
/// `is_alphanumeric` accepts and identifiers do not.
fn is_other_number(c: char) -> bool {
    matches!(
        c,
        '\u{00B2}'
            | '\u{00B3}'
            | '\u{00B9}'
            | '\u{00BC}'..='\u{00BE}'
            | '\u{2070}'..='\u{209F}'
            | '\u{2150}'..='\u{215F}'
            | '\u{2189}'
            | '\u{2460}'..='\u{24FF}'
            | '\u{2776}'..='\u{2793}'
            | '\u{3251}'..='\u{325F}'
            | '\u{3280}'..='\u{3289}'
            | '\u{32B1}'..='\u{32BF}'
    )
}

/// True for characters that may start an identifier (an approximation of XID_Start).
pub fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

/// Extends a name over the identifier characters the ASCII regex could not match.
fn name_tail(lex: &mut Lexer<Raw>) {
    let rest = lex.remainder();
    let extra: usize = rest
        .chars()
        .take_while(|&c| is_ident_continue(c))
        .map(char::len_utf8)
        .sum();
    lex.bump(extra);
}

/// A non-ASCII character: the start of a name, or an invalid character.
fn name_unicode(lex: &mut Lexer<Raw>) -> Result<(), RawError> {
    let c = lex.slice().chars().next().unwrap_or('\u{FFFD}');
    if is_ident_start(c) {
        name_tail(lex);
        return Ok(());
    }
    let span = lex.span();
    let message = if is_printable(c) {
        format!("invalid character '{c}' (U+{:04X})", c as u32)
    } else {
        format!("invalid non-printable character U+{:04X}", c as u32)
    };
    Err(RawError::new(message, span.start, span.end))
}

/// Approximates CPython's `str.isprintable` for characters that are not identifiers:
/// controls, separators other than the space, and the common invisible format characters
/// are not printable.
pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{E000}'..='\u{F8FF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

fn number(lex: &mut Lexer<Raw>) -> Result<Number, RawError> {
    let start = lex.span().start;
    let (num, end) = scan_number(lex.source(), start)?;
    lex.bump(end.saturating_sub(lex.span().end));
    Ok(num)
}

/// The offset just past the character starting at `at` (a span end that stays on a char
/// boundary even when the offending character is not ASCII).
pub fn char_end(bytes: &[u8], at: usize) -> usize {
    let mut end = at + 1;
    while bytes.get(end).is_some_and(|&b| (0x80..0xC0).contains(&b)) {
        end += 1;
    }
    end.min(bytes.len().max(at))
}

/// 1-based line number of `offset` in `text`, counting `\r\n`, `\n` and lone `\r` as line
/// ends as CPython does. Only used to word errors, so a linear count is fine.
pub fn line_number(text: &str, offset: usize) -> usize {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut line = 1;
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'\n' => line += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => line += 1,
            _ => {}
        }
        i += 1;
    }
    line
}

/// Finds the end of a string literal whose prefix and opening quote were just matched.
fn string(lex: &mut Lexer<Raw>) -> Result<StrInfo, RawError> {
    let span = lex.span();
    let src = lex.source();
    let bytes = src.as_bytes();
    let opener = lex.slice();
    let prefix = &opener[..opener.len() - 1];
    let quote = bytes[span.end - 1];
    let lower = prefix.to_ascii_lowercase();
    let triple = bytes.get(span.end) == Some(&quote) && bytes.get(span.end + 1) == Some(&quote);
    let info = StrInfo {
        raw: lower.contains('r'),
        bytes: lower.contains('b'),
        fstring: lower.contains('f'),
        prefix_len: prefix.len() as u8,
        quote_len: if triple { 3 } else { 1 },
    };
    let mut i = if triple { span.end + 2 } else { span.end };
    // A string that reaches the end of input just after an escaped line end could still be
    // completed by another line (the REPL asks for one, as CPython's does).
    let mut escaped_line_end = false;
    loop {
        let Some(&b) = bytes.get(i) else {
            // CPython's line count at end of input: a final line end starts no new line.
            let ends_line = src.ends_with(['\n', '\r']);
            let line = line_number(src, src.len()) - usize::from(ends_line);
            let quote_span = (span.start, span.end);
            let mut e = if triple {
                RawError::new(
                    format!("unterminated triple-quoted string literal (detected at line {line})"),
                    quote_span.0,
                    quote_span.1,
                )
            } else {
                RawError::new(
                    format!("unterminated string literal (detected at line {line})"),
                    quote_span.0,
                    quote_span.1,
                )
            };
            e.incomplete = triple || escaped_line_end;
            return Err(e);
        };
        match b {
            b'\\' => {
                // Skip the escaped character; `\r\n` is one line end.
                i += 1;
                escaped_line_end = matches!(bytes.get(i), Some(b'\n' | b'\r'));
                if bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                if i < bytes.len() {
                    i += 1;
                }
            }
            b'\n' | b'\r' if !triple => {
                let line = line_number(src, i);
                return Err(RawError::new(
                    format!("unterminated string literal (detected at line {line})"),
                    span.start,
                    span.end,
                ));
            }
            _ if b == quote => {
                if !triple {
                    i += 1;
                    break;
                }
                if bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
                    i += 3;
                    break;
                }
                i += 1;
            }
            _ => {
                escaped_line_end = false;
                i += 1;
            }
        }
    }
    // `i` only ever stops after ASCII bytes, so it is a char boundary.
    lex.bump(i - span.end);
    Ok(info)
}
