//! Python 2 compatibility mode of the parser. [`parse_file`] reads a program file as Python 3
//! and, only when that fails and the file uses Python 2's `print` statement, reads it again
//! with `Parser::py2` set. The mode adds three productions to the Python 3 grammar (see
//! `grammar.md`): the `print` statement, `except X, e:` and `raise E, V`; everything else is
//! still Python 3.

use super::ast::{Expr, ExprKind, Module, Stmt, StmtKind};
use super::expr::can_start_expression;
use super::{PResult, Parser, STACK_GROW, STACK_RED_ZONE};
use crate::diagnostics::Diagnostic;
use crate::lexer::token::Token;
use crate::source::{SourceFile, Span};

/// A program file as [`parse_file`] read it.
#[derive(Debug)]
pub struct ParsedFile {
    pub module: Module,
    /// In Python 2 mode, the 1-based line of the first print statement that CPython 3
    /// rejects (`Missing parentheses in call to 'print'`); None for a Python 3 file.
    pub py2_line: Option<u32>,
}

/// Parses a program file (a script or an imported module). A file that is not valid Python 3
/// but is valid in Python 2 compatibility mode and uses the Python 2 print statement comes
/// back with `module.py2` set; with `allow_py2` false (`pyt --strict`) it is the Python 3
/// error. A Python 2 file with an error of its own reports that error.
pub fn parse_file(src: &SourceFile, allow_py2: bool) -> Result<ParsedFile, Diagnostic> {
    let tokens = crate::lexer::tokenize(src)?;
    let py3_err = match super::parse_tokens(src, &tokens) {
        Ok(module) => {
            return Ok(ParsedFile {
                module,
                py2_line: None,
            })
        }
        Err(e) => e,
    };
    if !allow_py2 {
        return Err(py3_err);
    }
    let mut p = Parser::new(src, &tokens);
    p.py2 = true;
    let r = stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || p.file());
    match (r, p.first_legacy_print) {
        (Ok(module), Some(at)) => Ok(ParsedFile {
            module,
            py2_line: Some(src.line_of(at.start)),
        }),
        (Err(e), Some(_)) => Err(e),
        _ => Err(py3_err),
    }
}

impl<'a> Parser<'a> {
    /// In Python 2 mode: does a print statement start here? (`print` followed by the end of
    /// the statement, `>>` or an expression, as Python 2 reads `print` as a keyword.)
    pub(crate) fn at_py2_print(&self) -> bool {
        if !self.py2 || !matches!(self.peek(), Token::Name(n) if &**n == "print") {
            return false;
        }
        let next = self.peek_at(1);
        matches!(
            next,
            Token::Newline | Token::Semi | Token::EndMarker | Token::RightShift
        ) || (can_start_expression(next) && !matches!(next, Token::Star | Token::Await))
    }

    /// `print_stmt -> 'print' ['>>' expression [(',' expression)+ [',']]
    ///                        | ','.expression+ [',']]`
    /// A `print(` that does not parse this way (`print("x", end="")`, a Python 3 call in a
    /// Python 2 file) is read again as an expression statement.
    pub(crate) fn py2_print_stmt(&mut self) -> PResult<Stmt> {
        let saved = (self.pos, self.level, self.depth);
        let start = self.bump();
        if self.first_legacy_print.is_none() && self.starts_legacy_argument() {
            self.first_legacy_print = Some(start);
        }
        let paren = self.at(&Token::LPar);
        match self.print_rest(start) {
            Err(_) if paren => {
                (self.pos, self.level, self.depth) = saved;
                self.expr_stmt()
            }
            r => r,
        }
    }

    fn at_statement_end(&self) -> bool {
        matches!(self.peek(), Token::Newline | Token::Semi | Token::EndMarker)
    }

    fn print_rest(&mut self, start: Span) -> PResult<Stmt> {
        let mut dest = None;
        let mut values = Vec::new();
        let mut nl = true;
        let mut items = !self.at_statement_end();
        if self.eat(&Token::RightShift) {
            dest = Some(self.expression()?);
            items = !self.at_statement_end();
            if items {
                self.expect(&Token::Comma)?;
                if self.at_statement_end() {
                    return Err(self.invalid_syntax());
                }
            }
        }
        if items {
            loop {
                values.push(self.expression()?);
                if !self.eat(&Token::Comma) {
                    break;
                }
                if self.at_statement_end() {
                    nl = false;
                    break;
                }
            }
        }
        if !self.at_statement_end() {
            return Err(self.invalid_syntax());
        }
        let kind = StmtKind::Print { dest, values, nl };
        Ok(Stmt::new(kind, start.to(self.prev_span())))
    }

    /// Python 2's `raise E, V` (after `E`): the exception becomes the call `E(V)`.
    pub(crate) fn py2_raise_value(&mut self, exc: Expr) -> PResult<Expr> {
        if !self.py2 || !self.eat(&Token::Comma) {
            return Ok(exc);
        }
        let value = self.expression()?;
        let span = exc.span.to(value.span);
        let kind = ExprKind::Call {
            func: Box::new(exc),
            args: vec![value],
            keywords: Vec::new(),
        };
        Ok(Expr::new(kind, span))
    }

    /// Python 2's `except X, e:` (at the comma): true when the comma introduces the name.
    pub(crate) fn at_py2_except_name(&self) -> bool {
        self.py2
            && self.at(&Token::Comma)
            && matches!(self.peek_at(1), Token::Name(_))
            && matches!(self.peek_at(2), Token::Colon)
    }
}
