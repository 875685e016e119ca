//! Code generation for statements, including the unwinding that `return`, `break` and
//! `continue` do through `try`/`finally`, `with` and `except` blocks.
//!
//! `finally` bodies are inlined at every normal exit (fall-through, return, break, continue);
//! only the exceptional path runs the copy behind the `SetupExcept` handler (bytecode.rs).

use super::bytecode::{ConstValue, Instr};
use super::symtable::{ScopeKind, STACK_GROW_SIZE, STACK_RED_ZONE};
use super::{internal, Compiler, Ctx, FBlock, Mode};
use crate::diagnostics::Diagnostic;
use crate::parser::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use crate::source::Span;
use std::sync::Arc;

/// CPython's limits on star-unpacking targets: at most 255 names before the star and
/// `INT_MAX >> 8` after it (its UNPACK_EX packs both counts into one oparg).
const MAX_UNPACK_BEFORE_STAR: usize = (1 << 8) - 1;
const MAX_UNPACK_AFTER_STAR: usize = (i32::MAX >> 8) as usize - 1;

impl<'a> Compiler<'a> {
    pub(crate) fn compile_body(&mut self, body: &'a [Stmt]) -> Result<(), Diagnostic> {
        body.iter().try_for_each(|s| self.compile_stmt(s))
    }

    pub(crate) fn compile_stmt(&mut self, s: &'a Stmt) -> Result<(), Diagnostic> {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW_SIZE, || {
            self.compile_stmt_inner(s)
        })
    }

    fn compile_stmt_inner(&mut self, s: &'a Stmt) -> Result<(), Diagnostic> {
        let span = s.span;
        check_debug_binding(s)?;
        match &s.kind {
            StmtKind::Expr(e) => {
                let interactive = self.mode == Mode::Interactive && self.units.len() == 1;
                if interactive {
                    self.compile_expr(e)?;
                    self.emit(Instr::PrintExpr, span);
                } else if let ExprKind::Constant(_) = e.kind {
                    // A bare constant (a docstring-like string, `...`) has no effect.
                } else {
                    self.compile_expr(e)?;
                    self.emit(Instr::Pop, span);
                }
            }
            StmtKind::Assign { targets, value } => {
                if let [target] = targets.as_slice() {
                    if self.compile_swap_assign(target, value, span)? {
                        return Ok(());
                    }
                }
                self.compile_expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Dup, span);
                    }
                    self.compile_target(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => {
                self.compile_augassign(target, *op, value, span)?
            }
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(v) = value {
                    self.compile_expr(v)?;
                    self.compile_target(target)?;
                } else {
                    self.check_ann_target(target)?;
                }
            }
            StmtKind::Del(targets) => {
                for t in targets {
                    self.compile_delete(t)?;
                }
            }
            StmtKind::Pass => {}
            StmtKind::Break => self.compile_break(span)?,
            StmtKind::Continue => self.compile_continue(span)?,
            StmtKind::Return(value) => self.compile_return(value.as_ref(), span)?,
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                if orelse.is_empty() {
                    self.compile_jump_if(test, false, end)?;
                    self.compile_body(body)?;
                } else {
                    let else_l = self.new_label();
                    self.compile_jump_if(test, false, else_l)?;
                    self.compile_body(body)?;
                    self.emit(Instr::Jump(end), span);
                    self.place(else_l);
                    self.compile_body(orelse)?;
                }
                self.place(end);
            }
            StmtKind::While { test, body, orelse } => {
                // The test is compiled again at the bottom of the loop (as CPython does), so
                // each iteration takes one conditional jump instead of a jump plus a test.
                let body_l = self.new_label();
                let cont = self.new_label();
                let else_l = self.new_label();
                let end = self.new_label();
                let forever = is_const_true(test);
                if !forever {
                    self.compile_jump_if(test, false, else_l)?;
                }
                self.place(body_l);
                self.push_fblock(FBlock::While { start: cont, end }, span)?;
                self.compile_body(body)?;
                self.pop_fblock();
                self.place(cont);
                if forever {
                    self.emit(Instr::Jump(body_l), span);
                } else {
                    self.compile_jump_if(test, true, body_l)?;
                }
                self.place(else_l);
                self.compile_body(orelse)?;
                self.place(end);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                let start = self.new_label();
                let else_l = self.new_label();
                let end = self.new_label();
                self.compile_expr(iter)?;
                self.emit(Instr::GetIter, iter.span);
                self.place(start);
                self.emit(Instr::ForIter(else_l), iter.span);
                self.compile_target(target)?;
                self.push_fblock(FBlock::For { start, end }, span)?;
                self.compile_body(body)?;
                self.pop_fblock();
                self.emit(Instr::Jump(start), span);
                self.place(else_l);
                self.compile_body(orelse)?;
                self.place(end);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.compile_try_except(body, handlers, orelse, span)?;
                } else {
                    self.compile_try_finally(body, handlers, orelse, finalbody, span)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.compile_expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.compile_expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Instr::Raise(n), span);
            }
            StmtKind::Assert { test, msg } => {
                let ok = self.new_label();
                self.compile_jump_if(test, true, ok)?;
                // CPython reports a failed assert at the test expression.
                self.emit(Instr::LoadAssertionError, test.span);
                if let Some(m) = msg {
                    self.compile_expr(m)?;
                    self.emit(Instr::Call(1), test.span);
                }
                self.emit(Instr::Raise(1), test.span);
                self.place(ok);
            }
            StmtKind::Print { dest, values, nl } => self.compile_print(dest, values, *nl, span)?,
            StmtKind::Import(aliases) => self.compile_import(aliases, span)?,
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.compile_import_from(module.as_ref(), names, *level, span)?,
            StmtKind::FunctionDef(f) => self.compile_funcdef(f)?,
            StmtKind::ClassDef(c) => self.compile_classdef(c)?,
            StmtKind::With { items, body } => self.compile_with(items, body, span)?,
        }
        Ok(())
    }

    /// The instruction for a binary operator (`inplace` for augmented assignment): `/` in a
    /// Python 2 file is Python 2's division.
    pub(crate) fn binop_instr(&self, op: ast::BinOp, inplace: bool) -> Instr {
        match op {
            ast::BinOp::Div if self.py2 => Instr::Py2Divide(inplace),
            _ if inplace => Instr::InplaceOp(op),
            _ => Instr::BinaryOp(op),
        }
    }

    /// Python 2's print statement as CPython 2 compiles it: the destination once, then each
    /// item evaluated and printed in turn (`PrintItem`, the softspace rule at run time), then
    /// the line end unless a trailing comma dropped it.
    fn compile_print(
        &mut self,
        dest: &'a Option<Expr>,
        values: &'a [Expr],
        nl: bool,
        span: Span,
    ) -> Result<(), Diagnostic> {
        let to = dest.is_some();
        if let Some(d) = dest {
            self.compile_expr(d)?;
        }
        for v in values {
            if to {
                self.emit(Instr::Dup, span);
            }
            self.compile_expr(v)?;
            self.emit(Instr::PrintItem(to), span);
        }
        if nl {
            self.emit(Instr::PrintNewline(to), span);
        } else if to {
            self.emit(Instr::Pop, span);
        }
        Ok(())
    }

    /// `a, b = b, a` (2 or 3 names, no stars): evaluate the values left to right and store
    /// them with rotations instead of building and unpacking a tuple. Returns false when the
    /// statement does not have that shape.
    fn compile_swap_assign(
        &mut self,
        target: &'a Expr,
        value: &'a Expr,
        span: Span,
    ) -> Result<bool, Diagnostic> {
        let (ExprKind::Tuple(ts) | ExprKind::List(ts)) = &target.kind else {
            return Ok(false);
        };
        let (ExprKind::Tuple(vs) | ExprKind::List(vs)) = &value.kind else {
            return Ok(false);
        };
        let starred = |e: &Expr| matches!(e.kind, ExprKind::Starred(_));
        if ts.len() != vs.len() || !(2..=3).contains(&ts.len()) || ts.iter().chain(vs).any(starred)
        {
            return Ok(false);
        }
        for v in vs {
            self.compile_expr(v)?;
        }
        // Put the first value on top: a b -> b a;  a b c -> c a b -> c b a.
        if ts.len() == 3 {
            self.emit(Instr::Rot3, span);
        }
        self.emit(Instr::Rot2, span);
        for t in ts {
            self.compile_target(t)?;
        }
        Ok(true)
    }

    /// `x: int` with no value binds nothing at run time, but the target must still be valid.
    fn check_ann_target(&mut self, target: &'a Expr) -> Result<(), Diagnostic> {
        match &target.kind {
            ExprKind::Name(n) if &**n == "__debug__" => Err(Diagnostic::syntax(
                "cannot assign to __debug__",
                target.span,
            )),
            ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => {
                // CPython evaluates the object (and the subscript) but stores nothing.
                self.compile_expr(value)?;
                self.emit(Instr::Pop, target.span);
                Ok(())
            }
            _ => Ok(()),
        }
    }

    // ---- assignment ----

    /// Store the value on top of the stack into `t`.
    pub(crate) fn compile_target(&mut self, t: &'a Expr) -> Result<(), Diagnostic> {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW_SIZE, || {
            self.compile_target_inner(t)
        })
    }

    fn compile_target_inner(&mut self, t: &'a Expr) -> Result<(), Diagnostic> {
        match &t.kind {
            ExprKind::Name(n) => self.name_op(n, Ctx::Store, t.span),
            ExprKind::Attribute { value, attr } => {
                if &**attr == "__debug__" {
                    return Err(Diagnostic::syntax("cannot assign to __debug__", t.span));
                }
                self.compile_expr(value)?;
                let attr = self.mangle(attr);
                let i = self.add_name(&attr);
                self.emit(Instr::StoreAttr(i), t.span);
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.emit(Instr::StoreSubscr, t.span);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let stars: Vec<usize> = items
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| matches!(e.kind, ExprKind::Starred(_)))
                    .map(|(i, _)| i)
                    .collect();
                match stars.as_slice() {
                    [] => self.emit(Instr::UnpackSequence(items.len() as u32), t.span),
                    [i] => {
                        let before = *i;
                        let after = items.len() - before - 1;
                        if before > MAX_UNPACK_BEFORE_STAR || after > MAX_UNPACK_AFTER_STAR {
                            return Err(Diagnostic::syntax(
                                "too many expressions in star-unpacking assignment",
                                t.span,
                            ));
                        }
                        self.emit(
                            Instr::UnpackEx {
                                before: before as u32,
                                after: after as u32,
                            },
                            t.span,
                        );
                    }
                    [_, second, ..] => {
                        return Err(Diagnostic::syntax(
                            "multiple starred expressions in assignment",
                            items[*second].span,
                        ))
                    }
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.compile_target(inner)?,
                        _ => self.compile_target(item)?,
                    }
                }
                Ok(())
            }
            ExprKind::Starred(_) => Err(Diagnostic::syntax(
                "starred assignment target must be in a list or tuple",
                t.span,
            )),
            _ => Err(Diagnostic::syntax(
                format!("cannot assign to {}", expr_description(t)),
                t.span,
            )),
        }
    }

    fn compile_delete(&mut self, t: &'a Expr) -> Result<(), Diagnostic> {
        match &t.kind {
            ExprKind::Name(n) => self.name_op(n, Ctx::Del, t.span),
            ExprKind::Attribute { value, attr } => {
                self.compile_expr(value)?;
                let attr = self.mangle(attr);
                let i = self.add_name(&attr);
                self.emit(Instr::DeleteAttr(i), t.span);
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.emit(Instr::DeleteSubscr, t.span);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.compile_delete(i))
            }
            ExprKind::Starred(_) => Err(Diagnostic::syntax("cannot delete starred", t.span)),
            _ => Err(Diagnostic::syntax(
                format!("cannot delete {}", expr_description(t)),
                t.span,
            )),
        }
    }

    fn compile_augassign(
        &mut self,
        target: &'a Expr,
        op: ast::BinOp,
        value: &'a Expr,
        span: Span,
    ) -> Result<(), Diagnostic> {
        match &target.kind {
            ExprKind::Name(n) => {
                self.name_op(n, Ctx::Load, target.span)?;
                self.compile_expr(value)?;
                self.emit(self.binop_instr(op, true), span);
                self.name_op(n, Ctx::Store, target.span)
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.compile_expr(obj)?;
                let attr = self.mangle(attr);
                let i = self.add_name(&attr);
                self.emit(Instr::Dup, target.span);
                self.emit(Instr::LoadAttr(i), target.span);
                self.compile_expr(value)?;
                self.emit(self.binop_instr(op, true), span);
                self.emit(Instr::Rot2, span);
                self.emit(Instr::StoreAttr(i), target.span);
                Ok(())
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.compile_expr(obj)?;
                self.compile_expr(slice)?;
                self.emit(Instr::Dup2, target.span);
                self.emit(Instr::BinarySubscr, target.span);
                self.compile_expr(value)?;
                self.emit(self.binop_instr(op, true), span);
                self.emit(Instr::Rot3, span);
                self.emit(Instr::StoreSubscr, target.span);
                Ok(())
            }
            ExprKind::Tuple(_) | ExprKind::List(_) => Err(Diagnostic::syntax(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_description(target)
                ),
                target.span,
            )),
            _ => Err(Diagnostic::syntax(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_description(target)
                ),
                target.span,
            )),
        }
    }

    // ---- control flow exits ----

    /// Emit the code that leaves fblock `fb`; `preserve_tos` keeps a return value on top.
    fn unwind_fblock(
        &mut self,
        fb: &FBlock<'a>,
        preserve_tos: bool,
        span: Span,
    ) -> Result<(), Diagnostic> {
        match fb {
            FBlock::While { .. } | FBlock::For { .. } => {}
            FBlock::TryExcept => self.emit(Instr::PopBlock, span),
            FBlock::FinallyTry { body } => {
                self.emit(Instr::PopBlock, span);
                // A `break`/`continue`/`return` inside this inlined copy must first drop the
                // return value being carried past it.
                if preserve_tos {
                    self.push_fblock(FBlock::PopValue, span)?;
                }
                let r = self.compile_body(body);
                if preserve_tos {
                    self.pop_fblock();
                }
                r?;
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Instr::Rot2, span);
                }
                self.emit(Instr::Pop, span);
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Instr::Rot2, span);
                }
                self.emit(Instr::Pop, span);
                self.emit(Instr::PopExcept, span);
            }
            FBlock::With => {
                self.emit(Instr::PopBlock, span);
                if preserve_tos {
                    self.emit(Instr::Rot2, span);
                }
                self.emit(Instr::WithExit, span);
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.emit(Instr::PopBlock, span);
                }
                self.emit(Instr::PopExcept, span);
                if let Some(n) = name {
                    self.unbind(n, span)?;
                }
            }
        }
        Ok(())
    }

    /// `name = None; del name`: how an except clause's `as` name is unbound on the way out.
    fn unbind(&mut self, n: &ast::Name, span: Span) -> Result<(), Diagnostic> {
        self.load_const(ConstValue::None, span);
        self.name_op(n, Ctx::Store, span)?;
        self.name_op(n, Ctx::Del, span)
    }

    /// Unwind fblocks from the innermost outwards until `stop` says to stop at one (which is
    /// left in place); returns that one. While a block's exit code is compiled, only the blocks
    /// outside it are active, so a `return` inside an inlined finally unwinds correctly.
    fn unwind_until(
        &mut self,
        preserve_tos: bool,
        span: Span,
        stop: impl Fn(&FBlock<'a>) -> bool,
    ) -> Result<Option<FBlock<'a>>, Diagnostic> {
        let saved = self.unit().fblocks.clone();
        let mut found = None;
        let mut result = Ok(());
        while let Some(fb) = self.unit().fblocks.pop() {
            if stop(&fb) {
                found = Some(fb);
                break;
            }
            result = self.unwind_fblock(&fb, preserve_tos, span);
            if result.is_err() {
                break;
            }
        }
        self.unit().fblocks = saved;
        result.map(|_| found)
    }

    fn compile_return(&mut self, value: Option<&'a Expr>, span: Span) -> Result<(), Diagnostic> {
        if self.scope_kind() != ScopeKind::Function {
            return Err(Diagnostic::syntax("'return' outside function", span));
        }
        let const_value = value.and_then(|v| self.const_of(v));
        let preserve = value.is_some() && const_value.is_none();
        if let (Some(v), true) = (value, preserve) {
            self.compile_expr(v)?;
        }
        self.unwind_until(preserve, span, |_| false)?;
        match (value, const_value) {
            (None, _) => self.load_const(ConstValue::None, span),
            (Some(_), Some(c)) => self.load_const(c, span),
            _ => {}
        }
        self.emit(Instr::ReturnValue, span);
        Ok(())
    }

    fn compile_break(&mut self, span: Span) -> Result<(), Diagnostic> {
        let is_loop = |fb: &FBlock| matches!(fb, FBlock::While { .. } | FBlock::For { .. });
        match self.unwind_until(false, span, is_loop)? {
            Some(FBlock::For { end, .. }) => {
                self.emit(Instr::Pop, span);
                self.emit(Instr::Jump(end), span);
            }
            Some(FBlock::While { end, .. }) => self.emit(Instr::Jump(end), span),
            _ => return Err(Diagnostic::syntax("'break' outside loop", span)),
        }
        Ok(())
    }

    fn compile_continue(&mut self, span: Span) -> Result<(), Diagnostic> {
        let is_loop = |fb: &FBlock| matches!(fb, FBlock::While { .. } | FBlock::For { .. });
        match self.unwind_until(false, span, is_loop)? {
            Some(FBlock::For { start, .. }) | Some(FBlock::While { start, .. }) => {
                self.emit(Instr::Jump(start), span)
            }
            _ => return Err(Diagnostic::syntax("'continue' not properly in loop", span)),
        }
        Ok(())
    }

    // ---- try / with ----

    fn compile_try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        span: Span,
    ) -> Result<(), Diagnostic> {
        if handlers.is_empty() {
            self.compile_body(body)?;
            return self.compile_body(orelse);
        }
        let handler_l = self.new_label();
        let end = self.new_label();
        self.emit(Instr::SetupExcept(handler_l), span);
        self.push_fblock(FBlock::TryExcept, span)?;
        self.compile_body(body)?;
        self.pop_fblock();
        self.emit(Instr::PopBlock, span);
        self.compile_body(orelse)?;
        self.emit(Instr::Jump(end), span);
        // The exception is on the stack and an ExceptHandler block is active.
        self.place(handler_l);
        for (i, h) in handlers.iter().enumerate() {
            if h.typ.is_none() && i + 1 < handlers.len() {
                return Err(Diagnostic::syntax("default 'except:' must be last", h.span));
            }
            let next = self.new_label();
            if let Some(t) = &h.typ {
                self.compile_expr(t)?;
                self.emit(Instr::CheckExcMatch, h.span);
                self.emit(Instr::PopJumpIfFalse(next), h.span);
            }
            match &h.name {
                Some(n) => self.name_op(n, Ctx::Store, h.span)?,
                None => self.emit(Instr::Pop, h.span),
            }
            // With `as name`, the body is protected so that the name is also unbound when
            // the body raises (CPython's `try: body finally: name = None; del name`).
            let cleanup = self.new_label();
            if h.name.is_some() {
                self.emit(Instr::SetupExcept(cleanup), h.span);
            }
            self.push_fblock(
                FBlock::HandlerCleanup {
                    name: h.name.clone(),
                },
                h.span,
            )?;
            self.compile_body(&h.body)?;
            self.pop_fblock();
            let last = h.body.last().map_or(h.span, |s| s.span);
            if h.name.is_some() {
                self.emit(Instr::PopBlock, last);
            }
            self.emit(Instr::PopExcept, last);
            if let Some(n) = &h.name {
                self.unbind(n, last)?;
                self.emit(Instr::Jump(end), last);
                self.place(cleanup);
                self.unbind(n, last)?;
                self.emit(Instr::Reraise, last);
            } else {
                self.emit(Instr::Jump(end), last);
            }
            self.place(next);
        }
        // No clause matched (or the last was typed and failed): re-raise.
        self.emit(Instr::Reraise, span);
        self.place(end);
        Ok(())
    }

    fn compile_try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        span: Span,
    ) -> Result<(), Diagnostic> {
        let handler_l = self.new_label();
        let end = self.new_label();
        self.emit(Instr::SetupExcept(handler_l), span);
        self.push_fblock(FBlock::FinallyTry { body: finalbody }, span)?;
        self.compile_try_except(body, handlers, orelse, span)?;
        self.pop_fblock();
        self.emit(Instr::PopBlock, span);
        self.compile_body(finalbody)?;
        self.emit(Instr::Jump(end), span);
        self.place(handler_l);
        self.push_fblock(FBlock::FinallyEnd, span)?;
        self.compile_body(finalbody)?;
        self.pop_fblock();
        self.emit(Instr::Reraise, span);
        self.place(end);
        Ok(())
    }

    fn compile_with(
        &mut self,
        items: &'a [ast::WithItem],
        body: &'a [Stmt],
        span: Span,
    ) -> Result<(), Diagnostic> {
        let Some((item, rest)) = items.split_first() else {
            return self.compile_body(body);
        };
        let handler_l = self.new_label();
        let suppress = self.new_label();
        let end = self.new_label();
        self.compile_expr(&item.context_expr)?;
        self.emit(Instr::BeforeWith(handler_l), item.context_expr.span);
        match &item.optional_vars {
            Some(t) => self.compile_target(t)?,
            None => self.emit(Instr::Pop, span),
        }
        self.push_fblock(FBlock::With, span)?;
        if rest.is_empty() {
            self.compile_body(body)?;
        } else {
            self.compile_with(rest, body, span)?;
        }
        self.pop_fblock();
        self.emit(Instr::PopBlock, span);
        self.emit(Instr::WithExit, span);
        self.emit(Instr::Jump(end), span);
        self.place(handler_l);
        self.emit(Instr::WithExceptStart, span);
        self.emit(Instr::PopJumpIfTrue(suppress), span);
        self.emit(Instr::Reraise, span);
        self.place(suppress);
        self.emit(Instr::PopExcept, span);
        self.emit(Instr::Pop, span);
        self.emit(Instr::Pop, span);
        self.place(end);
        Ok(())
    }

    // ---- imports ----

    /// Import instructions carry the whole statement's span: CPython reports a failed import
    /// at the statement, without markers.
    fn compile_import(&mut self, aliases: &'a [ast::Alias], span: Span) -> Result<(), Diagnostic> {
        for a in aliases {
            self.load_const(ConstValue::None, span);
            let name = self.add_name(&a.name);
            self.emit(Instr::ImportName { name, level: 0 }, span);
            match &a.asname {
                None => {
                    let top: ast::Name = Arc::from(a.name.split('.').next().unwrap_or(&a.name));
                    self.name_op(&top, Ctx::Store, a.span)?;
                }
                Some(asname) => {
                    // `import a.b.c as d`: ImportName pushed `a`; walk down with ImportFrom.
                    for part in a.name.split('.').skip(1) {
                        let i = self.add_name(&Arc::from(part));
                        self.emit(Instr::ImportFrom(i), span);
                        self.emit(Instr::Rot2, a.span);
                        self.emit(Instr::Pop, a.span);
                    }
                    self.name_op(asname, Ctx::Store, a.span)?;
                }
            }
        }
        Ok(())
    }

    fn compile_import_from(
        &mut self,
        module: Option<&ast::Name>,
        names: &'a [ast::Alias],
        level: u32,
        span: Span,
    ) -> Result<(), Diagnostic> {
        let fromlist = names
            .iter()
            .map(|a| ConstValue::Str(a.name.clone()))
            .collect();
        self.load_const(ConstValue::Tuple(fromlist), span);
        let modname = module.cloned().unwrap_or_else(|| Arc::from(""));
        let name = self.add_name(&modname);
        self.emit(Instr::ImportName { name, level }, span);
        if let [star] = names {
            if &*star.name == "*" {
                if self.scope_kind() != ScopeKind::Module {
                    return Err(internal(span, "import * outside module"));
                }
                self.emit(Instr::ImportStar, span);
                return Ok(());
            }
        }
        for a in names {
            let i = self.add_name(&a.name);
            self.emit(Instr::ImportFrom(i), span);
            let bound = a.asname.as_ref().unwrap_or(&a.name);
            self.name_op(bound, Ctx::Store, a.span)?;
        }
        self.emit(Instr::Pop, span);
        Ok(())
    }
}

/// A statement that binds `__debug__` itself (import alias, def or class name) is an error
/// reported at the whole statement, as CPython does.
fn check_debug_binding(s: &Stmt) -> Result<(), Diagnostic> {
    let is_debug = |n: &ast::Name| &**n == "__debug__";
    let binds = match &s.kind {
        StmtKind::Import(aliases) => aliases.iter().any(|a| match &a.asname {
            Some(n) => is_debug(n),
            None => is_debug(&a.name),
        }),
        StmtKind::ImportFrom { names, .. } => names
            .iter()
            .any(|a| is_debug(a.asname.as_ref().unwrap_or(&a.name))),
        StmtKind::FunctionDef(f) => is_debug(&f.name),
        StmtKind::ClassDef(c) => is_debug(&c.name),
        _ => false,
    };
    if binds {
        return Err(Diagnostic::syntax("cannot assign to __debug__", s.span));
    }
    Ok(())
}

fn is_const_true(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(ast::Constant::True) => true,
        ExprKind::Constant(ast::Constant::Int(crate::lexer::token::IntLit::Small(n))) => *n != 0,
        _ => false,
    }
}

/// CPython's name for an expression kind in "cannot assign to …" messages.
pub(crate) fn expr_description(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Call { .. } => "function call",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(ast::Constant::None) => "None",
        ExprKind::Constant(ast::Constant::True) => "True",
        ExprKind::Constant(ast::Constant::False) => "False",
        ExprKind::Constant(ast::Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Slice { .. } => "slice",
    }
}
