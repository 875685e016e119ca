//! Parameter lists (`def` and `lambda`) and call arguments, with CPython's ordering rules.

use super::ast::{Arg, Arguments, Expr, ExprKind, Keyword};
use super::{PResult, Parser};
use crate::lexer::token::Token;
use crate::source::Span;

impl<'a> Parser<'a> {
    /// `parameters -> ','.param+ [',']` with
    /// `param -> NAME [':' expression] ['=' expression] | '/' | '*' [NAME [':' expression]] | '**' NAME [':' expression]`.
    /// Annotations are allowed only in a `def` (`is_def`); the list ends at `)` for a def
    /// and at `:` for a lambda.
    pub(crate) fn parameters(&mut self, is_def: bool) -> PResult<Arguments> {
        let close = if is_def { Token::RPar } else { Token::Colon };
        let mut a = Arguments::default();
        // A set: duplicate checks stay linear for absurdly long parameter lists.
        let mut names: std::collections::HashSet<ast_name::Name> = Default::default();
        let mut star_seen: Option<Span> = None;
        let mut bare_star = false;
        let mut kwarg_seen = false;
        let mut slash_seen = false;
        let mut default_seen = false;
        while !self.at(&close) {
            if kwarg_seen {
                return Err(
                    self.error_at("arguments cannot follow var-keyword argument", self.span())
                );
            }
            match self.peek() {
                Token::Slash => {
                    let s = self.bump();
                    if slash_seen {
                        return Err(self.error_at("/ may appear only once", s));
                    }
                    if star_seen.is_some() {
                        return Err(self.error_at("/ must be ahead of *", s));
                    }
                    if a.args.is_empty() {
                        return Err(self.error_at("invalid syntax", s));
                    }
                    slash_seen = true;
                    a.posonlyargs = std::mem::take(&mut a.args);
                }
                Token::Star => {
                    let s = self.bump();
                    if star_seen.is_some() {
                        return Err(self.error_at("* argument may appear only once", s));
                    }
                    star_seen = Some(s);
                    if matches!(self.peek(), Token::Comma) || self.at(&close) {
                        bare_star = true;
                        if self.at(&close) || self.peek_at(1) == &Token::DoubleStar {
                            return Err(self.error_at("named arguments must follow bare *", s));
                        }
                    } else {
                        let arg = self.param(is_def, &mut names)?;
                        if self.at(&Token::Equal) {
                            let msg = "var-positional argument cannot have default value";
                            return Err(self.error_at(msg, self.span()));
                        }
                        a.vararg = Some(arg);
                    }
                }
                Token::DoubleStar => {
                    self.bump();
                    let arg = self.param(is_def, &mut names)?;
                    if self.at(&Token::Equal) {
                        let msg = "var-keyword argument cannot have default value";
                        return Err(self.error_at(msg, self.span()));
                    }
                    a.kwarg = Some(arg);
                    kwarg_seen = true;
                }
                Token::LPar if !is_def => {
                    let msg = "Lambda expression parameters cannot be parenthesized";
                    let mut at = self.span();
                    if let (Token::Name(_), Token::RPar) = (self.peek_at(1), self.peek_at(2)) {
                        at = at.to(self.toks.get(self.pos + 2).map_or(at, |(_, s)| *s));
                    }
                    return Err(self.error_at(msg, at));
                }
                _ => {
                    let arg = self.param(is_def, &mut names)?;
                    if is_def
                        && self.at(&Token::Equal)
                        && matches!(self.peek_at(1), Token::Comma | Token::RPar)
                    {
                        let msg = "expected default value expression";
                        return Err(self.error_at(msg, self.span()));
                    }
                    let default = if self.eat(&Token::Equal) {
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    if star_seen.is_some() {
                        a.kwonlyargs.push(arg);
                        a.kw_defaults.push(default);
                    } else {
                        match default {
                            Some(d) => {
                                default_seen = true;
                                a.defaults.push(d);
                            }
                            None if default_seen => {
                                let msg = "non-default argument follows default argument";
                                return Err(self.error_at(msg, arg.span));
                            }
                            None => {}
                        }
                        a.args.push(arg);
                    }
                }
            }
            if !self.eat(&Token::Comma) {
                break;
            }
        }
        if bare_star && a.kwonlyargs.is_empty() {
            let s = star_seen.unwrap_or_default();
            return Err(self.error_at("named arguments must follow bare *", s));
        }
        if !self.at(&close) {
            return Err(self.invalid_syntax());
        }
        Ok(a)
    }

    /// `param -> NAME [':' expression]`, recording the name to catch duplicates.
    fn param(
        &mut self,
        is_def: bool,
        names: &mut std::collections::HashSet<ast_name::Name>,
    ) -> PResult<Arg> {
        let (name, span) = self.name()?;
        if names.contains(&name) {
            let msg = format!("duplicate argument '{name}' in function definition");
            return Err(self.error_at(msg, span));
        }
        names.insert(name.clone());
        let annotation = if is_def && self.eat(&Token::Colon) {
            Some(self.expression()?)
        } else {
            None
        };
        Ok(Arg {
            name,
            annotation,
            span,
        })
    }

    /// `call_arguments -> ','.argument+ [','] ')'` with `argument -> '*' expression
    /// | '**' expression | NAME '=' expression | named_expression [for_if_clauses]`,
    /// after the `(`; builds the Call.
    /// A lone generator expression argument needs no parentheses of its own.
    pub(crate) fn call_arguments(&mut self, func: Expr) -> PResult<Expr> {
        self.level += 1;
        let r = self.nested(|p| p.call_arguments_inner(func));
        self.level -= 1;
        r
    }

    fn call_arguments_inner(&mut self, func: Expr) -> PResult<Expr> {
        let open = self.prev_span();
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_keywords: std::collections::HashSet<ast_name::Name> = Default::default();
        // CPython reports argument-order errors at the token after the argument list.
        let mut order_error: Option<&'static str> = None;
        let mut kw_unpack_seen = false;
        let mut genexp: Option<Span> = None;
        let mut count = 0;
        while !self.at(&Token::RPar) {
            count += 1;
            match (self.peek(), self.peek_at(1)) {
                (Token::Star, _) => {
                    let s = self.bump();
                    let v = self.expression()?;
                    if kw_unpack_seen && order_error.is_none() {
                        let msg = "iterable argument unpacking follows keyword argument unpacking";
                        let at = keywords
                            .iter()
                            .rev()
                            .find(|k| k.arg.is_none())
                            .map_or(s, |k| k.span);
                        return Err(self.error_at(msg, at));
                    }
                    let span = self.since(s);
                    args.push(Expr::new(ExprKind::Starred(Box::new(v)), span));
                }
                (Token::DoubleStar, _) => {
                    let s = self.bump();
                    let v = self.expression()?;
                    kw_unpack_seen = true;
                    let span = self.since(s);
                    keywords.push(Keyword {
                        arg: None,
                        value: v,
                        span,
                    });
                }
                (Token::Name(n), Token::Equal) => {
                    let s = self.bump();
                    self.bump();
                    let v = self.expression()?;
                    let span = self.since(s);
                    if !seen_keywords.insert(n.clone()) {
                        let msg = format!("keyword argument repeated: {n}");
                        return Err(self.error_at(msg, span));
                    }
                    keywords.push(Keyword {
                        arg: Some(n.clone()),
                        value: v,
                        span,
                    });
                }
                _ => {
                    let e = self.named_expression()?;
                    if self.at(&Token::Equal) {
                        let eq = self.span();
                        let msg = "expression cannot contain assignment, perhaps you meant \"==\"?";
                        return Err(self.error_at(msg, e.span.to(eq)));
                    }
                    let e = if self.at(&Token::For) {
                        let generators = self.for_if_clauses()?;
                        let span = e.span.to(self.prev_span());
                        genexp.get_or_insert(span);
                        Expr::new(
                            ExprKind::GeneratorExp {
                                elt: Box::new(e),
                                generators,
                            },
                            span,
                        )
                    } else {
                        e
                    };
                    if !keywords.is_empty() && order_error.is_none() {
                        order_error = Some(if kw_unpack_seen {
                            "positional argument follows keyword argument unpacking"
                        } else {
                            "positional argument follows keyword argument"
                        });
                    }
                    args.push(e);
                }
            }
            if !self.eat(&Token::Comma) {
                break;
            }
        }
        if let Some(g) = genexp {
            if count > 1 || self.prev_is_comma() {
                return Err(self.error_at("Generator expression must be parenthesized", g));
            }
        }
        if !self.at(&Token::RPar) {
            return Err(self.invalid_syntax());
        }
        if let Some(msg) = order_error {
            return Err(self.error_at(msg, self.span()));
        }
        let close = self.bump();
        if let (Some(_), [only]) = (genexp, args.as_mut_slice()) {
            // A lone generator argument owns the call's parentheses, as in CPython.
            only.span = open.to(close);
        }
        let span = func.span.to(close);
        Ok(Expr::new(
            ExprKind::Call {
                func: Box::new(func),
                args,
                keywords,
            },
            span,
        ))
    }

    fn prev_is_comma(&self) -> bool {
        self.pos
            .checked_sub(1)
            .and_then(|i| self.toks.get(i))
            .is_some_and(|(t, _)| t == &Token::Comma)
    }
}

mod ast_name {
    pub(crate) use crate::parser::ast::Name;
}
