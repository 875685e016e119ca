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
    /// The first error of a kind CPython reports from its parser rather than its tokenizer
    /// (a stray `$`, a bad escape, an f-string error). CPython tokenizes the rest of the file
    /// after a parser error and reports any tokenizer error instead, so these wait until
    /// the end of input.
    deferred: Option<Diagnostic>,
}

/// Tokenizes `text`; spans are shifted by `base`.
pub fn run(text: &str, base: usize, mode: Mode) -> Result<Vec<(Token, Span)>, Diagnostic> {
    let mut layout = Layout {
        text,
        base,
        mode,
        // Typical code has a token per 4-5 bytes; start below that and let it grow.
        out: Vec::with_capacity(text.len() / 8 + 4),
        indents: vec![(0, 0)],
        brackets: Vec::new(),
        at_line_start: mode == Mode::File,
        line_start: 0,
        line_has_tokens: false,
        deferred: None,
    };
    layout.scan().map_err(|e| layout.prefer(e))?;
    layout.finish()
}

impl Layout<'_> {
    /// Runs the raw scanner and the layout rules over the whole text.
    fn scan(&mut self) -> Result<(), Diagnostic> {
        let text = self.text;
        let mut lex = Raw::lexer(text);
        // CPython appends a line end to input that lacks one, so only a continuation right
        // at the end of input has nothing after it.
        let mut continuation_at_end = false;
        while let Some(item) = lex.next() {
            let range = lex.span();
            let raw = match item {
                Ok(raw) => raw,
                Err(e) if e.message.is_none() => {
                    self.unknown_character(range.start)?;
                    continue;
                }
                Err(e) => return Err(self.raw_error(e)),
            };
            continuation_at_end = raw == Raw::Continuation && range.end == text.len();
            self.token(raw, range.start, range.end)?;
        }
        if continuation_at_end {
            return Err(self.unexpected_eof());
        }
        if self.mode == Mode::File {
            if let Some(open) = self.brackets.last() {
                return Err(self.never_closed(open));
            }
        }
        Ok(())
    }

    /// Chooses between a tokenizer error and an earlier deferred parser-level one, as
    /// CPython's `_PyPegen_tokenize_full_source_to_check_for_errors` does: tokenizer errors
    /// that raise at once win; indentation, continuation and EOF errors do not, except an
    /// unclosed bracket opened on a line before the deferred error.
    fn prefer(&mut self, e: Diagnostic) -> Diagnostic {
        let Some(deferred) = self.deferred.take() else {
            return e;
        };
        let line = |d: &Diagnostic| {
            line_number(self.text, (d.span.start as usize).saturating_sub(self.base))
        };
        let silent = e.kind != ErrorKind::SyntaxError
            || e.message == "unexpected EOF while parsing"
            || e.message == "unexpected character after line continuation character";
        if silent {
            return deferred;
        }
        if e.message.ends_with("was never closed") && line(&e) >= line(&deferred) {
            return deferred;
        }
        e
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.base + start, self.base + end)
    }

    fn error(&self, message: impl Into<String>, start: usize, end: usize) -> Diagnostic {
        Diagnostic::syntax(message, self.span(start, end))
    }

    /// Words a raw scanner error.
    fn raw_error(&self, e: RawError) -> Diagnostic {
        let mut d = self.error(e.message.unwrap_or_default(), e.start, e.end);
        d.incomplete = e.incomplete;
        d
    }

    /// Keeps the first parser-phase error; see `deferred`.
    fn defer(&mut self, d: Diagnostic) {
        if self.deferred.is_none() {
            self.deferred = Some(d);
        }
    }

    /// No raw token starts with the character at `at`. Errors at once for characters the
    /// tokenizer rejects; defers CPython's parser-level "invalid syntax".
    fn unknown_character(&mut self, at: usize) -> Result<(), Diagnostic> {
        let c = self.text[at..].chars().next().unwrap_or('\0');
        let end = at + c.len_utf8();
        if c == '\0' {
            return Err(self.error("source code cannot contain null bytes", at, end));
        }
        if !(c.is_ascii_graphic() || c == ' ') {
            let message = format!("invalid non-printable character U+{:04X}", c as u32);
            return Err(self.error(message, at, end));
        }
        // `$`, `?`, `!`, backtick: tokens CPython's parser rejects.
        if self.at_line_start {
            self.at_line_start = false;
            self.indentation(at)?;
        }
        self.line_has_tokens = true;
        self.defer(self.error("invalid syntax", at, end));
        Ok(())
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
            // CPython sees a final newline after it: a continuation with nothing after.
            Raw::Backslash if end >= self.text.len() => return Err(self.unexpected_eof()),
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
            Raw::Str(info) => match self.string(info, start, end) {
                Ok(token) => token,
                Err(d) => {
                    self.defer(d);
                    return Ok(());
                }
            },
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
        // As CPython 3.11: indentation may run over backslash continuations, and the column
        // of the first backslash (if not 0) is the line's indentation, both ways of counting.
        let mut cont_line_col = 0;
        let bytes = self.text.as_bytes();
        let mut i = self.line_start;
        while i < first {
            match bytes[i] {
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
                b'\\' => {
                    if cont_line_col == 0 {
                        cont_line_col = col;
                    }
                    // Skip the line end of the continuation.
                    if bytes.get(i + 1) == Some(&b'\r') && bytes.get(i + 2) == Some(&b'\n') {
                        i += 1;
                    }
                    i += 1;
                }
                _ => {}
            }
            i += 1;
        }
        if cont_line_col != 0 {
            col = cont_line_col;
            altcol = cont_line_col;
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
        let normalized_body = !std::ptr::eq(body, &self.text[body_start..body_end]);
        let escape_error = |e: super::literal::EscapeError| {
            // Offsets within a newline-normalized body no longer match the file: point at
            // the whole literal then.
            if normalized_body {
                return self.error(e.message, start, end);
            }
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

    /// A backslash continuation at the end of input (CPython's E_EOF): an open bracket is
    /// reported instead, as CPython does.
    fn unexpected_eof(&self) -> Diagnostic {
        let end = self.text.len();
        match self.brackets.last() {
            Some(open) => self.never_closed(open),
            None => self
                .error("unexpected EOF while parsing", end, end)
                .incomplete(),
        }
    }

    /// CPython names the innermost open bracket.
    fn never_closed(&self, open: &Open) -> Diagnostic {
        self.error(
            format!("'{}' was never closed", open.ch),
            open.at,
            open.at + 1,
        )
        .incomplete()
    }

    /// End of input: unclosed brackets, the last NEWLINE, closing DEDENTs, ENDMARKER.
    fn finish(mut self) -> Result<Vec<(Token, Span)>, Diagnostic> {
        let end = self.text.len();
        if self.mode == Mode::File {
            if self.line_has_tokens {
                self.push(Token::Newline, end, end);
            }
            for _ in 1..self.indents.len() {
                self.push(Token::Dedent, end, end);
            }
        }
        if let Some(d) = self.deferred {
            return Err(d);
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
