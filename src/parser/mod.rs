//! The parser: tokens → AST (second stage of the pipeline).
//!
//! A hand-written recursive-descent parser over the layout tokens of `lexer::tokenize`,
//! following CPython 3.11's PEG grammar production by production (see `grammar.md`; each
//! parser function names the production it implements). Expressions use precedence
//! climbing, one function per precedence level. Errors are [`Diagnostic`]s worded as
//! CPython words them; nesting is bounded by [`MAX_EXPR_DEPTH`] and the stack is grown on
//! demand, so no input can overflow the Rust stack.
//!
//! Why not chumsky: CPython's messages depend on which rule failed and where (its
//! `invalid_*` rules, `&&':'` forced tokens, carets on a node or on the next token), which a
//! combinator library's generic "expected X, found Y" errors do not carry; by hand each error
//! branch is a few lines with its own test, nesting is a counter, and the parser compiles in
//! seconds.
//!
//! Node spans come from tokens (`since`), not from children, so `(a) + b` starts at the
//! parenthesis, as CPython's do; a parenthesized group keeps its inner expression's span.

pub mod ast;
mod atom;
mod compound;
mod error;
mod expr;
mod fstring;
mod params;
mod py2;
mod stmt;
mod targets;

#[cfg(test)]
mod tests;

use crate::diagnostics::{Diagnostic, ErrorKind};
use crate::lexer::token::Token;
use crate::source::{SourceFile, Span};

/// Deepest expression nesting (parentheses, unary operators, operator chains, lambdas,
/// conditional expressions) the parser accepts. The compiler and `Drop` walk the tree
/// recursively, so this also bounds their stack use; CPython 3.11 gives up at a similar
/// depth with "too many nested parentheses" or a RecursionError.
pub const MAX_EXPR_DEPTH: usize = 400;

/// Red zone and growth step for `stacker`: when less than `STACK_RED_ZONE` bytes of stack
/// remain, the parser continues on a fresh `STACK_GROW` segment.
const STACK_RED_ZONE: usize = 128 * 1024;
const STACK_GROW: usize = 2 * 1024 * 1024;

pub(crate) type PResult<T> = Result<T, Diagnostic>;

/// Parse a whole file into a module.
pub fn parse(src: &SourceFile) -> Result<ast::Module, Diagnostic> {
    let tokens = crate::lexer::tokenize(src)?;
    parse_tokens(src, &tokens)
}

/// Parse an already tokenized file.
pub fn parse_tokens(src: &SourceFile, tokens: &[(Token, Span)]) -> Result<ast::Module, Diagnostic> {
    let mut p = Parser::new(src, tokens);
    stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || p.file())
}

pub use py2::parse_file;

/// Parse a single expression (an `eval` input): `expressions NEWLINE* ENDMARKER`.
pub fn parse_expression(src: &SourceFile) -> Result<ast::Expr, Diagnostic> {
    let tokens = crate::lexer::tokenize(src)?;
    let mut p = Parser::new(src, &tokens);
    stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || p.eval_input())
}

static END: Token = Token::EndMarker;

/// Parser state: the token slice, a cursor, and the current nesting depth.
pub(crate) struct Parser<'a> {
    pub(crate) src: &'a SourceFile,
    pub(crate) toks: &'a [(Token, Span)],
    pub(crate) pos: usize,
    depth: usize,
    /// Open brackets around the current position (CPython's token `level`).
    pub(crate) level: usize,
    /// Python 2 compatibility mode: `print` statements, `except X, e`, `raise E, V`.
    pub(crate) py2: bool,
    /// In Python 2 mode, the `print` of the first print statement CPython 3 rejects.
    pub(crate) first_legacy_print: Option<Span>,
}

impl<'a> Parser<'a> {
    pub(crate) fn new(src: &'a SourceFile, toks: &'a [(Token, Span)]) -> Parser<'a> {
        Parser {
            src,
            toks,
            pos: 0,
            depth: 0,
            level: 0,
            py2: false,
            first_legacy_print: None,
        }
    }

    fn end_span(&self) -> Span {
        match self.toks.last() {
            Some((_, s)) => Span {
                start: s.end,
                end: s.end,
            },
            None => {
                let n = self.src.text.len();
                Span::new(n, n)
            }
        }
    }

    /// The current token (ENDMARKER past the end).
    pub(crate) fn peek(&self) -> &'a Token {
        self.toks.get(self.pos).map_or(&END, |(t, _)| t)
    }

    /// The token `n` places ahead.
    pub(crate) fn peek_at(&self, n: usize) -> &'a Token {
        self.toks.get(self.pos + n).map_or(&END, |(t, _)| t)
    }

    pub(crate) fn span(&self) -> Span {
        self.toks
            .get(self.pos)
            .map_or_else(|| self.end_span(), |(_, s)| *s)
    }

    /// Span of the token just consumed.
    pub(crate) fn prev_span(&self) -> Span {
        match self.pos.checked_sub(1).and_then(|i| self.toks.get(i)) {
            Some((_, s)) => *s,
            None => Span::default(),
        }
    }

    pub(crate) fn at(&self, t: &Token) -> bool {
        self.peek() == t
    }

    pub(crate) fn bump(&mut self) -> Span {
        let s = self.span();
        if self.pos < self.toks.len() {
            self.pos += 1;
        }
        s
    }

    /// Consume the token if it is `t`.
    pub(crate) fn eat(&mut self, t: &Token) -> bool {
        if self.at(t) {
            self.bump();
            true
        } else {
            false
        }
    }

    /// Consume `t` or fail with `invalid syntax` at the current token.
    pub(crate) fn expect(&mut self, t: &Token) -> PResult<Span> {
        if self.at(t) {
            Ok(self.bump())
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// Consume `:` or fail with CPython's `expected ':'` when the line ends instead.
    pub(crate) fn expect_colon(&mut self) -> PResult<Span> {
        if self.at(&Token::Colon) {
            return Ok(self.bump());
        }
        if matches!(self.peek(), Token::Newline | Token::EndMarker) {
            let s = self.prev_span();
            return Err(self.error_at(
                "expected ':'",
                Span {
                    start: s.end,
                    end: s.end,
                },
            ));
        }
        Err(self.invalid_syntax())
    }

    /// A `:` CPython requires unconditionally (its `&&':'`, after `try`, `finally`, `else`
    /// and a def's signature): anything else is `expected ':'` on that token.
    pub(crate) fn expect_forced_colon(&mut self) -> PResult<Span> {
        if self.at(&Token::Colon) {
            return Ok(self.bump());
        }
        if matches!(self.peek(), Token::Newline | Token::EndMarker) {
            return self.expect_colon();
        }
        Err(self.error_at("expected ':'", self.span()))
    }

    pub(crate) fn name(&mut self) -> PResult<(ast::Name, Span)> {
        match self.peek() {
            Token::Name(n) => {
                let s = self.bump();
                Ok((n.clone(), s))
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    /// Run `f` one nesting level deeper, failing cleanly past [`MAX_EXPR_DEPTH`] and growing
    /// the stack when it runs low.
    pub(crate) fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        self.depth += 1;
        let r = if self.depth > MAX_EXPR_DEPTH {
            Err(self.too_deep())
        } else {
            stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || f(self))
        };
        self.depth -= 1;
        r
    }

    /// Check that a chain of `extra` operators built at this level keeps the tree within
    /// [`MAX_EXPR_DEPTH`].
    pub(crate) fn check_chain(&self, extra: usize) -> PResult<()> {
        if self.depth + extra > MAX_EXPR_DEPTH {
            Err(self.too_deep())
        } else {
            Ok(())
        }
    }

    pub(crate) fn error_at(&self, msg: impl Into<String>, span: Span) -> Diagnostic {
        self.finish(Diagnostic::syntax(msg, span))
    }

    pub(crate) fn indentation_error(&self, msg: impl Into<String>, span: Span) -> Diagnostic {
        self.finish(Diagnostic::new(ErrorKind::IndentationError, msg, span))
    }

    /// Mark the error incomplete when nothing but block ends follow the current token:
    /// more input could have completed the program.
    fn finish(&self, d: Diagnostic) -> Diagnostic {
        let rest = self.toks.get(self.pos..).unwrap_or(&[]);
        if rest
            .iter()
            .all(|(t, _)| matches!(t, Token::Dedent | Token::EndMarker))
        {
            d.incomplete()
        } else {
            d
        }
    }
}
