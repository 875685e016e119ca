//! The layout pass: raw tokens → the parser's tokens. Owns everything that depends on more
//! than one token: indentation (INDENT/DEDENT, tab consistency), bracket depth (no layout
//! tokens inside brackets, matching closers), logical lines (NEWLINE), continuation lines,
//! and turning raw literals into decoded tokens. Follows CPython 3.11's `tok_get`.

use std::sync::Arc;

use logos::Logos;

use super::fstring::{normalize_newlines, split_fstring};
use super::literal::{decode_bytes, decode_str, Number};
use super::raw::{line_number, Raw, RawError, StrInfo};
use super::token::Token;
use crate::diagnostics::{Diagnostic, ErrorKind};
use crate::source::Span;

/// CPython's MAXINDENT: the indent stack (outermost level included) may not reach it, so
/// at most 99 nested blocks. Bounds how deep the parser can nest statements.
pub const MAX_INDENT: usize = 100;

/// CPython's MAXLEVEL: deepest bracket nesting the tokenizer accepts. This is what keeps the
/// recursive-descent parser's stack bounded on inputs like `((((...`.
pub const MAX_PAREN_LEVEL: usize = 200;

/// Width of a tab stop when measuring indentation (CPython's TABSIZE).
const TAB_SIZE: usize = 8;

/// Whether the text is a whole file or an f-string field expression.
#[derive(Clone, Copy, PartialEq)]
pub enum Mode {
    File,
    /// As if inside brackets: line ends are ignored and no layout tokens are made.
    Fragment,
}

/// One open bracket: its character and its offset in the scanned text.
struct Open {
    ch: char,
    at: usize,
}

struct Layout<'a> {
    text: &'a str,
    /// Added to every offset in `text` to get a file offset.
    base: usize,
    mode: Mode,
    out: Vec<(Token, Span)>,
    /// (column with 8-column tabs, column with 1-column tabs) per open block.
    indents: Vec<(usize, usize)>,
    brackets: Vec<Open>,
    /// The next token is the first of a logical line.
    at_line_start: bool,
    /// Where the physical line of the next line start begins.
    line_start: usize,
    /// The current logical line has produced a token (so it needs a NEWLINE).
    line_has_tokens: bool,
}

/// Tokenizes `text`; spans are shifted by `base`.
pub fn run(text: &str, base: usize, mode: Mode) -> Result<Vec<(Token, Span)>, Diagnostic> {
    let mut layout = Layout {
        text,
        base,
        mode,
        out: Vec::with_capacity(text.len() / 3 + 4),
        indents: vec![(0, 0)],
        brackets: Vec::new(),
        at_line_start: mode == Mode::File,
        line_start: 0,
        line_has_tokens: false,
    };
    let mut lex = Raw::lexer(text);
    let mut last_was_continuation = false;
    while let Some(item) = lex.next() {
        let range = lex.span();
        let raw = match item {
            Ok(raw) => raw,
            Err(e) => return Err(layout.raw_error(e, range.start)),
        };
        last_was_continuation = raw == Raw::Continuation;
        layout.token(raw, range.start, range.end)?;
    }
    if last_was_continuation {
        let end = base + text.len();
        return Err(
            Diagnostic::syntax("unexpected EOF while parsing", Span::new(end, end)).incomplete(),
        );
    }
    layout.finish()
}

impl Layout<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.base + start, self.base + end)
    }

    fn error(&self, message: impl Into<String>, start: usize, end: usize) -> Diagnostic {
        Diagnostic::syntax(message, self.span(start, end))
    }

    /// Words a raw scanner error; `at` is where the failing token started.
    fn raw_error(&self, e: RawError, at: usize) -> Diagnostic {
        let Some(message) = e.message else {
            return self.unknown_character(at);
        };
        let mut d = self.error(message, e.start, e.end);
        d.incomplete = e.incomplete;
        d
    }

    /// No raw token starts with this character.
    fn unknown_character(&self, at: usize) -> Diagnostic {
        let c = self.text[at..].chars().next().unwrap_or('\0');
        let end = at + c.len_utf8();
        let message = if c == '\0' {
            "source code cannot contain null bytes".to_string()
        } else if c.is_ascii_graphic() || c == ' ' {
            // `$`, `?`, `!`, backtick: CPython's generic message.
            "invalid syntax".to_string()
        } else {
            format!("invalid non-printable character U+{:04X}", c as u32)
        };
        self.error(message, at, end)
    }

    fn push(&mut self, token: Token, start: usize, end: usize) {
        let span = self.span(start, end);
        self.out.push((token, span));
    }

    fn token(&mut self, raw: Raw, start: usize, end: usize) -> Result<(), Diagnostic> {
        match raw {
            Raw::Newline => {
                if self.mode == Mode::Fragment || !self.brackets.is_empty() {
                    return Ok(());
                }
                if self.line_has_tokens {
                    self.push(Token::Newline, start, end);
                    self.line_has_tokens = false;
                }
                self.at_line_start = true;
                self.line_start = end;
                return Ok(());
            }
            Raw::Comment | Raw::Continuation => return Ok(()),
            Raw::Backslash if end >= self.text.len() => {
                let d = self.error("unexpected EOF while parsing", end, end);
                return Err(d.incomplete());
            }
            Raw::Backslash => {
                return Err(self.error(
                    "unexpected character after line continuation character",
                    start,
                    end,
                ));
            }
            _ => {}
        }
        if self.at_line_start {
            self.at_line_start = false;
            self.indentation(start)?;
        }
        self.line_has_tokens = true;
        let token = match raw {
            Raw::Name => {
                let name = &self.text[start..end];
                Token::keyword(name).unwrap_or_else(|| Token::Name(Arc::from(name)))
            }
            Raw::Number(Number::Int(i)) => Token::Int(i),
            Raw::Number(Number::Float(x)) => Token::Float(x),
            Raw::Number(Number::Imag(x)) => Token::Imag(x),
            Raw::Str(info) => self.string(info, start, end)?,
            Raw::LPar | Raw::LSqb | Raw::LBrace => {
                if self.brackets.len() >= MAX_PAREN_LEVEL {
                    return Err(self.error("too many nested parentheses", start, end));
                }
                let ch = self.text.as_bytes()[start] as char;
                self.brackets.push(Open { ch, at: start });
                match raw {
                    Raw::LPar => Token::LPar,
                    Raw::LSqb => Token::LSqb,
                    _ => Token::LBrace,
                }
            }
            Raw::RPar | Raw::RSqb | Raw::RBrace => {
                let ch = self.text.as_bytes()[start] as char;
                self.close_bracket(ch, start, end)?;
                match raw {
                    Raw::RPar => Token::RPar,
                    Raw::RSqb => Token::RSqb,
                    _ => Token::RBrace,
                }
            }
            other => operator(other),
        };
        self.push(token, start, end);
        Ok(())
    }

    fn close_bracket(&mut self, ch: char, start: usize, end: usize) -> Result<(), Diagnostic> {
        let Some(open) = self.brackets.pop() else {
            return Err(self.error(format!("unmatched '{ch}'"), start, end));
        };
        let expected = match open.ch {
            '(' => ')',
            '[' => ']',
            _ => '}',
        };
        if ch == expected {
            return Ok(());
        }
        let open_line = line_number(self.text, open.at);
        let message = if open_line != line_number(self.text, start) {
            format!(
                "closing parenthesis '{ch}' does not match opening parenthesis '{}' on line {open_line}",
                open.ch
            )
        } else {
            format!(
                "closing parenthesis '{ch}' does not match opening parenthesis '{}'",
                open.ch
            )
        };
        Err(self.error(message, start, end))
    }

    /// At the first token of a logical line: compare its indentation with the open blocks.
    fn indentation(&mut self, first: usize) -> Result<(), Diagnostic> {
        let (mut col, mut altcol) = (0usize, 0usize);
        for &b in &self.text.as_bytes()[self.line_start..first] {
            match b {
                b' ' => {
                    col += 1;
                    altcol += 1;
                }
                b'\t' => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    altcol += 1;
                }
                // A form feed resets the column, as in CPython.
                b'\x0c' => {
                    col = 0;
                    altcol = 0;
                }
                // A continuation line: its indentation does not count.
                _ => break,
            }
        }
        let here = self.span(first, first);
        let tab_error = || {
            Diagnostic::new(
                ErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                here,
            )
        };
        let (top, alttop) = self.indents.last().copied().unwrap_or((0, 0));
        if col == top {
            if altcol != alttop {
                return Err(tab_error());
            }
        } else if col > top {
            if altcol <= alttop {
                return Err(tab_error());
            }
            if self.indents.len() >= MAX_INDENT {
                return Err(Diagnostic::new(
                    ErrorKind::IndentationError,
                    "too many levels of indentation",
                    here,
                ));
            }
            self.indents.push((col, altcol));
            self.push(Token::Indent, first, first);
        } else {
            while self.indents.len() > 1 && self.indents.last().is_some_and(|&(c, _)| col < c) {
                self.indents.pop();
                self.push(Token::Dedent, first, first);
            }
            let (top, alttop) = self.indents.last().copied().unwrap_or((0, 0));
            if col != top {
                return Err(Diagnostic::new(
                    ErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    here,
                ));
            }
            if altcol != alttop {
                return Err(tab_error());
            }
        }
        Ok(())
    }

    /// Decodes a string literal token.
    fn string(&self, info: StrInfo, start: usize, end: usize) -> Result<Token, Diagnostic> {
        let body_start = start + info.prefix_len as usize + info.quote_len as usize;
        let body_end = end - info.quote_len as usize;
        let body = &self.text[body_start..body_end];
        if info.fstring {
            return split_fstring(body, (self.base + body_start) as u32, info.raw)
                .map(Token::FString);
        }
        let normalized;
        let body = if body.contains('\r') {
            normalized = normalize_newlines(body);
            normalized.as_str()
        } else {
            body
        };
        let escape_error = |e: super::literal::EscapeError| {
            // Offsets within a newline-normalized body may drift by a byte; clamp them.
            let s = (body_start + e.start).min(body_end);
            let t = (body_start + e.end).clamp(s, body_end);
            self.error(e.message, s, t)
        };
        if info.bytes {
            if let Some(pos) = body.bytes().position(|b| !b.is_ascii()) {
                let at = (body_start + pos).min(body_end);
                return Err(self.error("bytes can only contain ASCII literal characters", at, at));
            }
            return decode_bytes(body, info.raw)
                .map(Token::Bytes)
                .map_err(escape_error);
        }
        decode_str(body, info.raw)
            .map(Token::Str)
            .map_err(escape_error)
    }

    /// End of input: unclosed brackets, the last NEWLINE, closing DEDENTs, ENDMARKER.
    fn finish(mut self) -> Result<Vec<(Token, Span)>, Diagnostic> {
        let end = self.text.len();
        if self.mode == Mode::File {
            if let Some(open) = self.brackets.first() {
                let d = self.error(
                    format!("'{}' was never closed", open.ch),
                    open.at,
                    open.at + 1,
                );
                return Err(d.incomplete());
            }
            if self.line_has_tokens {
                self.push(Token::Newline, end, end);
            }
            for _ in 1..self.indents.len() {
                self.push(Token::Dedent, end, end);
            }
        }
        self.push(Token::EndMarker, end, end);
        Ok(self.out)
    }
}

/// Raw operators map one to one onto parser tokens.
fn operator(raw: Raw) -> Token {
    match raw {
        Raw::Plus => Token::Plus,
        Raw::Minus => Token::Minus,
        Raw::Star => Token::Star,
        Raw::DoubleStar => Token::DoubleStar,
        Raw::Slash => Token::Slash,
        Raw::DoubleSlash => Token::DoubleSlash,
        Raw::Percent => Token::Percent,
        Raw::At => Token::At,
        Raw::LeftShift => Token::LeftShift,
        Raw::RightShift => Token::RightShift,
        Raw::Amper => Token::Amper,
        Raw::Pipe => Token::Pipe,
        Raw::Caret => Token::Caret,
        Raw::Tilde => Token::Tilde,
        Raw::ColonEqual => Token::ColonEqual,
        Raw::Less => Token::Less,
        Raw::Greater => Token::Greater,
        Raw::LessEqual => Token::LessEqual,
        Raw::GreaterEqual => Token::GreaterEqual,
        Raw::EqEqual => Token::EqEqual,
        Raw::NotEqual => Token::NotEqual,
        Raw::Comma => Token::Comma,
        Raw::Colon => Token::Colon,
        Raw::Dot => Token::Dot,
        Raw::Semi => Token::Semi,
        Raw::Equal => Token::Equal,
        Raw::Arrow => Token::Arrow,
        Raw::Ellipsis => Token::Ellipsis,
        Raw::PlusEqual => Token::PlusEqual,
        Raw::MinusEqual => Token::MinusEqual,
        Raw::StarEqual => Token::StarEqual,
        Raw::SlashEqual => Token::SlashEqual,
        Raw::DoubleSlashEqual => Token::DoubleSlashEqual,
        Raw::PercentEqual => Token::PercentEqual,
        Raw::AtEqual => Token::AtEqual,
        Raw::AmperEqual => Token::AmperEqual,
        Raw::PipeEqual => Token::PipeEqual,
        Raw::CaretEqual => Token::CaretEqual,
        Raw::LeftShiftEqual => Token::LeftShiftEqual,
        Raw::RightShiftEqual => Token::RightShiftEqual,
        Raw::DoubleStarEqual => Token::DoubleStarEqual,
        // Brackets, names, literals and line structure are handled by the caller.
        Raw::LPar => Token::LPar,
        Raw::RPar => Token::RPar,
        Raw::LSqb => Token::LSqb,
        Raw::RSqb => Token::RSqb,
        Raw::LBrace => Token::LBrace,
        Raw::RBrace => Token::RBrace,
        Raw::Newline | Raw::Comment | Raw::Continuation | Raw::Backslash => Token::Newline,
        Raw::Name | Raw::Number(_) | Raw::Str(_) => Token::EndMarker,
    }
}
