//! Compound statements: if/while/for/try/with/def/class, decorators and blocks.
//!
//! Representation notes for the compiler: `elif` becomes a nested `If` alone in `orelse`;
//! `with a as x, b:` is one `With` with two items; decorators sit on the FunctionDef /
//! ClassDef in source order (outermost first), whose `span` covers `def … :` only.

use super::ast::{ClassDef, ExceptHandler, Expr, ExprKind, FunctionDef, Stmt, StmtKind, WithItem};
use super::targets::TargetCtx;
use super::{PResult, Parser};
use crate::lexer::token::Token;
use crate::source::Span;
use std::sync::Arc;

impl<'a> Parser<'a> {
    /// `compound_stmt -> if_stmt | while_stmt | for_stmt | try_stmt | with_stmt
    ///                 | function_def | class_def | decorators (function_def | class_def)`;
    /// None when the statement is a simple one.
    pub(crate) fn compound_stmt(&mut self) -> PResult<Option<Stmt>> {
        let s = match self.peek() {
            Token::If => self.if_stmt()?,
            Token::While => self.while_stmt()?,
            Token::For => self.for_stmt()?,
            Token::Try => self.try_stmt()?,
            Token::With => self.with_stmt()?,
            Token::Def => self.function_def(Vec::new())?,
            Token::Class => self.class_def(Vec::new())?,
            Token::At => self.decorated()?,
            Token::Async => {
                return Err(self.error_at("'async' is not supported by pyt", self.span()));
            }
            Token::Indent => return Err(self.invalid_syntax()),
            _ => return Ok(None),
        };
        Ok(Some(s))
    }

    /// `block -> NEWLINE INDENT statements DEDENT | simple_stmts`; `what` names the
    /// statement for CPython's `expected an indented block after …` error.
    fn block(&mut self, what: &str, header: Span) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if !self.at(&Token::Newline) {
            self.simple_stmts(&mut body)?;
            return Ok(body);
        }
        let nl = self.bump();
        if !self.eat(&Token::Indent) {
            let line = self.src.line_of(header.start);
            let msg = format!("expected an indented block after {what} on line {line}");
            let mut i = 0;
            while self.peek_at(i) == &Token::Dedent {
                i += 1;
            }
            let at = match self.toks.get(self.pos + i) {
                Some((Token::EndMarker, _)) | None => Span {
                    start: nl.start,
                    end: nl.start,
                },
                Some((_, s)) => *s,
            };
            return Err(self.indentation_error(msg, at));
        }
        self.nested(|p| {
            while !p.eat(&Token::Dedent) {
                if p.at(&Token::EndMarker) {
                    break;
                }
                if p.eat(&Token::Newline) {
                    continue;
                }
                p.statement(&mut body)?;
            }
            Ok(())
        })?;
        Ok(body)
    }

    fn end_of(&self, start: Span, body: &[Stmt]) -> Span {
        body.last()
            .map_or(start.to(self.prev_span()), |s| start.to(s.span))
    }

    /// `if_stmt -> 'if' named_expression ':' block (elif_stmt | [else_block])`
    /// `elif_stmt -> 'elif' named_expression ':' block (elif_stmt | [else_block])`
    fn if_stmt(&mut self) -> PResult<Stmt> {
        let what = if self.at(&Token::Elif) {
            "'elif' statement"
        } else {
            "'if' statement"
        };
        let start = self.bump();
        let test = self.named_expression_no_eq()?;
        self.expect_colon()?;
        let body = self.block(what, start)?;
        let orelse = match self.peek() {
            // One nesting level per elif: grow the native stack for very long chains.
            Token::Elif => vec![stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
                self.if_stmt()
            })?],
            Token::Else => self.else_block()?,
            _ => Vec::new(),
        };
        let span = self.end_of(start, if orelse.is_empty() { &body } else { &orelse });
        Ok(Stmt::new(StmtKind::If { test, body, orelse }, span))
    }

    /// `else_block -> 'else' ':' block`
    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        let start = self.bump();
        self.expect_forced_colon()?;
        self.block("'else' statement", start)
    }

    /// `while_stmt -> 'while' named_expression ':' block [else_block]`
    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump();
        let test = self.named_expression_no_eq()?;
        self.expect_colon()?;
        let body = self.block("'while' statement", start)?;
        let orelse = if self.at(&Token::Else) {
            self.else_block()?
        } else {
            Vec::new()
        };
        let span = self.end_of(start, if orelse.is_empty() { &body } else { &orelse });
        Ok(Stmt::new(StmtKind::While { test, body, orelse }, span))
    }

    /// `for_stmt -> 'for' star_targets 'in' star_expressions ':' block [else_block]`
    fn for_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump();
        let target = self.star_targets()?;
        self.check_target(&target, TargetCtx::Assign)?;
        self.expect(&Token::In)?;
        let iter = self.star_expressions()?;
        self.no_lone_starred(&iter)?;
        self.expect_colon()?;
        let body = self.block("'for' statement", start)?;
        let orelse = if self.at(&Token::Else) {
            self.else_block()?
        } else {
            Vec::new()
        };
        let span = self.end_of(start, if orelse.is_empty() { &body } else { &orelse });
        Ok(Stmt::new(
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            },
            span,
        ))
    }

    /// `try_stmt -> 'try' ':' block finally_block
    ///            | 'try' ':' block except_block+ [else_block] [finally_block]`
    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump();
        self.expect_forced_colon()?;
        let body = self.block("'try' statement", start)?;
        let mut handlers = Vec::new();
        while self.at(&Token::Except) {
            handlers.push(self.except_block()?);
        }
        let orelse = if !handlers.is_empty() && self.at(&Token::Else) {
            self.else_block()?
        } else {
            Vec::new()
        };
        let mut finalbody = Vec::new();
        if self.at(&Token::Finally) {
            let f = self.bump();
            self.expect_forced_colon()?;
            finalbody = self.block("'finally' statement", f)?;
        }
        if handlers.is_empty() && finalbody.is_empty() {
            let mut i = 0;
            while self.peek_at(i) == &Token::Dedent {
                i += 1;
            }
            let at = self.toks.get(self.pos + i).map_or(self.span(), |(_, s)| *s);
            return Err(self.error_at("expected 'except' or 'finally' block", at));
        }
        let last = [&finalbody, &orelse]
            .into_iter()
            .find(|b| !b.is_empty())
            .map(|b| b.as_slice())
            .or_else(|| handlers.last().map(|h| h.body.as_slice()))
            .unwrap_or(&body);
        let span = self.end_of(start, last);
        Ok(Stmt::new(
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            },
            span,
        ))
    }

    /// `except_block -> 'except' [expression ['as' NAME]] ':' block`
    fn except_block(&mut self) -> PResult<ExceptHandler> {
        let start = self.bump();
        let mut typ = None;
        let mut name = None;
        if !self.at(&Token::Colon) {
            let t = self.expression()?;
            if self.at_py2_except_name() {
                self.bump();
                name = Some(self.name()?.0);
            } else if self.at(&Token::Comma) {
                let mut end = t.span;
                while self.eat(&Token::Comma) {
                    end = self.expression().map_or(end, |e| e.span);
                }
                let msg = "multiple exception types must be parenthesized";
                return Err(self.error_at(msg, t.span.to(end)));
            }
            typ = Some(t);
            if name.is_none() && self.eat(&Token::As) {
                name = Some(self.name()?.0);
            }
        }
        self.expect_colon()?;
        let body = self.block("'except' statement", start)?;
        let span = self.end_of(start, &body);
        Ok(ExceptHandler {
            typ,
            name,
            body,
            span,
        })
    }

    /// `with_stmt -> 'with' '(' ','.with_item+ ','? ')' ':' block | 'with' ','.with_item+ ':' block`
    fn with_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump();
        let items = match self.parenthesized_with_items()? {
            Some(items) => items,
            None => {
                let mut items = vec![self.with_item()?];
                while self.eat(&Token::Comma) {
                    items.push(self.with_item()?);
                }
                items
            }
        };
        self.expect_colon()?;
        let body = self.block("'with' statement", start)?;
        let span = self.end_of(start, &body);
        Ok(Stmt::new(StmtKind::With { items, body }, span))
    }

    /// The parenthesized form `with (a as b, c):`; rewinds (None) when the parentheses
    /// turn out to belong to an expression such as `with (a, b) as c:` or `with (yield):`.
    fn parenthesized_with_items(&mut self) -> PResult<Option<Vec<WithItem>>> {
        if !self.at(&Token::LPar) {
            return Ok(None);
        }
        let save = self.pos;
        self.bump();
        self.level += 1;
        let mut items = Vec::new();
        let ok = loop {
            match self.with_item() {
                Ok(i) => items.push(i),
                Err(_) => break false,
            }
            if !self.eat(&Token::Comma) || self.at(&Token::RPar) {
                break self.at(&Token::RPar) && self.peek_at(1) == &Token::Colon;
            }
        };
        self.level -= 1;
        if ok {
            self.bump();
            Ok(Some(items))
        } else {
            self.pos = save;
            Ok(None)
        }
    }

    /// `with_item -> expression ['as' star_target]`
    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat(&Token::As) {
            let t = self.star_target()?;
            self.check_target(&t, TargetCtx::Assign)?;
            Some(t)
        } else {
            None
        };
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    /// `decorated -> ('@' named_expression NEWLINE)+ (function_def | class_def)`
    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(&Token::At) {
            decorators.push(self.named_expression()?);
            if !self.eat(&Token::Newline) {
                return Err(self.invalid_syntax());
            }
        }
        match self.peek() {
            Token::Def => self.function_def(decorators),
            Token::Class => self.class_def(decorators),
            Token::Async => Err(self.error_at("'async' is not supported by pyt", self.span())),
            _ => Err(self.invalid_syntax()),
        }
    }

    /// `function_def -> 'def' NAME '(' [params] ')' ['->' expression] ':' block`
    fn function_def(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let start = self.bump();
        let (name, _) = self.name()?;
        if !self.at(&Token::LPar) {
            return Err(self.error_at("expected '('", self.span()));
        }
        self.bump();
        self.level += 1;
        let args = self.parameters(true);
        self.level -= 1;
        let args = args?;
        self.expect(&Token::RPar)?;
        if self.at(&Token::Arrow) && !super::expr::can_start_expression(self.peek_at(1)) {
            // CPython's `&&':'` after the signature blames the dangling `->`.
            return Err(self.error_at("expected ':'", self.span()));
        }
        let returns = if self.eat(&Token::Arrow) {
            Some(self.expression()?)
        } else {
            None
        };
        let colon = self.expect_forced_colon()?;
        let body = self.block("function definition", start)?;
        let span = self.end_of(start, &body);
        let def = FunctionDef {
            name,
            args,
            body,
            decorators,
            returns,
            span: start.to(colon),
        };
        Ok(Stmt::new(StmtKind::FunctionDef(Arc::new(def)), span))
    }

    /// `class_def -> 'class' NAME ['(' [arguments] ')'] ':' block`
    fn class_def(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let start = self.bump();
        let (name, name_span) = self.name()?;
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        if self.eat(&Token::LPar) {
            let dummy = Expr::new(ExprKind::Name(name.clone()), name_span);
            if let ExprKind::Call {
                args,
                keywords: kws,
                ..
            } = self.call_arguments(dummy)?.kind
            {
                for a in &args {
                    if let ExprKind::GeneratorExp { elt, .. } = &a.kind {
                        // CPython blames the `for` that follows the element.
                        let at = self
                            .toks
                            .iter()
                            .find(|(_, s)| s.start >= elt.span.end)
                            .map_or(a.span, |(_, s)| *s);
                        return Err(self.error_at("invalid syntax", at));
                    }
                }
                bases = args;
                keywords = kws;
            }
        }
        let colon = self.expect_colon()?;
        let body = self.block("class definition", start)?;
        let span = self.end_of(start, &body);
        let def = ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators,
            span: start.to(colon),
        };
        Ok(Stmt::new(StmtKind::ClassDef(Arc::new(def)), span))
    }
}
