//! Expressions: one function per precedence level of CPython 3.11's grammar, lowest first
//! (lambda < if-else < or < and < not < comparison < | < ^ < & < shifts < + - < * / // % @
//! < unary < ** < await < primary). Left-associative levels loop instead of recursing, so
//! only real nesting (parentheses, unary chains, `**`, lambdas) uses the Rust stack.

use super::ast::{BinOp, BoolOpKind, CmpOp, Constant, Expr, ExprKind, UnaryOp};
use super::{PResult, Parser};
use crate::lexer::token::Token;
use crate::source::Span;

fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl<'a> Parser<'a> {
    /// `star_expressions -> star_expression (',' star_expression)* [',']`
    /// A bare comma list becomes a Tuple spanning its elements.
    pub(crate) fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.star_expression()?;
        if !self.at(&Token::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(&Token::Comma) {
            if !self.starts_expression() {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(self.bare_tuple(elts, start))
    }

    /// A Tuple written without parentheses: its span runs from the first element to the
    /// last token consumed (a trailing comma included, as CPython does).
    pub(crate) fn bare_tuple(&self, elts: Vec<Expr>, start: Span) -> Expr {
        Expr::new(ExprKind::Tuple(elts), self.since(start))
    }

    /// From the token `start` to the last token consumed. Nodes take their spans from
    /// tokens, not from their children, so `(a) + b` starts at the parenthesis as in CPython.
    pub(crate) fn since(&self, start: Span) -> Span {
        start.to(self.prev_span())
    }

    /// `star_expression -> '*' bitwise_or | expression`
    pub(crate) fn star_expression(&mut self) -> PResult<Expr> {
        if self.at(&Token::Star) {
            let s = self.bump();
            let v = self.bitwise_or()?;
            let span = self.since(s);
            return Ok(Expr::new(ExprKind::Starred(bx(v)), span));
        }
        self.expression()
    }

    /// `star_named_expression -> '*' bitwise_or | named_expression`
    pub(crate) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at(&Token::Star) {
            let s = self.bump();
            let v = self.bitwise_or()?;
            let span = self.since(s);
            return Ok(Expr::new(ExprKind::Starred(bx(v)), span));
        }
        self.named_expression()
    }

    /// `named_expression -> NAME ':=' expression | expression !':='`
    pub(crate) fn named_expression(&mut self) -> PResult<Expr> {
        if let (Token::Name(n), Token::ColonEqual) = (self.peek(), self.peek_at(1)) {
            let start = self.bump();
            self.bump();
            let value = self.expression()?;
            let span = self.since(start);
            return Ok(Expr::new(
                ExprKind::NamedExpr {
                    target: n.clone(),
                    value: bx(value),
                },
                span,
            ));
        }
        let e = self.expression()?;
        if self.at(&Token::ColonEqual) {
            let msg = format!(
                "cannot use assignment expressions with {}",
                super::error::expr_name(&e)
            );
            return Err(self.error_at(msg, e.span));
        }
        Ok(e)
    }

    /// A named_expression where a following `=` is a mistake for `==` (conditions, display
    /// elements, subscripts): reports CPython's `Maybe you meant '==' …` errors.
    pub(crate) fn named_expression_no_eq(&mut self) -> PResult<Expr> {
        let e = self.named_expression()?;
        if self.at(&Token::Equal) {
            return Err(self.misplaced_equal(&e));
        }
        Ok(e)
    }

    /// `expression -> lambdef | disjunction ['if' disjunction 'else' expression]`
    pub(crate) fn expression(&mut self) -> PResult<Expr> {
        self.nested(|p| {
            let e = p.expression_inner()?;
            if p.level > 0 && p.starts_juxtaposed() && !p.legacy_name_string(&e) {
                return Err(p.forgot_comma(e));
            }
            Ok(e)
        })
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at(&Token::Lambda) {
            return self.lambdef();
        }
        let start = self.span();
        let body = self.disjunction()?;
        if !self.at(&Token::If) {
            return Ok(body);
        }
        self.bump();
        let test = self.disjunction()?;
        if !self.eat(&Token::Else) {
            if self.at(&Token::Colon) {
                return Err(self.invalid_syntax());
            }
            let span = body.span.to(test.span);
            return Err(self.error_at("expected 'else' after 'if' expression", span));
        }
        let orelse = self.expression()?;
        let span = self.since(start);
        Ok(Expr::new(
            ExprKind::IfExp {
                test: bx(test),
                body: bx(body),
                orelse: bx(orelse),
            },
            span,
        ))
    }

    /// `lambdef -> 'lambda' [lambda_params] ':' expression`
    fn lambdef(&mut self) -> PResult<Expr> {
        let start = self.bump();
        let args = self.parameters(false)?;
        self.expect(&Token::Colon)?;
        let body = self.expression()?;
        let span = self.since(start);
        Ok(Expr::new(
            ExprKind::Lambda {
                args: Box::new(args),
                body: bx(body),
            },
            span,
        ))
    }

    /// `disjunction -> conjunction ('or' conjunction)*`
    pub(crate) fn disjunction(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.conjunction()?;
        if !self.at(&Token::Or) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(&Token::Or) {
            values.push(self.conjunction()?);
        }
        Ok(Expr::new(
            ExprKind::BoolOp {
                op: BoolOpKind::Or,
                values,
            },
            self.since(start),
        ))
    }

    /// `conjunction -> inversion ('and' inversion)*`
    fn conjunction(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.inversion()?;
        if !self.at(&Token::And) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(&Token::And) {
            values.push(self.inversion()?);
        }
        Ok(Expr::new(
            ExprKind::BoolOp {
                op: BoolOpKind::And,
                values,
            },
            self.since(start),
        ))
    }

    /// `inversion -> 'not' inversion | comparison`
    fn inversion(&mut self) -> PResult<Expr> {
        if self.at(&Token::Not) {
            let start = self.bump();
            let operand = self.nested(|p| p.inversion())?;
            let span = self.since(start);
            return Ok(Expr::new(
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: bx(operand),
                },
                span,
            ));
        }
        self.comparison()
    }

    /// `comparison -> bitwise_or (compare_op bitwise_or)*`
    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.span();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some(op) = self.compare_op() {
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let span = self.since(start);
        Ok(Expr::new(
            ExprKind::Compare {
                left: bx(left),
                ops,
                comparators,
            },
            span,
        ))
    }

    /// `compare_op -> '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in' | 'is' ['not']`
    fn compare_op(&mut self) -> Option<CmpOp> {
        let op = match self.peek() {
            Token::EqEqual => CmpOp::Eq,
            Token::NotEqual => CmpOp::NotEq,
            Token::Less => CmpOp::Lt,
            Token::LessEqual => CmpOp::LtE,
            Token::Greater => CmpOp::Gt,
            Token::GreaterEqual => CmpOp::GtE,
            Token::In => CmpOp::In,
            Token::Not if self.peek_at(1) == &Token::In => {
                self.bump();
                CmpOp::NotIn
            }
            Token::Is if self.peek_at(1) == &Token::Not => {
                self.bump();
                CmpOp::IsNot
            }
            Token::Is => CmpOp::Is,
            _ => return None,
        };
        self.bump();
        Some(op)
    }

    /// `bitwise_or -> bitwise_xor ('|' bitwise_xor)*` and the binary levels below it:
    /// `bitwise_xor -> bitwise_and ('^' …)*`, `bitwise_and -> shift_expr ('&' …)*`,
    /// `shift_expr -> sum (('<<'|'>>') …)*`, `sum -> term (('+'|'-') …)*`,
    /// `term -> factor (('*'|'/'|'//'|'%'|'@') factor)*`.
    pub(crate) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary_level(0)
    }

    fn binary_level(&mut self, level: usize) -> PResult<Expr> {
        if level >= BINARY_LEVELS.len() {
            return self.factor();
        }
        let start = self.span();
        let mut left = self.binary_level(level + 1)?;
        let mut chain = 0;
        while let Some(op) = binary_op(level, self.peek()) {
            self.bump();
            chain += 1;
            self.check_chain(chain)?;
            let right = self.binary_level(level + 1)?;
            let span = self.since(start);
            left = Expr::new(
                ExprKind::BinOp {
                    left: bx(left),
                    op,
                    right: bx(right),
                },
                span,
            );
        }
        Ok(left)
    }

    /// `factor -> ('+' | '-' | '~') factor | power`
    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.peek() {
            Token::Plus => UnaryOp::UAdd,
            Token::Minus => UnaryOp::USub,
            Token::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.bump();
        let operand = self.nested(|p| p.factor())?;
        let span = self.since(start);
        Ok(Expr::new(
            ExprKind::UnaryOp {
                op,
                operand: bx(operand),
            },
            span,
        ))
    }

    /// `power -> await_primary ['**' factor]`
    fn power(&mut self) -> PResult<Expr> {
        let start = self.span();
        let left = self.await_primary()?;
        if !self.eat(&Token::DoubleStar) {
            return Ok(left);
        }
        let right = self.nested(|p| p.factor())?;
        let span = self.since(start);
        Ok(Expr::new(
            ExprKind::BinOp {
                left: bx(left),
                op: BinOp::Pow,
                right: bx(right),
            },
            span,
        ))
    }

    /// `await_primary -> 'await' primary | primary`; pyt has no coroutines, so `await` is
    /// rejected with a clear message.
    fn await_primary(&mut self) -> PResult<Expr> {
        if self.at(&Token::Await) {
            return Err(self.error_at("'await' is not supported by pyt", self.span()));
        }
        self.primary()
    }

    /// `primary -> atom ('.' NAME | '(' [arguments] ')' | '[' slices ']')*`
    pub(crate) fn primary(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut e = self.atom()?;
        let mut chain = 0;
        loop {
            match self.peek() {
                Token::Dot => {
                    self.bump();
                    let (attr, s) = self.name()?;
                    let _ = s;
                    let span = self.since(start);
                    e = Expr::new(ExprKind::Attribute { value: bx(e), attr }, span);
                }
                Token::LPar => {
                    self.bump();
                    e = self.call_arguments(e)?;
                    e.span = self.since(start);
                }
                Token::LSqb => {
                    self.bump();
                    self.level += 1;
                    let slice = self.slices();
                    self.level -= 1;
                    let slice = slice?;
                    let end = self.expect(&Token::RSqb)?;
                    let _ = end;
                    let span = self.since(start);
                    e = Expr::new(
                        ExprKind::Subscript {
                            value: bx(e),
                            slice: bx(slice),
                        },
                        span,
                    );
                }
                _ => break,
            }
            chain += 1;
            self.check_chain(chain)?;
        }
        Ok(e)
    }

    /// `slices -> slice !',' | ','.(slice | starred_expression)+ [',']`
    fn slices(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.slice()?;
        if !self.at(&Token::Comma) {
            // `a[*b]` is a one-element tuple, as in CPython 3.11.
            if matches!(first.kind, ExprKind::Starred(_)) {
                let span = first.span;
                return Ok(Expr::new(ExprKind::Tuple(vec![first]), span));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(&Token::Comma) {
            if self.at(&Token::RSqb) {
                break;
            }
            elts.push(self.slice()?);
        }
        Ok(self.bare_tuple(elts, start))
    }

    /// `slice -> [expression] ':' [expression] [':' [expression]] | named_expression`
    fn slice(&mut self) -> PResult<Expr> {
        if self.at(&Token::Star) {
            return self.star_named_expression();
        }
        let start = self.span();
        let lower = if self.at(&Token::Colon) {
            None
        } else {
            let e = self.named_expression_no_eq()?;
            if !self.at(&Token::Colon) {
                return Ok(e);
            }
            Some(bx(e))
        };
        self.bump();
        let upper = self.optional_slice_part()?;
        let mut step = None;
        if self.eat(&Token::Colon) {
            step = self.optional_slice_part()?;
        }
        let span = start.to(self.prev_span());
        Ok(Expr::new(ExprKind::Slice { lower, upper, step }, span))
    }

    fn optional_slice_part(&mut self) -> PResult<Option<Box<Expr>>> {
        if matches!(self.peek(), Token::Colon | Token::Comma | Token::RSqb) {
            Ok(None)
        } else {
            Ok(Some(bx(self.expression()?)))
        }
    }

    /// True when the current token can begin an expression.
    pub(crate) fn starts_expression(&self) -> bool {
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
                | Token::Ellipsis
                | Token::LPar
                | Token::LSqb
                | Token::LBrace
                | Token::Minus
                | Token::Plus
                | Token::Tilde
                | Token::Not
                | Token::Lambda
                | Token::Await
                | Token::Star
        )
    }

    /// True when the current token begins an expression but cannot continue the previous
    /// one: inside brackets that means a forgotten comma.
    fn starts_juxtaposed(&self) -> bool {
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
                | Token::Ellipsis
                | Token::LBrace
                | Token::Tilde
                | Token::Lambda
        )
    }

    /// CPython does not suggest a comma for `NAME STRING` (a legacy `print "x"`).
    fn legacy_name_string(&self, e: &Expr) -> bool {
        matches!(e.kind, ExprKind::Name(_))
            && matches!(
                self.peek(),
                Token::Str(_) | Token::Bytes(_) | Token::FString(_)
            )
    }

    /// `invalid syntax. Perhaps you forgot a comma?` spanning both expressions.
    fn forgot_comma(&mut self, a: Expr) -> super::Diagnostic {
        let here = self.span();
        let b_end = match self.expression_inner() {
            Ok(b) => b.span,
            Err(_) => here,
        };
        self.error_at(
            "invalid syntax. Perhaps you forgot a comma?",
            a.span.to(b_end),
        )
    }
}

/// Binary operator levels from loosest (`|`) to tightest (`*`), for `binary_level`.
const BINARY_LEVELS: [&[(Token, BinOp)]; 6] = [
    &[(Token::Pipe, BinOp::BitOr)],
    &[(Token::Caret, BinOp::BitXor)],
    &[(Token::Amper, BinOp::BitAnd)],
    &[
        (Token::LeftShift, BinOp::LShift),
        (Token::RightShift, BinOp::RShift),
    ],
    &[(Token::Plus, BinOp::Add), (Token::Minus, BinOp::Sub)],
    &[
        (Token::Star, BinOp::Mult),
        (Token::Slash, BinOp::Div),
        (Token::DoubleSlash, BinOp::FloorDiv),
        (Token::Percent, BinOp::Mod),
        (Token::At, BinOp::MatMult),
    ],
];

fn binary_op(level: usize, t: &Token) -> Option<BinOp> {
    BINARY_LEVELS
        .get(level)?
        .iter()
        .find(|(tok, _)| tok == t)
        .map(|(_, op)| *op)
}

/// A Constant expression.
pub(crate) fn constant(c: Constant, span: Span) -> Expr {
    Expr::new(ExprKind::Constant(c), span)
}
