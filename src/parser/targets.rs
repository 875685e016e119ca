//! Assignment, deletion and loop targets: parsed as expressions, then checked here, with
//! CPython's "cannot assign to …" / "cannot delete …" wording.

use super::ast::{Constant, Expr, ExprKind};
use super::error::expr_name;
use super::{PResult, Parser};
use crate::diagnostics::Diagnostic;
use crate::lexer::token::Token;

/// Where a target appears: decides the verb of the error message.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetCtx {
    /// `=`, `for`, `with … as`, comprehension `for`.
    Assign,
    Del,
}

impl<'a> Parser<'a> {
    /// `star_targets -> star_target (',' star_target)* [',']`, where
    /// `star_target -> ['*'] bitwise_or` (checked afterwards by `check_target`).
    /// Stops before `in`, so `for` headers and comprehensions can use it.
    pub(crate) fn star_targets(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.star_target()?;
        if !self.at(&Token::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(&Token::Comma) {
            if !self.starts_expression() {
                break;
            }
            elts.push(self.star_target()?);
        }
        Ok(self.bare_tuple(elts, start))
    }

    pub(crate) fn star_target(&mut self) -> PResult<Expr> {
        if self.at(&Token::Star) {
            let s = self.bump();
            let v = self.bitwise_or()?;
            let span = self.since(s);
            return Ok(Expr::new(ExprKind::Starred(Box::new(v)), span));
        }
        self.bitwise_or()
    }

    /// Check that `e` can be assigned to (or deleted), returning CPython's error for the
    /// first offending sub-expression.
    pub(crate) fn check_target(&self, e: &Expr, ctx: TargetCtx) -> PResult<()> {
        match invalid_target(e, ctx) {
            None => self.check_starred(e, ctx),
            Some(bad) => {
                let verb = if ctx == TargetCtx::Del {
                    "delete"
                } else {
                    "assign to"
                };
                Err(self.error_at(format!("cannot {verb} {}", expr_name(bad)), bad.span))
            }
        }
    }

    /// Starred targets: at most one per tuple/list, and never on their own.
    fn check_starred(&self, e: &Expr, ctx: TargetCtx) -> PResult<()> {
        match &e.kind {
            ExprKind::Starred(_) if ctx == TargetCtx::Assign => Err(self.error_at(
                "starred assignment target must be in a list or tuple",
                e.span,
            )),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                let mut stars = elts
                    .iter()
                    .filter(|x| matches!(x.kind, ExprKind::Starred(_)));
                if let (Some(_), Some(_)) = (stars.next(), stars.next()) {
                    return Err(self.error_at("multiple starred expressions in assignment", e.span));
                }
                for x in elts {
                    match &x.kind {
                        ExprKind::Starred(inner) => self.check_starred(inner, ctx)?,
                        _ => self.check_starred(x, ctx)?,
                    }
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Errors for `a = b` where `a` is not a target, reproducing CPython's choice between
    /// the plain message and the `Maybe you meant '=='` forms.
    ///
    /// `last` is the final element of the only target (`f(), a = 1` blames `a`), `value`
    /// the right-hand side.
    pub(crate) fn invalid_assignment(&self, targets: &[Expr], value: &Expr) -> Diagnostic {
        if let [only] = targets {
            let last = match &only.kind {
                ExprKind::Tuple(elts) if !self.parenthesized(only) => elts.last().unwrap_or(only),
                _ => only,
            };
            if starts_bitwise_or(value) && !excluded_from_hint(last, self) {
                return self.equal_hint(last, leading_operand(value));
            }
        }
        for t in targets {
            if let Err(d) = self.check_target(t, TargetCtx::Assign) {
                return d;
            }
        }
        self.error_at("invalid syntax", value.span)
    }

    /// A `=` after `e` where an expression was expected (`if x = 1:`, `[a = 1]`).
    pub(crate) fn misplaced_equal(&mut self, e: &Expr) -> Diagnostic {
        let eq = self.span();
        if excluded_from_hint(e, self) {
            return self.invalid_syntax();
        }
        let save = self.pos;
        self.bump();
        let b = self.bitwise_or();
        let followed_by_eq = matches!(self.peek(), Token::Equal | Token::ColonEqual);
        self.pos = save;
        match b {
            Ok(b) if !followed_by_eq => self.equal_hint(e, &b),
            _ => self.error_at("invalid syntax", eq),
        }
    }

    fn equal_hint(&self, a: &Expr, b: &Expr) -> Diagnostic {
        if matches!(a.kind, ExprKind::Name(_)) {
            let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
            return self.error_at(msg, a.span.to(b.span));
        }
        let msg = format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            expr_name(a)
        );
        self.error_at(msg, a.span)
    }

    /// True when the source of `e` begins with `(` (its span starts on one).
    pub(crate) fn parenthesized(&self, e: &Expr) -> bool {
        self.src.text.as_bytes().get(e.span.start as usize) == Some(&b'(')
    }
}

/// CPython skips the `Maybe you meant '=='` hint for lists, tuples, generator expressions
/// and `True`/`False`/`None` (its `!(list|tuple|genexp|'True'|'None'|'False')` lookahead).
fn excluded_from_hint(e: &Expr, p: &Parser) -> bool {
    match &e.kind {
        ExprKind::List(_) | ExprKind::GeneratorExp { .. } => true,
        ExprKind::Tuple(_) => p.parenthesized(e),
        ExprKind::Constant(Constant::True | Constant::False | Constant::None) => true,
        ExprKind::Starred(_) | ExprKind::Yield(_) | ExprKind::YieldFrom(_) => true,
        _ => false,
    }
}

/// Whether a right-hand side begins with a `bitwise_or` (not `not`, `lambda`, `*`, `yield`).
fn starts_bitwise_or(v: &Expr) -> bool {
    match &v.kind {
        ExprKind::Tuple(elts) => elts.first().is_some_and(starts_bitwise_or),
        ExprKind::UnaryOp {
            op: super::ast::UnaryOp::Not,
            ..
        } => false,
        ExprKind::Lambda { .. } | ExprKind::Starred(_) | ExprKind::Yield(_) => false,
        ExprKind::YieldFrom(_) => false,
        _ => true,
    }
}

/// The leading `bitwise_or` operand of a right-hand side, for the hint's span.
fn leading_operand(v: &Expr) -> &Expr {
    match &v.kind {
        ExprKind::Tuple(elts) if !elts.is_empty() => elts.first().map_or(v, leading_operand),
        ExprKind::Compare { left, .. } => leading_operand(left),
        ExprKind::BoolOp { values, .. } => values.first().map_or(v, leading_operand),
        ExprKind::IfExp { body, .. } => leading_operand(body),
        _ => v,
    }
}

/// The first sub-expression of `e` that cannot be a target, if any.
fn invalid_target(e: &Expr, ctx: TargetCtx) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple(elts) | ExprKind::List(elts) => {
            elts.iter().find_map(|x| invalid_target(x, ctx))
        }
        ExprKind::Starred(inner) if ctx == TargetCtx::Assign => invalid_target(inner, ctx),
        _ => Some(e),
    }
}
