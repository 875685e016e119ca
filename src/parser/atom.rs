//! Atoms: names, literals (with adjacent-string concatenation), parenthesized forms,
//! displays and comprehensions.

use super::ast::{Comprehension, Constant, Expr, ExprKind};
use super::expr::constant;
use super::{PResult, Parser};
use crate::lexer::token::Token;

fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl<'a> Parser<'a> {
    /// `atom -> NAME | 'True' | 'False' | 'None' | strings | NUMBER | '...'
    ///        | tuple | group | genexp | list | listcomp | dict | set | dictcomp | setcomp`
    pub(crate) fn atom(&mut self) -> PResult<Expr> {
        let span = self.span();
        let kind = match self.peek() {
            Token::Name(n) => ExprKind::Name(n.clone()),
            Token::True => ExprKind::Constant(Constant::True),
            Token::False => ExprKind::Constant(Constant::False),
            Token::None => ExprKind::Constant(Constant::None),
            Token::Ellipsis => ExprKind::Constant(Constant::Ellipsis),
            Token::Int(i) => ExprKind::Constant(Constant::Int(i.clone())),
            Token::Float(f) => ExprKind::Constant(Constant::Float(*f)),
            Token::Imag(f) => ExprKind::Constant(Constant::Imag(*f)),
            Token::Str(_) | Token::Bytes(_) | Token::FString(_) => return self.strings(),
            Token::LPar => return self.bracketed(|p| p.paren_form()),
            Token::LSqb => return self.bracketed(|p| p.list_form()),
            Token::LBrace => return self.bracketed(|p| p.brace_form()),
            _ => return Err(self.invalid_syntax()),
        };
        self.bump();
        Ok(Expr::new(kind, span))
    }

    /// Run a bracketed form one bracket level deeper (for the forgotten-comma check). The
    /// nesting depth is counted by the expressions inside, so a bracket costs one level.
    fn bracketed(&mut self, f: impl FnOnce(&mut Self) -> PResult<Expr>) -> PResult<Expr> {
        self.level += 1;
        // Some bracket contents (comprehension iterables) skip `nested`: grow the stack here too.
        let r = stacker::maybe_grow(super::STACK_RED_ZONE, super::STACK_GROW, || f(self));
        self.level -= 1;
        r
    }

    /// `paren_form -> '(' ')' | '(' yield_expr ')' | '(' named_expression ')'
    ///              | '(' named_expression for_if_clauses ')'
    ///              | '(' star_named_expression ',' [','.star_named_expression+ [',']] ')'`
    fn paren_form(&mut self) -> PResult<Expr> {
        let open = self.bump();
        if self.at(&Token::RPar) {
            let close = self.bump();
            return Ok(Expr::new(ExprKind::Tuple(Vec::new()), open.to(close)));
        }
        if self.at(&Token::Yield) {
            let e = self.yield_expr()?;
            self.expect(&Token::RPar)?;
            return Ok(e);
        }
        let first = self.star_named_expression_no_eq()?;
        if self.at(&Token::For) {
            let generators = self.for_if_clauses()?;
            let close = self.expect(&Token::RPar)?;
            let kind = ExprKind::GeneratorExp {
                elt: bx(first),
                generators,
            };
            return Ok(Expr::new(kind, open.to(close)));
        }
        if self.at(&Token::RPar) {
            let close = self.bump();
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.error_at("cannot use starred expression here", first.span));
            }
            // A group keeps its inner expression's span, as CPython's does.
            let _ = close;
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(&Token::Comma) {
            if self.at(&Token::RPar) {
                break;
            }
            elts.push(self.star_named_expression_no_eq()?);
        }
        let close = self.expect(&Token::RPar)?;
        Ok(Expr::new(ExprKind::Tuple(elts), open.to(close)))
    }

    fn star_named_expression_no_eq(&mut self) -> PResult<Expr> {
        let e = self.star_named_expression()?;
        if self.at(&Token::Equal) {
            return Err(self.misplaced_equal(&e));
        }
        Ok(e)
    }

    /// `list_form -> '[' [','.star_named_expression+ [',']] ']' | '[' named_expression for_if_clauses ']'`
    fn list_form(&mut self) -> PResult<Expr> {
        let open = self.bump();
        let mut elts = Vec::new();
        while !self.at(&Token::RSqb) {
            let e = self.star_named_expression_no_eq()?;
            if elts.is_empty() && self.at(&Token::For) {
                let generators = self.for_if_clauses()?;
                let close = self.expect(&Token::RSqb)?;
                return Ok(Expr::new(
                    ExprKind::ListComp {
                        elt: bx(e),
                        generators,
                    },
                    open.to(close),
                ));
            }
            elts.push(e);
            if !self.eat(&Token::Comma) {
                break;
            }
        }
        let close = self.expect(&Token::RSqb)?;
        Ok(Expr::new(ExprKind::List(elts), open.to(close)))
    }

    /// `brace_form -> '{' '}' | '{' dict_rest | '{' ','.star_named_expression+ [','] '}'
    ///              | '{' named_expression for_if_clauses '}'`
    fn brace_form(&mut self) -> PResult<Expr> {
        let open = self.bump();
        if self.at(&Token::RBrace) {
            let close = self.bump();
            let kind = ExprKind::Dict {
                keys: Vec::new(),
                values: Vec::new(),
            };
            return Ok(Expr::new(kind, open.to(close)));
        }
        // The first item decides between a dict and a set.
        if self.at(&Token::DoubleStar) {
            return self.dict_rest(open, None);
        }
        let mut elts = Vec::new();
        loop {
            let e = self.star_named_expression()?;
            if elts.is_empty() && self.at(&Token::Colon) && !matches!(e.kind, ExprKind::Starred(_))
            {
                return self.dict_rest(open, Some(e));
            }
            if self.at(&Token::Equal) {
                return Err(self.misplaced_equal(&e));
            }
            if elts.is_empty() && self.at(&Token::For) {
                let generators = self.for_if_clauses()?;
                let close = self.expect(&Token::RBrace)?;
                return Ok(Expr::new(
                    ExprKind::SetComp {
                        elt: bx(e),
                        generators,
                    },
                    open.to(close),
                ));
            }
            elts.push(e);
            if !self.eat(&Token::Comma) || self.at(&Token::RBrace) {
                break;
            }
        }
        let close = self.expect(&Token::RBrace)?;
        Ok(Expr::new(ExprKind::Set(elts), open.to(close)))
    }

    /// `dict_rest -> ','.('**' bitwise_or | expression ':' expression)+ [','] '}'
    ///             | expression ':' expression for_if_clauses '}'` (the first key may be parsed already)
    fn dict_rest(&mut self, open: crate::source::Span, mut first: Option<Expr>) -> PResult<Expr> {
        let mut keys = Vec::new();
        let mut values = Vec::new();
        loop {
            if first.is_none() && self.eat(&Token::DoubleStar) {
                keys.push(None);
                values.push(self.bitwise_or()?);
            } else {
                let k = match first.take() {
                    Some(k) => k,
                    None => self.expression()?,
                };
                if !self.at(&Token::Colon) {
                    if matches!(self.peek(), Token::Comma | Token::RBrace) {
                        return Err(self.error_at("':' expected after dictionary key", k.span));
                    }
                    return Err(self.invalid_syntax());
                }
                self.bump();
                let v = self.expression()?;
                if keys.is_empty() && self.at(&Token::For) {
                    let generators = self.for_if_clauses()?;
                    let close = self.expect(&Token::RBrace)?;
                    let kind = ExprKind::DictComp {
                        key: bx(k),
                        value: bx(v),
                        generators,
                    };
                    return Ok(Expr::new(kind, open.to(close)));
                }
                keys.push(Some(k));
                values.push(v);
            }
            if !self.eat(&Token::Comma) || self.at(&Token::RBrace) {
                break;
            }
        }
        let close = self.expect(&Token::RBrace)?;
        Ok(Expr::new(ExprKind::Dict { keys, values }, open.to(close)))
    }

    /// `for_if_clauses -> ('for' star_targets 'in' disjunction ('if' disjunction)*)+`
    pub(crate) fn for_if_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut out = Vec::new();
        while self.at(&Token::For) {
            self.bump();
            let target = self.star_targets()?;
            self.check_target(&target, super::targets::TargetCtx::Assign)?;
            if !self.at(&Token::In) && self.starts_juxtaposed() {
                return Err(self.forgot_comma(target));
            }
            self.expect(&Token::In)?;
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat(&Token::If) {
                ifs.push(self.disjunction()?);
            }
            out.push(Comprehension { target, iter, ifs });
        }
        Ok(out)
    }

    /// `yield_expr -> 'yield' 'from' expression | 'yield' [star_expressions]`
    pub(crate) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.bump();
        if self.eat(&Token::From) {
            let e = self.expression()?;
            let span = self.since(start);
            return Ok(Expr::new(ExprKind::YieldFrom(bx(e)), span));
        }
        if self.starts_expression() {
            let e = self.star_expressions()?;
            self.no_lone_starred(&e)?;
            let span = self.since(start);
            return Ok(Expr::new(ExprKind::Yield(Some(bx(e))), span));
        }
        Ok(Expr::new(ExprKind::Yield(None), start))
    }

    /// `strings -> STRING+`: adjacent literals joined into one constant,
    /// or a JoinedStr when any of them is an f-string.
    fn strings(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut toks = Vec::new();
        while let t @ (Token::Str(_) | Token::Bytes(_) | Token::FString(_)) = self.peek() {
            toks.push((t, self.bump()));
        }
        let span = start.to(self.prev_span());
        let bytes = toks
            .iter()
            .filter(|(t, _)| matches!(t, Token::Bytes(_)))
            .count();
        if bytes > 0 && bytes < toks.len() {
            // CPython 3.11 reports this after the last literal of the run.
            let at = crate::source::Span {
                start: span.end,
                end: span.end,
            };
            return Err(self.error_at("cannot mix bytes and nonbytes literals", at));
        }
        if bytes > 0 {
            let mut out = Vec::new();
            for (t, _) in &toks {
                if let Token::Bytes(b) = t {
                    out.extend_from_slice(b);
                }
            }
            return Ok(constant(Constant::Bytes(out.into()), span));
        }
        if !toks.iter().any(|(t, _)| matches!(t, Token::FString(_))) {
            let mut out = String::new();
            for (t, _) in &toks {
                if let Token::Str(s) = t {
                    out.push_str(s);
                }
            }
            return Ok(constant(Constant::Str(out.into()), span));
        }
        self.joined_str(&toks, span)
    }
}
