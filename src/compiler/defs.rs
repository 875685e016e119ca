//! Code generation for everything that makes a new code object: `def`, `lambda`, `class`
//! bodies and comprehensions (each comprehension is its own function scope, as in CPython
//! 3.11, called with its outermost iterator as the single argument `.0`).

use super::bytecode::CodeObject;
use super::bytecode::{
    CodeKind, ConstValue, Instr, MAKE_FN_CLOSURE, MAKE_FN_DEFAULTS, MAKE_FN_KWDEFAULTS,
};
use super::symtable::{node_key, Resolved, ScopeId, ScopeKind};
use super::{docstring_of, internal, Compiler, Ctx};
use crate::diagnostics::Diagnostic;
use crate::parser::ast::{self, Expr, ExprKind, Name};
use crate::source::Span;
use std::sync::Arc;

impl<'a> Compiler<'a> {
    /// CPython's `__qualname__` of a new scope named `name` opened inside the current unit.
    fn qualname_for(&self, name: &Name, is_def_or_class: bool) -> Name {
        if self.units.len() <= 1 {
            return name.clone();
        }
        let parent = self.unit_ref();
        if is_def_or_class {
            let mangled = self.mangle(name);
            if self.table.scopes[parent.scope].lookup(&mangled) == Resolved::GlobalExplicit {
                return name.clone();
            }
        }
        let psc = &self.table.scopes[parent.scope];
        if psc.kind == ScopeKind::Function && !psc.is_comprehension {
            Arc::from(format!("{}.<locals>.{}", parent.qualname, name))
        } else {
            Arc::from(format!("{}.{}", parent.qualname, name))
        }
    }

    /// A code object already compiled for this AST node (a finally body is compiled once per
    /// exit path; its nested functions are built once and shared).
    fn cached_code<T>(&self, node: &T) -> Option<Arc<CodeObject>> {
        self.code_cache.get(&node_key(node)).cloned()
    }

    fn cache_code<T>(&mut self, node: &T, code: CodeObject) -> Arc<CodeObject> {
        let code = Arc::new(code);
        self.code_cache.insert(node_key(node), code.clone());
        code
    }

    fn line_of(&self, span: Span) -> u32 {
        self.src.line_of(span.start)
    }

    /// Push the closure tuple a child code object needs, if any; returns the MakeFunction flag.
    fn make_closure(
        &mut self,
        code: &super::bytecode::CodeObject,
        span: Span,
    ) -> Result<u32, Diagnostic> {
        if code.freevars.is_empty() {
            return Ok(0);
        }
        for fv in &code.freevars {
            let slot = self
                .deref_slot(fv)
                .ok_or_else(|| internal(span, &format!("no cell for free variable '{fv}'")))?;
            self.emit(Instr::LoadClosure(slot), span);
        }
        self.emit(Instr::BuildTuple(code.freevars.len() as u32), span);
        Ok(MAKE_FN_CLOSURE)
    }

    /// Push the defaults tuple and kw-defaults dict of a parameter list; returns the flags.
    fn compile_defaults(
        &mut self,
        args: &'a ast::Arguments,
        span: Span,
    ) -> Result<u32, Diagnostic> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            let consts: Option<Vec<ConstValue>> =
                args.defaults.iter().map(|d| self.const_of(d)).collect();
            match consts {
                Some(c) => self.load_const(ConstValue::Tuple(c), span),
                None => {
                    for d in &args.defaults {
                        self.compile_expr(d)?;
                    }
                    self.emit(Instr::BuildTuple(args.defaults.len() as u32), span);
                }
            }
            flags |= MAKE_FN_DEFAULTS;
        }
        let mut n = 0;
        for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = default {
                let name = self.mangle(&arg.name);
                self.load_const(ConstValue::Str(name), arg.span);
                self.compile_expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Instr::BuildMap(n), span);
            flags |= MAKE_FN_KWDEFAULTS;
        }
        Ok(flags)
    }

    fn set_arg_counts(&mut self, args: &ast::Arguments) {
        let u = self.unit();
        u.posonlyargcount = args.posonlyargs.len() as u32;
        u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        u.kwonlyargcount = args.kwonlyargs.len() as u32;
        u.has_varargs = args.vararg.is_some();
        u.has_varkw = args.kwarg.is_some();
    }

    fn scope_for<T>(&self, node: &T, span: Span) -> Result<ScopeId, Diagnostic> {
        self.table
            .scope_of(node)
            .ok_or_else(|| internal(span, "scope not in symbol table"))
    }

    /// Emit `LoadConst code; MakeFunction flags` for a finished child code object.
    fn emit_make_function(
        &mut self,
        code: Arc<CodeObject>,
        flags: u32,
        span: Span,
    ) -> Result<(), Diagnostic> {
        let flags = flags | self.make_closure(&code, span)?;
        self.load_const(ConstValue::Code(code), span);
        self.emit(Instr::MakeFunction(flags), span);
        Ok(())
    }

    pub(crate) fn compile_funcdef(
        &mut self,
        f: &'a Arc<ast::FunctionDef>,
    ) -> Result<(), Diagnostic> {
        let span = f.span;
        for d in &f.decorators {
            self.compile_expr(d)?;
        }
        let flags = self.compile_defaults(&f.args, span)?;
        let code = match self.cached_code(&**f) {
            Some(code) => code,
            None => self.compile_function_code(f, span)?,
        };
        self.emit_make_function(code, flags, span)?;
        for d in f.decorators.iter().rev() {
            self.emit(Instr::Call(1), d.span);
        }
        self.name_op(&f.name, Ctx::Store, span)
    }

    fn compile_function_code(
        &mut self,
        f: &'a Arc<ast::FunctionDef>,
        span: Span,
    ) -> Result<Arc<CodeObject>, Diagnostic> {
        let scope = self.scope_for(&**f, span)?;
        let qualname = self.qualname_for(&f.name, true);
        let first_line = f
            .decorators
            .iter()
            .map(|d| self.line_of(d.span))
            .chain([self.line_of(span)])
            .min()
            .unwrap_or(1);
        let private = self.unit_ref().private.clone();
        self.enter_unit(
            scope,
            CodeKind::Function,
            f.name.clone(),
            qualname,
            first_line,
            private,
        );
        self.set_arg_counts(&f.args);
        let body: &'a [ast::Stmt] = match docstring_of(&f.body) {
            Some(doc) => {
                self.unit().docstring = Some(doc);
                &f.body[1..]
            }
            None => &f.body,
        };
        let result = self.compile_body(body);
        // A body ending in `return` cannot fall off its end: no implicit `return None`.
        if !matches!(
            f.body.last().map(|s| &s.kind),
            Some(ast::StmtKind::Return(_))
        ) {
            let end_span = f.body.last().map_or(span, |s| s.span);
            self.load_const(ConstValue::None, end_span);
            self.emit(Instr::ReturnValue, end_span);
        }
        let code = self.leave_unit();
        result?;
        Ok(self.cache_code(&**f, code?))
    }

    pub(crate) fn compile_lambda(
        &mut self,
        e: &'a Expr,
        args: &'a ast::Arguments,
        body: &'a Expr,
    ) -> Result<(), Diagnostic> {
        let span = e.span;
        let flags = self.compile_defaults(args, span)?;
        if let Some(code) = self.cached_code(e) {
            return self.emit_make_function(code, flags, span);
        }
        let scope = self.scope_for(e, span)?;
        let name: Name = Arc::from("<lambda>");
        let qualname = self.qualname_for(&name, false);
        let private = self.unit_ref().private.clone();
        self.enter_unit(
            scope,
            CodeKind::Function,
            name,
            qualname,
            self.line_of(span),
            private,
        );
        self.set_arg_counts(args);
        let result = self.compile_expr(body);
        self.emit(Instr::ReturnValue, body.span);
        let code = self.leave_unit();
        result?;
        let code = self.cache_code(e, code?);
        self.emit_make_function(code, flags, span)
    }

    pub(crate) fn compile_classdef(&mut self, c: &'a Arc<ast::ClassDef>) -> Result<(), Diagnostic> {
        let span = c.span;
        for d in &c.decorators {
            self.compile_expr(d)?;
        }
        let code = match self.cached_code(&**c) {
            Some(code) => code,
            None => self.compile_class_code(c, span)?,
        };
        self.emit(Instr::LoadBuildClass, span);
        self.emit_make_function(code, 0, span)?;
        self.compile_class_call(c, span)
    }

    fn compile_class_code(
        &mut self,
        c: &'a Arc<ast::ClassDef>,
        span: Span,
    ) -> Result<Arc<CodeObject>, Diagnostic> {
        let scope = self.scope_for(&**c, span)?;
        let qualname = self.qualname_for(&c.name, true);
        let first_line = c
            .decorators
            .iter()
            .map(|d| self.line_of(d.span))
            .chain([self.line_of(span)])
            .min()
            .unwrap_or(1);
        self.enter_unit(
            scope,
            CodeKind::Class,
            c.name.clone(),
            qualname.clone(),
            first_line,
            Some(c.name.clone()),
        );
        let result = self.compile_class_body(c, &qualname, span);
        let code = self.leave_unit();
        result?;
        Ok(self.cache_code(&**c, code?))
    }

    /// `__build_class__(body, name, *bases, **keywords)`, decorators, store.
    fn compile_class_call(
        &mut self,
        c: &'a Arc<ast::ClassDef>,
        span: Span,
    ) -> Result<(), Diagnostic> {
        self.load_const(ConstValue::Str(c.name.clone()), span);
        let has_star = c
            .bases
            .iter()
            .any(|b| matches!(b.kind, ExprKind::Starred(_)));
        let has_dstar = c.keywords.iter().any(|k| k.arg.is_none());
        if has_star || has_dstar {
            // Fold the body function and the name into the positional tuple.
            self.emit(Instr::BuildList(2), span);
            for b in &c.bases {
                match &b.kind {
                    ExprKind::Starred(inner) => {
                        self.compile_expr(inner)?;
                        self.emit(Instr::ListExtend(1), b.span);
                    }
                    _ => {
                        self.compile_expr(b)?;
                        self.emit(Instr::ListAppend(1), b.span);
                    }
                }
            }
            self.emit(Instr::ListToTuple, span);
            let mut have_dict = false;
            let mut pending = 0;
            for k in &c.keywords {
                match &k.arg {
                    Some(n) => {
                        self.load_const(ConstValue::Str(n.clone()), k.span);
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
            if pending > 0 || !have_dict {
                self.emit(Instr::BuildMap(pending), span);
                if have_dict {
                    self.emit(Instr::DictMerge(1), span);
                }
            }
            self.emit(Instr::CallEx { has_kwargs: true }, span);
        } else {
            for b in &c.bases {
                self.compile_expr(b)?;
            }
            let argc = 2 + c.bases.len() + c.keywords.len();
            if c.keywords.is_empty() {
                self.emit(Instr::Call(argc as u32), span);
            } else {
                let mut names = Vec::new();
                for k in &c.keywords {
                    self.compile_expr(&k.value)?;
                    if let Some(n) = &k.arg {
                        names.push(ConstValue::Str(n.clone()));
                    }
                }
                let kwnames = self.add_const(ConstValue::Tuple(names));
                self.emit(
                    Instr::CallKw {
                        argc: argc as u32,
                        kwnames,
                    },
                    span,
                );
            }
        }
        for d in c.decorators.iter().rev() {
            self.emit(Instr::Call(1), d.span);
        }
        self.name_op(&c.name, Ctx::Store, span)
    }

    /// The class body protocol: set `__module__` and `__qualname__` (and `__doc__`), run the
    /// body, then return the `__class__` cell (also stored as `__classcell__`) or None.
    fn compile_class_body(
        &mut self,
        c: &'a ast::ClassDef,
        qualname: &Name,
        span: Span,
    ) -> Result<(), Diagnostic> {
        let module = self.add_name(&Arc::from("__name__"));
        self.emit(Instr::LoadName(module), span);
        let i = self.add_name(&Arc::from("__module__"));
        self.emit(Instr::StoreName(i), span);
        self.load_const(ConstValue::Str(qualname.clone()), span);
        let i = self.add_name(&Arc::from("__qualname__"));
        self.emit(Instr::StoreName(i), span);
        let body: &'a [ast::Stmt] = match docstring_of(&c.body) {
            Some(doc) => {
                self.unit().docstring = Some(doc.clone());
                let dspan = c.body[0].span;
                self.load_const(ConstValue::Str(doc), dspan);
                let i = self.add_name(&Arc::from("__doc__"));
                self.emit(Instr::StoreName(i), dspan);
                &c.body[1..]
            }
            None => &c.body,
        };
        self.compile_body(body)?;
        let end = c.body.last().map_or(span, |s| s.span);
        if self.table.scopes[self.unit_ref().scope].needs_class_closure {
            let slot = self
                .deref_slot("__class__")
                .ok_or_else(|| internal(span, "missing __class__ cell"))?;
            self.emit(Instr::LoadClosure(slot), end);
            self.emit(Instr::Dup, end);
            let i = self.add_name(&Arc::from("__classcell__"));
            self.emit(Instr::StoreName(i), end);
        } else {
            self.load_const(ConstValue::None, end);
        }
        self.emit(Instr::ReturnValue, end);
        Ok(())
    }

    pub(crate) fn compile_comprehension(&mut self, e: &'a Expr) -> Result<(), Diagnostic> {
        let span = e.span;
        let (name, generators, kind) = match &e.kind {
            ExprKind::ListComp { generators, .. } => ("<listcomp>", generators, CompKind::List),
            ExprKind::SetComp { generators, .. } => ("<setcomp>", generators, CompKind::Set),
            ExprKind::DictComp { generators, .. } => ("<dictcomp>", generators, CompKind::Dict),
            ExprKind::GeneratorExp { generators, .. } => ("<genexpr>", generators, CompKind::Gen),
            _ => return Err(internal(span, "not a comprehension")),
        };
        if let ExprKind::ListComp { elt, .. }
        | ExprKind::SetComp { elt, .. }
        | ExprKind::GeneratorExp { elt, .. } = &e.kind
        {
            if let ExprKind::Starred(_) = elt.kind {
                return Err(Diagnostic::syntax(
                    "iterable unpacking cannot be used in comprehension",
                    elt.span,
                ));
            }
        }
        let Some(first) = generators.first() else {
            return Err(internal(span, "comprehension without for"));
        };
        if let Some(code) = self.cached_code(e) {
            self.emit_make_function(code, 0, span)?;
        } else {
            let code = self.compile_comprehension_code(e, name, generators, kind)?;
            self.emit_make_function(code, 0, span)?;
        }
        self.compile_expr(&first.iter)?;
        self.emit(Instr::GetIter, first.iter.span);
        self.emit(Instr::Call(1), span);
        Ok(())
    }

    fn compile_comprehension_code(
        &mut self,
        e: &'a Expr,
        name: &str,
        generators: &'a [ast::Comprehension],
        kind: CompKind,
    ) -> Result<Arc<CodeObject>, Diagnostic> {
        let span = e.span;
        let scope = self.scope_for(e, span)?;
        let name: Name = Arc::from(name);
        let qualname = self.qualname_for(&name, false);
        let private = self.unit_ref().private.clone();
        self.enter_unit(
            scope,
            CodeKind::Function,
            name,
            qualname,
            self.line_of(span),
            private,
        );
        self.unit().argcount = 1;
        let result = self.compile_comprehension_body(e, generators, kind);
        let code = self.leave_unit();
        result?;
        Ok(self.cache_code(e, code?))
    }

    fn compile_comprehension_body(
        &mut self,
        e: &'a Expr,
        generators: &'a [ast::Comprehension],
        kind: CompKind,
    ) -> Result<(), Diagnostic> {
        let span = e.span;
        match kind {
            CompKind::List => self.emit(Instr::BuildList(0), span),
            CompKind::Set => self.emit(Instr::BuildSet(0), span),
            CompKind::Dict => self.emit(Instr::BuildMap(0), span),
            CompKind::Gen => {}
        }
        let mut exits = Vec::new();
        for (i, g) in generators.iter().enumerate() {
            let start = self.new_label();
            let end = self.new_label();
            if i == 0 {
                self.emit(Instr::LoadFast(0), g.iter.span);
            } else {
                self.compile_expr(&g.iter)?;
                self.emit(Instr::GetIter, g.iter.span);
            }
            self.place(start);
            self.emit(Instr::ForIter(end), g.iter.span);
            self.compile_target(&g.target)?;
            for cond in &g.ifs {
                self.compile_jump_if(cond, false, start)?;
            }
            exits.push((start, end));
        }
        // Depth of the result container below the element: one iterator per generator.
        let depth = generators.len() as u32 + 1;
        match &e.kind {
            ExprKind::ListComp { elt, .. } => {
                self.compile_expr(elt)?;
                self.emit(Instr::ListAppend(depth), elt.span);
            }
            ExprKind::SetComp { elt, .. } => {
                self.compile_expr(elt)?;
                self.emit(Instr::SetAdd(depth), elt.span);
            }
            ExprKind::DictComp { key, value, .. } => {
                self.compile_expr(key)?;
                self.compile_expr(value)?;
                self.emit(Instr::MapAdd(depth), span);
            }
            ExprKind::GeneratorExp { elt, .. } => {
                self.compile_expr(elt)?;
                self.emit(Instr::YieldValue, elt.span);
                self.emit(Instr::Pop, elt.span);
            }
            _ => return Err(internal(span, "not a comprehension")),
        }
        for (start, end) in exits.into_iter().rev() {
            self.emit(Instr::Jump(start), span);
            self.place(end);
        }
        if kind == CompKind::Gen {
            self.load_const(ConstValue::None, span);
        }
        self.emit(Instr::ReturnValue, span);
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}
