//! Code generation for expressions: operators, comparisons, calls, displays, f-strings,
//! yields, and conditional jumps on boolean expressions.
//!
//! Each instruction that can fail carries the span CPython 3.11 would underline: a call's
//! `Call` the whole call, a `BinaryOp` the whole BinOp, `LoadAttr` the attribute expression.

use super::bytecode::{ConstValue, Instr, Label};
use super::symtable::{ScopeKind, STACK_GROW_SIZE, STACK_RED_ZONE};
use super::{Compiler, Ctx};
use crate::diagnostics::Diagnostic;
use crate::parser::ast::{self, BoolOpKind, Expr, ExprKind, UnaryOp};
use crate::source::Span;
use std::collections::HashSet;

impl<'a> Compiler<'a> {
    pub(crate) fn compile_expr(&mut self, e: &'a Expr) -> Result<(), Diagnostic> {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW_SIZE, || {
            self.compile_expr_inner(e)
        })
    }

    fn compile_expr_inner(&mut self, e: &'a Expr) -> Result<(), Diagnostic> {
        if let Some(c) = self.const_of(e) {
            self.load_const(c, e.span);
            return Ok(());
        }
        let span = e.span;
        match &e.kind {
            ExprKind::Constant(_) => {} // handled by const_of
            ExprKind::Name(n) => self.name_op(n, Ctx::Load, span)?,
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                for (i, v) in values.iter().enumerate() {
                    self.compile_expr(v)?;
                    if i + 1 < values.len() {
                        let j = match op {
                            BoolOpKind::And => Instr::JumpIfFalseOrPop(end),
                            BoolOpKind::Or => Instr::JumpIfTrueOrPop(end),
                        };
                        self.emit(j, span);
                    }
                }
                self.place(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.compile_expr(value)?;
                self.emit(Instr::Dup, span);
                // The target is the walrus's first token.
                let target_span = Span {
                    start: span.start,
                    end: span.start.saturating_add(target.len() as u32).min(span.end),
                };
                self.name_op(target, Ctx::Store, target_span)?;
            }
            ExprKind::BinOp { left, op, right } => {
                self.compile_expr(left)?;
                self.compile_expr(right)?;
                self.emit(self.binop_instr(*op, false), span);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.compile_expr(operand)?;
                let i = match op {
                    UnaryOp::Invert => Instr::UnaryInvert,
                    UnaryOp::Not => Instr::UnaryNot,
                    UnaryOp::UAdd => Instr::UnaryPositive,
                    UnaryOp::USub => Instr::UnaryNegative,
                };
                self.emit(i, span);
            }
            ExprKind::Lambda { args, body } => self.compile_lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let else_l = self.new_label();
                let end = self.new_label();
                self.compile_jump_if(test, false, else_l)?;
                self.compile_expr(body)?;
                self.emit(Instr::Jump(end), span);
                self.place(else_l);
                self.compile_expr(orelse)?;
                self.place(end);
            }
            ExprKind::Dict { keys, values } => self.compile_dict(keys, values, span)?,
            ExprKind::Set(items) => self.compile_sequence(items, SeqKind::Set, span)?,
            ExprKind::List(items) => self.compile_sequence(items, SeqKind::List, span)?,
            ExprKind::Tuple(items) => self.compile_sequence(items, SeqKind::Tuple, span)?,
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => self.compile_comprehension(e)?,
            ExprKind::Await(_) => {
                let msg = if self.scope_kind() == ScopeKind::Function {
                    "'await' outside async function"
                } else {
                    "'await' outside function"
                };
                return Err(Diagnostic::syntax(msg, span));
            }
            ExprKind::Yield(v) => {
                self.check_yield(span)?;
                match v {
                    Some(v) => self.compile_expr(v)?,
                    None => self.load_const(ConstValue::None, span),
                }
                self.emit(Instr::YieldValue, span);
            }
            ExprKind::YieldFrom(v) => {
                self.check_yield(span)?;
                self.compile_expr(v)?;
                self.emit(Instr::GetYieldFromIter, span);
                self.load_const(ConstValue::None, span);
                self.emit(Instr::YieldFrom, span);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compile_compare(left, ops, comparators, span)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.compile_call(func, args, keywords, span)?,
            ExprKind::JoinedStr(parts) => {
                for p in parts {
                    self.compile_expr(p)?;
                }
                match parts.len() {
                    0 => self.load_const(ConstValue::Str("".into()), span),
                    1 => {}
                    n => self.emit(Instr::BuildString(n as u32), span),
                }
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                if let ExprKind::Starred(_) = value.kind {
                    return Err(Diagnostic::syntax(
                        "f-string: cannot use starred expression here",
                        value.span,
                    ));
                }
                self.compile_expr(value)?;
                if let Some(spec) = format_spec {
                    self.compile_expr(spec)?;
                }
                let conversion = match conversion {
                    None => 0,
                    Some('s') => 1,
                    Some('r') => 2,
                    Some('a') => 3,
                    Some(c) => {
                        return Err(Diagnostic::syntax(
                            format!("f-string: invalid conversion character '{c}': expected 's', 'r', or 'a'"),
                            span,
                        ))
                    }
                };
                self.emit(
                    Instr::FormatValue {
                        conversion,
                        has_spec: format_spec.is_some(),
                    },
                    span,
                );
            }
            ExprKind::Attribute { value, attr } => {
                self.compile_expr(value)?;
                let attr = self.mangle(attr);
                let i = self.add_name(&attr);
                self.emit(Instr::LoadAttr(i), span);
            }
            ExprKind::Subscript { value, slice } => {
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.emit(Instr::BinarySubscr, span);
            }
            ExprKind::Starred(_) => {
                return Err(Diagnostic::syntax(
                    "can't use starred expression here",
                    span,
                ))
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.compile_expr(p)?,
                        None => self.load_const(ConstValue::None, span),
                    }
                }
                let n = match step {
                    Some(s) => {
                        self.compile_expr(s)?;
                        3
                    }
                    None => 2,
                };
                self.emit(Instr::BuildSlice(n), span);
            }
        }
        Ok(())
    }

    fn check_yield(&self, span: Span) -> Result<(), Diagnostic> {
        if self.scope_kind() != ScopeKind::Function {
            return Err(Diagnostic::syntax("'yield' outside function", span));
        }
        Ok(())
    }

    /// Jump to `target` when `e` is truthy (`cond`) or falsy (`!cond`), without materialising
    /// a bool for `not`, `and` and `or`.
    pub(crate) fn compile_jump_if(
        &mut self,
        e: &'a Expr,
        cond: bool,
        target: Label,
    ) -> Result<(), Diagnostic> {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW_SIZE, || {
            self.compile_jump_if_inner(e, cond, target)
        })
    }

    fn compile_jump_if_inner(
        &mut self,
        e: &'a Expr,
        cond: bool,
        target: Label,
    ) -> Result<(), Diagnostic> {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => self.compile_jump_if(operand, !cond, target),
            ExprKind::BoolOp { op, values } => {
                let is_or = *op == BoolOpKind::Or;
                // For `a or b` jumping when true, every operand jumps straight to the target;
                // the mixed cases skip the rest through `next` as soon as the result is known.
                let next = self.new_label();
                let (last, init) = match values.split_last() {
                    Some(x) => x,
                    None => return Ok(()),
                };
                for v in init {
                    if is_or == cond {
                        self.compile_jump_if(v, cond, target)?;
                    } else {
                        self.compile_jump_if(v, !cond, next)?;
                    }
                }
                self.compile_jump_if(last, cond, target)?;
                self.place(next);
                Ok(())
            }
            _ => {
                self.compile_expr(e)?;
                let j = if cond {
                    Instr::PopJumpIfTrue(target)
                } else {
                    Instr::PopJumpIfFalse(target)
                };
                self.emit(j, e.span);
                Ok(())
            }
        }
    }

    fn compile_compare(
        &mut self,
        left: &'a Expr,
        ops: &[ast::CmpOp],
        comparators: &'a [Expr],
        span: Span,
    ) -> Result<(), Diagnostic> {
        self.compile_expr(left)?;
        let n = ops.len().min(comparators.len());
        if n == 0 {
            return Ok(());
        }
        if n == 1 {
            self.compile_expr(&comparators[0])?;
            self.emit(Instr::CompareOp(ops[0]), span);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for i in 0..n - 1 {
            self.compile_expr(&comparators[i])?;
            self.emit(Instr::Dup, span);
            self.emit(Instr::Rot3, span);
            self.emit(Instr::CompareOp(ops[i]), span);
            self.emit(Instr::JumpIfFalseOrPop(cleanup), span);
        }
        self.compile_expr(&comparators[n - 1])?;
        self.emit(Instr::CompareOp(ops[n - 1]), span);
        self.emit(Instr::Jump(end), span);
        self.place(cleanup);
        self.emit(Instr::Rot2, span);
        self.emit(Instr::Pop, span);
        self.place(end);
        Ok(())
    }

    fn compile_call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
        span: Span,
    ) -> Result<(), Diagnostic> {
        check_keywords(keywords, span)?;
        let has_star = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        let has_dstar = keywords.iter().any(|k| k.arg.is_none());
        // `obj.meth(positional...)`: LoadMethod/CallMethod avoids a bound-method allocation.
        if let ExprKind::Attribute { value, attr } = &func.kind {
            if keywords.is_empty() && !has_star {
                self.compile_expr(value)?;
                let attr = self.mangle(attr);
                let i = self.add_name(&attr);
                self.emit(Instr::LoadMethod(i), func.span);
                for a in args {
                    self.compile_expr(a)?;
                }
                self.emit(Instr::CallMethod(args.len() as u32), span);
                return Ok(());
            }
        }
        self.compile_expr(func)?;
        if has_star || has_dstar {
            return self.compile_call_ex(args, keywords, span);
        }
        for a in args {
            self.compile_expr(a)?;
        }
        if keywords.is_empty() {
            self.emit(Instr::Call(args.len() as u32), span);
            return Ok(());
        }
        let mut names = Vec::new();
        for k in keywords {
            self.compile_expr(&k.value)?;
            if let Some(n) = &k.arg {
                names.push(ConstValue::Str(n.clone()));
            }
        }
        let kwnames = self.add_const(ConstValue::Tuple(names));
        self.emit(
            Instr::CallKw {
                argc: (args.len() + keywords.len()) as u32,
                kwnames,
            },
            span,
        );
        Ok(())
    }

    /// A call with `*args` or `**kwargs`: build the positional tuple and the keyword dict.
    fn compile_call_ex(
        &mut self,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
        span: Span,
    ) -> Result<(), Diagnostic> {
        self.compile_sequence(args, SeqKind::Tuple, span)?;
        if keywords.is_empty() {
            self.emit(Instr::CallEx { has_kwargs: false }, span);
            return Ok(());
        }
        let mut have_dict = false;
        let mut pending = 0u32;
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.load_const(ConstValue::Str(name.clone()), k.span);
                    self.compile_expr(&k.value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 || !have_dict {
                        self.emit(Instr::BuildMap(pending), span);
                        if have_dict {
                            self.emit(Instr::DictMerge(1), span);
                        }
                        have_dict = true;
                        pending = 0;
                    }
                    self.compile_expr(&k.value)?;
                    self.emit(Instr::DictMerge(1), k.span);
                }
            }
        }
        if pending > 0 {
            self.emit(Instr::BuildMap(pending), span);
            if have_dict {
                self.emit(Instr::DictMerge(1), span);
            }
        }
        self.emit(Instr::CallEx { has_kwargs: true }, span);
        Ok(())
    }

    /// A list/tuple/set display (or a call's positional arguments), with `*x` unpacking.
    pub(crate) fn compile_sequence(
        &mut self,
        items: &'a [Expr],
        kind: SeqKind,
        span: Span,
    ) -> Result<(), Diagnostic> {
        let star_at = items
            .iter()
            .position(|a| matches!(a.kind, ExprKind::Starred(_)));
        let Some(prefix) = star_at else {
            for it in items {
                self.compile_expr(it)?;
            }
            let n = items.len() as u32;
            let build = match kind {
                SeqKind::List => Instr::BuildList(n),
                SeqKind::Tuple => Instr::BuildTuple(n),
                SeqKind::Set => Instr::BuildSet(n),
            };
            self.emit(build, span);
            return Ok(());
        };
        for it in &items[..prefix] {
            self.compile_expr(it)?;
        }
        let set = kind == SeqKind::Set;
        self.emit(
            if set {
                Instr::BuildSet(prefix as u32)
            } else {
                Instr::BuildList(prefix as u32)
            },
            span,
        );
        for it in &items[prefix..] {
            match &it.kind {
                ExprKind::Starred(inner) => {
                    self.compile_expr(inner)?;
                    self.emit(
                        if set {
                            Instr::SetUpdate(1)
                        } else {
                            Instr::ListExtend(1)
                        },
                        it.span,
                    );
                }
                _ => {
                    self.compile_expr(it)?;
                    self.emit(
                        if set {
                            Instr::SetAdd(1)
                        } else {
                            Instr::ListAppend(1)
                        },
                        it.span,
                    );
                }
            }
        }
        if kind == SeqKind::Tuple {
            self.emit(Instr::ListToTuple, span);
        }
        Ok(())
    }

    fn compile_dict(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        span: Span,
    ) -> Result<(), Diagnostic> {
        let first_unpack = keys
            .iter()
            .position(|k| k.is_none())
            .unwrap_or(keys.len())
            .min(values.len());
        for (k, v) in keys.iter().zip(values).take(first_unpack) {
            if let Some(k) = k {
                self.compile_expr(k)?;
            }
            self.compile_expr(v)?;
        }
        self.emit(Instr::BuildMap(first_unpack as u32), span);
        for (k, v) in keys.iter().zip(values).skip(first_unpack) {
            match k {
                Some(k) => {
                    self.compile_expr(k)?;
                    self.compile_expr(v)?;
                    self.emit(Instr::MapAdd(1), span);
                }
                None => {
                    self.compile_expr(v)?;
                    self.emit(Instr::DictUpdate(1), v.span);
                }
            }
        }
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum SeqKind {
    List,
    Tuple,
    Set,
}

/// `f(a=1, a=2)` and `f(__debug__=1)` are SyntaxErrors (the latter reported at the call).
fn check_keywords(keywords: &[ast::Keyword], call: Span) -> Result<(), Diagnostic> {
    let mut seen = HashSet::new();
    for k in keywords {
        if let Some(n) = &k.arg {
            if &**n == "__debug__" {
                return Err(Diagnostic::syntax("cannot assign to __debug__", call));
            }
            if !seen.insert(n.clone()) {
                return Err(Diagnostic::syntax(
                    format!("keyword argument repeated: {n}"),
                    k.span,
                ));
            }
        }
    }
    Ok(())
}
