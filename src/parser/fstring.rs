//! F-strings: turning the lexer's `FStringPart`s into `JoinedStr` / `FormattedValue`, parsing
//! each replacement field's expression from its own token fragment.

use super::ast::{Constant, Expr, ExprKind};
use super::expr::constant;
use super::{PResult, Parser};
use crate::lexer::token::{FStringField, FStringPart, Token};
use crate::source::Span;

/// Accumulates the pieces of a JoinedStr, merging adjacent literal text as CPython does.
struct Pieces {
    values: Vec<Expr>,
    text: String,
    span: Span,
}

impl Pieces {
    fn flush(&mut self) {
        if !self.text.is_empty() {
            let s = std::mem::take(&mut self.text);
            self.values
                .push(constant(Constant::Str(s.into()), self.span));
        }
    }
}

impl<'a> Parser<'a> {
    /// A run of adjacent str and f-string literals as one JoinedStr.
    pub(crate) fn joined_str(&mut self, toks: &[(&Token, Span)], span: Span) -> PResult<Expr> {
        let mut pieces = Pieces {
            values: Vec::new(),
            text: String::new(),
            span,
        };
        for (t, _) in toks {
            match t {
                Token::Str(s) => pieces.text.push_str(s),
                Token::FString(parts) => self.fstring_parts(parts, &mut pieces)?,
                _ => {}
            }
        }
        pieces.flush();
        Ok(Expr::new(ExprKind::JoinedStr(pieces.values), span))
    }

    fn fstring_parts(&mut self, parts: &[FStringPart], pieces: &mut Pieces) -> PResult<()> {
        for part in parts {
            match part {
                FStringPart::Literal(s) => pieces.text.push_str(s),
                FStringPart::Field(f) => {
                    if let Some(d) = &f.debug_text {
                        pieces.text.push_str(d);
                    }
                    pieces.flush();
                    let v = self.formatted_value(f, pieces.span)?;
                    pieces.values.push(v);
                }
            }
        }
        Ok(())
    }

    /// One `{expr!conv:spec}` field. The `=` form without conversion or spec converts with
    /// `repr`, as CPython does.
    fn formatted_value(&mut self, f: &FStringField, span: Span) -> PResult<Expr> {
        let value = self.fstring_expression(f)?;
        let format_spec = match &f.format_spec {
            Some(parts) => {
                let mut spec = Pieces {
                    values: Vec::new(),
                    text: String::new(),
                    span,
                };
                self.nested(|p| p.fstring_parts(parts, &mut spec))?;
                spec.flush();
                Some(Box::new(Expr::new(ExprKind::JoinedStr(spec.values), span)))
            }
            None => None,
        };
        let conversion = match (f.conversion, &f.debug_text, &format_spec) {
            (None, Some(_), None) => Some('r'),
            (c, _, _) => c,
        };
        let kind = ExprKind::FormattedValue {
            value: Box::new(value),
            conversion,
            format_spec,
        };
        Ok(Expr::new(kind, span))
    }

    /// Parse a field's expression text: `(yield_expr | star_expressions)` in bracket mode.
    fn fstring_expression(&mut self, f: &FStringField) -> PResult<Expr> {
        let at = Span::new(
            f.expr_offset as usize,
            f.expr_offset as usize + f.expr_source.len(),
        );
        if f.expr_source.trim().is_empty() {
            return Err(self.error_at("f-string: empty expression not allowed", at));
        }
        let toks = fragment_tokens(&f.expr_source, f.expr_offset)?;
        let mut sub = Parser::new(self.src, &toks);
        sub.level = 1;
        sub.depth = self.depth;
        let r = sub.nested(|p| {
            let e = if p.at(&Token::Yield) {
                p.yield_expr()?
            } else {
                p.star_expressions()?
            };
            while p.eat(&Token::Newline) {}
            if !p.at(&Token::EndMarker) {
                return Err(p.invalid_syntax());
            }
            Ok(e)
        });
        r.map_err(|mut d| {
            if !d.message.starts_with("f-string") {
                d.message = format!("f-string: {}", d.message);
            }
            d.incomplete = false;
            d
        })
    }
}

/// Tokens of an f-string field's expression, from the lexer's fragment mode.
fn fragment_tokens(text: &str, offset: u32) -> PResult<Vec<(Token, Span)>> {
    crate::lexer::tokenize_fragment(text, offset)
}
