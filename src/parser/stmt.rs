//! Simple statements and the statement loop: `file`, `statements`, `simple_stmts`,
//! assignments, imports and the one-keyword statements. Compound statements are in
//! `compound.rs`.

use super::ast::{Alias, BinOp, Expr, ExprKind, Module, Name, Stmt, StmtKind};
use super::targets::TargetCtx;
use super::{PResult, Parser};
use crate::lexer::token::Token;
use crate::source::Span;

impl<'a> Parser<'a> {
    /// `file -> statements? ENDMARKER`
    pub(crate) fn file(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        loop {
            match self.peek() {
                Token::EndMarker => break,
                Token::Newline => {
                    self.bump();
                }
                _ => self.statement(&mut body)?,
            }
        }
        Ok(Module {
            body,
            py2: self.py2,
        })
    }

    /// `eval_input -> star_expressions NEWLINE* ENDMARKER`
    pub(crate) fn eval_input(&mut self) -> PResult<Expr> {
        let e = self.star_expressions()?;
        while self.eat(&Token::Newline) {}
        if !self.at(&Token::EndMarker) {
            return Err(self.invalid_syntax());
        }
        Ok(e)
    }

    /// `statement -> compound_stmt | simple_stmts`; appends to `out` (a line of
    /// `;`-separated simple statements yields several).
    pub(crate) fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        if let Some(s) = self.compound_stmt()? {
            out.push(s);
            return Ok(());
        }
        self.simple_stmts(out)
    }

    /// `simple_stmts -> simple_stmt (';' simple_stmt)* [';'] NEWLINE`
    pub(crate) fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            out.push(self.simple_stmt()?);
            if self.eat(&Token::Semi) {
                if self.eat(&Token::Newline) {
                    return Ok(());
                }
                continue;
            }
            if self.eat(&Token::Newline) || self.at(&Token::EndMarker) {
                return Ok(());
            }
            return Err(self.invalid_syntax());
        }
    }

    /// `simple_stmt -> assignment | star_expressions | return_stmt | import_stmt | raise_stmt
    ///                | 'pass' | del_stmt | yield_stmt | assert_stmt | 'break' | 'continue'
    ///                | global_stmt | nonlocal_stmt`
    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.span();
        let kind = match self.peek() {
            Token::Pass => {
                self.bump();
                StmtKind::Pass
            }
            Token::Break => {
                self.bump();
                StmtKind::Break
            }
            Token::Continue => {
                self.bump();
                StmtKind::Continue
            }
            Token::Return => self.return_stmt()?,
            Token::Raise => self.raise_stmt()?,
            Token::Global | Token::Nonlocal => self.global_stmt()?,
            Token::Del => self.del_stmt()?,
            Token::Assert => self.assert_stmt()?,
            Token::Import => self.import_name()?,
            Token::From => self.import_from()?,
            _ if self.at_py2_print() => return self.py2_print_stmt(),
            _ => return self.expr_stmt(),
        };
        Ok(Stmt::new(kind, start.to(self.prev_span())))
    }

    /// `return_stmt -> 'return' [star_expressions]`
    fn return_stmt(&mut self) -> PResult<StmtKind> {
        self.bump();
        let value = if self.starts_expression() {
            Some(self.star_expressions()?)
        } else {
            None
        };
        if let Some(v) = &value {
            self.no_lone_starred(v)?;
        }
        Ok(StmtKind::Return(value))
    }

    /// `raise_stmt -> 'raise' [expression ['from' expression]]`
    fn raise_stmt(&mut self) -> PResult<StmtKind> {
        self.bump();
        if !self.starts_expression() {
            return Ok(StmtKind::Raise {
                exc: None,
                cause: None,
            });
        }
        let exc = self.expression()?;
        let exc = self.py2_raise_value(exc)?;
        let cause = if self.eat(&Token::From) {
            Some(self.expression()?)
        } else {
            None
        };
        Ok(StmtKind::Raise {
            exc: Some(exc),
            cause,
        })
    }

    /// `global_stmt -> 'global' ','.NAME+`, `nonlocal_stmt -> 'nonlocal' ','.NAME+`
    fn global_stmt(&mut self) -> PResult<StmtKind> {
        let is_global = self.at(&Token::Global);
        self.bump();
        let mut names = vec![self.name()?.0];
        while self.eat(&Token::Comma) {
            names.push(self.name()?.0);
        }
        Ok(if is_global {
            StmtKind::Global(names)
        } else {
            StmtKind::Nonlocal(names)
        })
    }

    /// `del_stmt -> 'del' ','.star_expression+ [',']`, each then checked as a del target
    /// (CPython parses them as expressions too, so `del a < b` blames the comparison).
    fn del_stmt(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut targets = Vec::new();
        loop {
            let t = self.star_expression()?;
            self.check_target(&t, TargetCtx::Del)?;
            targets.push(t);
            if !self.eat(&Token::Comma) || !self.starts_expression() {
                break;
            }
        }
        Ok(StmtKind::Del(targets))
    }

    /// `assert_stmt -> 'assert' expression [',' expression]`
    fn assert_stmt(&mut self) -> PResult<StmtKind> {
        self.bump();
        let test = self.expression()?;
        let msg = if self.eat(&Token::Comma) {
            Some(self.expression()?)
        } else {
            None
        };
        Ok(StmtKind::Assert { test, msg })
    }

    /// `import_name -> 'import' ','.(dotted_name ['as' NAME])+`
    fn import_name(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut names = Vec::new();
        loop {
            let (name, span) = self.dotted_name()?;
            let asname = if self.eat(&Token::As) {
                Some(self.name()?.0)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                span: span.to(self.prev_span()),
            });
            if !self.eat(&Token::Comma) {
                break;
            }
        }
        Ok(StmtKind::Import(names))
    }

    /// `dotted_name -> NAME ('.' NAME)*`
    fn dotted_name(&mut self) -> PResult<(Name, Span)> {
        let (first, start) = self.name()?;
        if !self.at(&Token::Dot) {
            return Ok((first, start));
        }
        let mut s = first.to_string();
        while self.eat(&Token::Dot) {
            s.push('.');
            s.push_str(&self.name()?.0);
        }
        Ok((s.into(), start.to(self.prev_span())))
    }

    /// `import_from -> 'from' ('.' | '...')* dotted_name 'import' import_from_targets
    ///               | 'from' ('.' | '...')+ 'import' import_from_targets`
    /// `import_from_targets -> '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*'`
    fn import_from(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut level = 0;
        loop {
            match self.peek() {
                Token::Dot => level += 1,
                Token::Ellipsis => level += 3,
                _ => break,
            }
            self.bump();
        }
        let module = if level == 0 || !self.at(&Token::Import) {
            Some(self.dotted_name()?.0)
        } else {
            None
        };
        self.expect(&Token::Import)?;
        if self.at(&Token::Star) {
            let span = self.bump();
            let names = vec![Alias {
                name: "*".into(),
                asname: None,
                span,
            }];
            return Ok(StmtKind::ImportFrom {
                module,
                names,
                level,
            });
        }
        let parens = self.eat(&Token::LPar);
        let mut names = Vec::new();
        loop {
            let (name, span) = self.name()?;
            let asname = if self.eat(&Token::As) {
                Some(self.name()?.0)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                span: span.to(self.prev_span()),
            });
            if !self.at(&Token::Comma) {
                break;
            }
            let comma = self.bump();
            if parens && self.at(&Token::RPar) {
                break;
            }
            if !parens && matches!(self.peek(), Token::Newline | Token::Semi | Token::EndMarker) {
                let msg = "trailing comma not allowed without surrounding parentheses";
                return Err(self.error_at(
                    msg,
                    Span {
                        start: comma.end,
                        end: comma.end,
                    },
                ));
            }
        }
        if parens {
            self.expect(&Token::RPar)?;
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }

    /// `expr_stmt -> star_expressions ('=' (yield_expr | star_expressions))+
    ///             | single_target ':' expression ['=' (yield_expr | star_expressions)]
    ///             | single_target augassign (yield_expr | star_expressions)
    ///             | star_expressions | yield_expr`
    pub(crate) fn expr_stmt(&mut self) -> PResult<Stmt> {
        let start = self.span();
        let first = self.yield_or_star_expressions()?;
        let kind = match self.peek() {
            Token::ColonEqual if !matches!(first.kind, ExprKind::Name(_)) => {
                return Err(self.walrus_on_non_name(&first));
            }
            Token::Equal => self.assignment(first)?,
            Token::Colon => self.ann_assign(first, start)?,
            t => match augassign_op(t) {
                Some(op) => {
                    self.bump();
                    if !matches!(
                        first.kind,
                        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
                    ) {
                        let msg = format!(
                            "'{}' is an illegal expression for augmented assignment",
                            super::error::expr_name(&first)
                        );
                        return Err(self.error_at(msg, first.span));
                    }
                    let value = self.yield_or_star_expressions()?;
                    StmtKind::AugAssign {
                        target: first,
                        op,
                        value,
                    }
                }
                None => {
                    if let ExprKind::Name(n) = &first.kind {
                        if (&**n == "print" || &**n == "exec") && self.starts_legacy_argument() {
                            let n = n.clone();
                            return Err(self.legacy_print(&n, first.span));
                        }
                    }
                    if matches!(first.kind, ExprKind::Starred(_)) {
                        return Err(self.error_at("can't use starred expression here", first.span));
                    }
                    StmtKind::Expr(first)
                }
            },
        };
        Ok(Stmt::new(kind, start.to(self.prev_span())))
    }

    fn yield_or_star_expressions(&mut self) -> PResult<Expr> {
        if self.at(&Token::Yield) {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    /// `assignment -> star_expressions ('=' (yield_expr | star_expressions))+`, after the
    /// first target; every target is then checked.
    fn assignment(&mut self, first: Expr) -> PResult<StmtKind> {
        let mut targets = vec![first];
        let mut value;
        loop {
            self.bump();
            value = self.yield_or_star_expressions()?;
            if !self.at(&Token::Equal) {
                break;
            }
            targets.push(value);
        }
        if let Some(y) = targets
            .iter()
            .find(|t| matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)))
        {
            return Err(self.error_at("assignment to yield expression not possible", y.span));
        }
        for t in &targets {
            if self.check_target(t, TargetCtx::Assign).is_err() {
                return Err(self.invalid_assignment(&targets, &value));
            }
        }
        if matches!(value.kind, ExprKind::Starred(_)) {
            return Err(self.error_at("can't use starred expression here", value.span));
        }
        Ok(StmtKind::Assign { targets, value })
    }

    /// `ann_assign -> single_target ':' expression ['=' (yield_expr | star_expressions)]`,
    /// after the target.
    fn ann_assign(&mut self, target: Expr, start: Span) -> PResult<StmtKind> {
        let valid = matches!(
            target.kind,
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
        );
        if !valid && !super::expr::can_start_expression(self.peek_at(1)) {
            // CPython's annotation-target errors need an annotation after the ':'.
            return Err(self.invalid_syntax());
        }
        match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
            ExprKind::Tuple(elts) => {
                let at = if self.parenthesized(&target) {
                    target.span
                } else {
                    elts.first().map_or(target.span, |e| e.span)
                };
                return Err(self.error_at("only single target (not tuple) can be annotated", at));
            }
            ExprKind::List(_) => {
                return Err(self.error_at(
                    "only single target (not list) can be annotated",
                    target.span,
                ));
            }
            _ => return Err(self.error_at("illegal target for annotation", target.span)),
        }
        self.bump();
        let annotation = self.expression()?;
        let value = if self.eat(&Token::Equal) {
            Some(self.yield_or_star_expressions()?)
        } else {
            None
        };
        let paren = self.src.text.as_bytes().get(start.start as usize) == Some(&b'(');
        let simple = matches!(target.kind, ExprKind::Name(_)) && !paren;
        Ok(StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        })
    }

    /// A starred expression on its own (`return *a`) is CPython's compile-time
    /// `can't use starred expression here`.
    pub(crate) fn no_lone_starred(&self, e: &Expr) -> PResult<()> {
        if matches!(e.kind, ExprKind::Starred(_)) {
            return Err(self.error_at("can't use starred expression here", e.span));
        }
        Ok(())
    }

    /// After a bare `print`/`exec`: does an argument follow, as in Python 2's `print "x"`?
    pub(crate) fn starts_legacy_argument(&self) -> bool {
        matches!(
            self.peek(),
            Token::Name(_)
                | Token::Int(_)
                | Token::Float(_)
                | Token::Imag(_)
                | Token::Str(_)
                | Token::Bytes(_)
                | Token::FString(_)
                | Token::None
                | Token::True
                | Token::False
                | Token::LBrace
                | Token::Tilde
                | Token::Lambda
                | Token::Not
        )
    }

    /// `Missing parentheses in call to 'print'. Did you mean print(...)?` over the statement.
    fn legacy_print(&mut self, name: &str, start: Span) -> crate::diagnostics::Diagnostic {
        let end = match self.star_expressions() {
            Ok(e) => e.span,
            Err(_) => self.prev_span(),
        };
        let msg = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
        self.error_at(msg, start.to(end))
    }
}

/// The operator of an augmented assignment token.
fn augassign_op(t: &Token) -> Option<BinOp> {
    Some(match t {
        Token::PlusEqual => BinOp::Add,
        Token::MinusEqual => BinOp::Sub,
        Token::StarEqual => BinOp::Mult,
        Token::SlashEqual => BinOp::Div,
        Token::DoubleSlashEqual => BinOp::FloorDiv,
        Token::PercentEqual => BinOp::Mod,
        Token::AtEqual => BinOp::MatMult,
        Token::AmperEqual => BinOp::BitAnd,
        Token::PipeEqual => BinOp::BitOr,
        Token::CaretEqual => BinOp::BitXor,
        Token::LeftShiftEqual => BinOp::LShift,
        Token::RightShiftEqual => BinOp::RShift,
        Token::DoubleStarEqual => BinOp::Pow,
        _ => return None,
    })
}
