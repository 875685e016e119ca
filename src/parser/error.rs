//! Syntax errors worded as CPython 3.11 words them, and the names CPython gives
//! expressions in "cannot assign to …" messages.

use super::ast::{Constant, Expr, ExprKind};
use super::Parser;
use crate::diagnostics::Diagnostic;
use crate::lexer::token::Token;

impl<'a> Parser<'a> {
    /// The default error: `invalid syntax` on the current token. An unexpected INDENT is
    /// CPython's `unexpected indent` instead.
    pub(crate) fn invalid_syntax(&self) -> Diagnostic {
        let span = self.span();
        match self.peek() {
            Token::Indent => {
                // The INDENT token covers the new indentation; CPython points at its last
                // character.
                let p = span.end.saturating_sub(1);
                let at = crate::source::Span { start: p, end: p };
                self.indentation_error("unexpected indent", at)
            }
            Token::Dedent => {
                // A DEDENT is empty: point at the token that follows it.
                let mut i = 0;
                while matches!(self.peek_at(i), Token::Dedent) {
                    i += 1;
                }
                let s = self.toks.get(self.pos + i).map_or(span, |(_, s)| *s);
                self.error_at("invalid syntax", s)
            }
            // A NEWLINE token may cover the line break: CPython points just before it.
            Token::Newline => {
                let at = crate::source::Span {
                    start: span.start,
                    end: span.start,
                };
                self.error_at("invalid syntax", at)
            }
            _ => self.error_at("invalid syntax", span),
        }
    }

    pub(crate) fn too_deep(&self) -> Diagnostic {
        self.error_at("too many nested expressions", self.span())
    }
}

/// How CPython names an expression in "cannot assign to X" / "cannot delete X".
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(c) => match c {
            Constant::None => "None",
            Constant::True => "True",
            Constant::False => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}
