//! The symbol table: which scope each name lives in (first half of the compiler).
//!
//! Runs over the whole module before code generation, exactly as CPython 3.11's `symtable.c`:
//! a first pass records, per scope, how each name is used (bound, used, declared global or
//! nonlocal, a parameter), and a second pass (`analyze`) resolves every name to local, cell,
//! free, explicit global or implicit global, turning locals captured by inner functions into
//! cells and threading free variables through intermediate scopes (class bodies included).
//! Code generation then only asks [`SymbolTable::lookup`].

use crate::diagnostics::Diagnostic;
use crate::parser::ast::{self, Expr, ExprKind, Name, Stmt, StmtKind};
use crate::source::Span;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

mod analyze;
use analyze::analyze_block;

/// Stack kept free before recursing into a deeper AST node, and the size of each new segment
/// when it runs low: nesting depth is bounded by the parser, not by the native stack. The
/// red zone covers one codegen frame (~13 KB in debug) plus a whole constant fold below it
/// (`fold::MAX_FOLD_DEPTH` frames of ~1.2 KB), which 64 KB did not (fuzz: `x + x + … x`).
pub(crate) const STACK_RED_ZONE: usize = 256 * 1024;
pub(crate) const STACK_GROW_SIZE: usize = 1024 * 1024;

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
/// A class binds the name and also passes a free variable of that name to a method.
pub const DEF_FREE_CLASS: u32 = 32;
pub const DEF_IMPORT: u32 = 64;
pub const DEF_ANNOT: u32 = 128;
/// The name is a comprehension's iteration variable (walrus may not rebind it).
pub const DEF_COMP_ITER: u32 = 256;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// Where a name resolves, CPython's `_PyST_GetScope`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    /// def, lambda and comprehensions.
    Function,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: Resolved,
}

pub type ScopeId = usize;

#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: Name,
    /// Symbols in first-seen order (errors are reported in this order, as CPython does).
    order: Vec<Name>,
    symbols: HashMap<Name, Symbol>,
    pub children: Vec<ScopeId>,
    /// Parameters in slot order: posonly, args, kwonly, *args, **kwargs (`.0` for a comprehension).
    pub params: Vec<Name>,
    pub is_generator: bool,
    pub is_comprehension: bool,
    pub is_lambda: bool,
    /// A method below uses `super`/`__class__`: the class body owns a `__class__` cell.
    pub needs_class_closure: bool,
    /// Span of each global/nonlocal directive, for error locations.
    directives: HashMap<Name, Span>,
}

impl Scope {
    fn new(kind: ScopeKind, name: Name) -> Scope {
        Scope {
            kind,
            name,
            order: Vec::new(),
            symbols: HashMap::new(),
            children: Vec::new(),
            params: Vec::new(),
            is_generator: false,
            is_comprehension: false,
            is_lambda: false,
            needs_class_closure: false,
            directives: HashMap::new(),
        }
    }

    pub fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).map_or(0, |s| s.flags)
    }

    /// The resolved scope of a (mangled) name; unknown names are implicit globals.
    pub fn lookup(&self, name: &str) -> Resolved {
        self.symbols
            .get(name)
            .map_or(Resolved::GlobalImplicit, |s| s.scope)
    }

    /// Cell variable names in CPython 3.11's order: captured parameters in parameter order,
    /// then the other cells sorted; `__class__` alone for a class that needs it.
    pub fn cellvars(&self) -> Vec<Name> {
        let is_cell = |n: &Name| {
            self.symbols
                .get(n)
                .is_some_and(|s| s.scope == Resolved::Cell)
        };
        let mut v: Vec<Name> = self.params.iter().filter(|n| is_cell(n)).cloned().collect();
        let mut rest: Vec<Name> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == Resolved::Cell && s.flags & DEF_PARAM == 0)
            .map(|(n, _)| n.clone())
            .collect();
        rest.sort();
        v.extend(rest);
        if self.needs_class_closure {
            v.insert(0, Arc::from("__class__"));
        }
        v
    }

    /// Free variable names, sorted (CPython order).
    pub fn freevars(&self) -> Vec<Name> {
        let mut v: Vec<Name> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == Resolved::Free || s.flags & DEF_FREE_CLASS != 0)
            .map(|(n, _)| n.clone())
            .collect();
        v.sort();
        v
    }
}

/// Every scope of a module, and which AST node opened each.
#[derive(Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// Address of the FunctionDef / ClassDef / lambda or comprehension Expr → its scope.
    by_node: HashMap<usize, ScopeId>,
}

/// The key of a scope-opening AST node: its address, stable while the AST is borrowed.
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl SymbolTable {
    pub fn scope_of<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&node_key(node)).copied()
    }
}

/// CPython's private name mangling: `__x` inside class `C` is `_C__x`.
pub fn mangle(private: Option<&str>, name: &Name) -> Name {
    let Some(class) = private else {
        return name.clone();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.clone();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.clone();
    }
    Arc::from(format!("_{stripped}{name}"))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Load,
    Store,
    Del,
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    private: Option<Name>,
    /// >0 while visiting a comprehension's iterable (walrus is forbidden there).
    comp_iter_expr: u32,
    /// True while visiting a comprehension's target.
    comp_iter_target: bool,
}

/// Build and analyse the symbol table of a module.
pub fn build(module: &ast::Module) -> Result<SymbolTable, Diagnostic> {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, Arc::from("top"))],
        by_node: HashMap::new(),
        stack: vec![0],
        private: None,
        comp_iter_expr: 0,
        comp_iter_target: false,
    };
    for s in &module.body {
        b.visit_stmt(s)?;
    }
    let mut table = SymbolTable {
        scopes: b.scopes,
        by_node: b.by_node,
    };
    analyze_block(&mut table.scopes, 0, None, HashSet::new())?;
    Ok(table)
}

impl Builder {
    fn cur(&self) -> ScopeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn enter(&mut self, kind: ScopeKind, name: Name, key: usize) -> ScopeId {
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name));
        let parent = self.cur();
        self.scopes[parent].children.push(id);
        self.by_node.insert(key, id);
        self.stack.push(id);
        id
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def_in(
        &mut self,
        id: ScopeId,
        name: &Name,
        flag: u32,
        span: Span,
    ) -> Result<(), Diagnostic> {
        let name = mangle(self.private.as_deref(), name);
        let scope = &mut self.scopes[id];
        let old = scope.flags(&name);
        if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            return Err(Diagnostic::syntax(
                format!("duplicate argument '{name}' in function definition"),
                span,
            ));
        }
        match scope.symbols.get_mut(&name) {
            Some(sym) => sym.flags |= flag,
            None => {
                scope.order.push(name.clone());
                scope.symbols.insert(
                    name.clone(),
                    Symbol {
                        flags: flag,
                        scope: Resolved::GlobalImplicit,
                    },
                );
            }
        }
        if flag & DEF_PARAM != 0 {
            scope.params.push(name);
        }
        Ok(())
    }

    fn add_def(&mut self, name: &Name, flag: u32, span: Span) -> Result<(), Diagnostic> {
        self.add_def_in(self.cur(), name, flag, span)
    }

    fn lookup_flags(&self, name: &Name) -> u32 {
        let name = mangle(self.private.as_deref(), name);
        self.scopes[self.cur()].flags(&name)
    }

    fn record_directive(&mut self, name: &Name, span: Span) {
        let name = mangle(self.private.as_deref(), name);
        let cur = self.cur();
        self.scopes[cur].directives.entry(name).or_insert(span);
    }

    fn visit_body(&mut self, body: &[Stmt]) -> Result<(), Diagnostic> {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_stmt(&mut self, s: &Stmt) -> Result<(), Diagnostic> {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW_SIZE, || self.visit_stmt_inner(s))
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> Result<(), Diagnostic> {
        match &s.kind {
            StmtKind::Expr(e) => self.visit_expr(e, Ctx::Load),
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.visit_expr(t, Ctx::Store)?;
                }
                self.visit_expr(value, Ctx::Load)
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target, Ctx::Store)?;
                self.visit_expr(value, Ctx::Load)
            }
            StmtKind::AnnAssign {
                target,
                value,
                simple,
                ..
            } => {
                if let ExprKind::Name(name) = &target.kind {
                    let cur = self.lookup_flags(name);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur() != 0 && *simple {
                        let what = if cur & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(Diagnostic::syntax(
                            format!("annotated name '{name}' can't be {what}"),
                            target.span,
                        ));
                    }
                    if *simple {
                        self.add_def(name, DEF_ANNOT | DEF_LOCAL, target.span)?;
                    } else if value.is_some() {
                        self.add_def(name, DEF_LOCAL, target.span)?;
                    }
                } else {
                    self.visit_expr(target, Ctx::Store)?;
                }
                match value {
                    Some(v) => self.visit_expr(v, Ctx::Load),
                    None => Ok(()),
                }
            }
            StmtKind::Del(targets) => targets
                .iter()
                .try_for_each(|t| self.visit_expr(t, Ctx::Del)),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
            StmtKind::Return(v) => match v {
                Some(v) => self.visit_expr(v, Ctx::Load),
                None => Ok(()),
            },
            StmtKind::Global(names) => {
                for name in names {
                    let cur = self.lookup_flags(name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and global")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to global declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be global")
                        } else {
                            format!("name '{name}' is assigned to before global declaration")
                        };
                        return Err(Diagnostic::syntax(msg, s.span));
                    }
                    self.add_def(name, DEF_GLOBAL, s.span)?;
                    self.record_directive(name, s.span);
                }
                Ok(())
            }
            StmtKind::Nonlocal(names) => {
                for name in names {
                    let cur = self.lookup_flags(name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and nonlocal")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to nonlocal declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be nonlocal")
                        } else {
                            format!("name '{name}' is assigned to before nonlocal declaration")
                        };
                        return Err(Diagnostic::syntax(msg, s.span));
                    }
                    self.add_def(name, DEF_NONLOCAL, s.span)?;
                    self.record_directive(name, s.span);
                }
                Ok(())
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.visit_expr(test, Ctx::Load)?;
                self.visit_body(body)?;
                self.visit_body(orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.visit_expr(target, Ctx::Store)?;
                self.visit_expr(iter, Ctx::Load)?;
                self.visit_body(body)?;
                self.visit_body(orelse)
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.visit_body(body)?;
                self.visit_body(orelse)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.visit_expr(t, Ctx::Load)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.span)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(finalbody)
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.visit_expr(e, Ctx::Load)?;
                }
                if let Some(c) = cause {
                    self.visit_expr(c, Ctx::Load)?;
                }
                Ok(())
            }
            StmtKind::Print { dest, values, .. } => {
                for e in dest.iter().chain(values) {
                    self.visit_expr(e, Ctx::Load)?;
                }
                Ok(())
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test, Ctx::Load)?;
                match msg {
                    Some(m) => self.visit_expr(m, Ctx::Load),
                    None => Ok(()),
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound = match &a.asname {
                        Some(n) => n.clone(),
                        None => Arc::from(a.name.split('.').next().unwrap_or(&a.name)),
                    };
                    self.add_def(&bound, DEF_IMPORT, a.span)?;
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if &*a.name == "*" {
                        if self.scopes[self.cur()].kind != ScopeKind::Module {
                            return Err(Diagnostic::syntax(
                                "import * only allowed at module level",
                                a.span,
                            ));
                        }
                        continue;
                    }
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.add_def(&bound, DEF_IMPORT, a.span)?;
                }
                Ok(())
            }
            StmtKind::FunctionDef(f) => {
                self.add_def(&f.name, DEF_LOCAL, f.span)?;
                self.visit_defaults(&f.args)?;
                for d in &f.decorators {
                    self.visit_expr(d, Ctx::Load)?;
                }
                self.enter(ScopeKind::Function, f.name.clone(), node_key(&**f));
                self.visit_params(&f.args, s.span)?;
                self.visit_body(&f.body)?;
                self.exit();
                Ok(())
            }
            StmtKind::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, c.span)?;
                for b in &c.bases {
                    self.visit_expr(b, Ctx::Load)?;
                }
                for k in &c.keywords {
                    self.visit_expr(&k.value, Ctx::Load)?;
                }
                for d in &c.decorators {
                    self.visit_expr(d, Ctx::Load)?;
                }
                self.enter(ScopeKind::Class, c.name.clone(), node_key(&**c));
                let saved = self.private.replace(c.name.clone());
                let r = self.visit_body(&c.body);
                self.private = saved;
                self.exit();
                r
            }
            StmtKind::With { items, body } => {
                for item in items {
                    self.visit_expr(&item.context_expr, Ctx::Load)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v, Ctx::Store)?;
                    }
                }
                self.visit_body(body)
            }
        }
    }

    fn visit_defaults(&mut self, args: &ast::Arguments) -> Result<(), Diagnostic> {
        for d in &args.defaults {
            self.visit_expr(d, Ctx::Load)?;
        }
        for d in args.kw_defaults.iter().flatten() {
            self.visit_expr(d, Ctx::Load)?;
        }
        Ok(())
    }

    /// Bind the parameters; `owner` is the def/lambda span CPython reports `__debug__` at.
    fn visit_params(&mut self, args: &ast::Arguments, owner: Span) -> Result<(), Diagnostic> {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
            .chain(&args.vararg)
            .chain(&args.kwarg);
        for a in all {
            if &*a.name == "__debug__" {
                return Err(Diagnostic::syntax("cannot assign to __debug__", owner));
            }
            self.add_def(&a.name, DEF_PARAM, a.span)?;
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr, ctx: Ctx) -> Result<(), Diagnostic> {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW_SIZE, || {
            self.visit_expr_inner(e, ctx)
        })
    }

    fn visit_expr_inner(&mut self, e: &Expr, ctx: Ctx) -> Result<(), Diagnostic> {
        match &e.kind {
            ExprKind::Name(name) => {
                if ctx == Ctx::Load {
                    self.add_def(name, USE, e.span)?;
                    let cur = self.cur();
                    if self.scopes[cur].kind == ScopeKind::Function && &**name == "super" {
                        self.add_def(&Arc::from("__class__"), USE, e.span)?;
                    }
                } else {
                    let flag = if self.comp_iter_target {
                        DEF_LOCAL | DEF_COMP_ITER
                    } else {
                        DEF_LOCAL
                    };
                    self.add_def(name, flag, e.span)?;
                }
                Ok(())
            }
            ExprKind::BoolOp { values, .. } => values
                .iter()
                .try_for_each(|v| self.visit_expr(v, Ctx::Load)),
            ExprKind::NamedExpr { target, value } => {
                if self.comp_iter_expr > 0 {
                    return Err(Diagnostic::syntax(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        e.span,
                    ));
                }
                // The target is the walrus's first token: errors point at it alone.
                let target_span = Span {
                    start: e.span.start,
                    end: e
                        .span
                        .start
                        .saturating_add(target.len() as u32)
                        .min(e.span.end),
                };
                if self.scopes[self.cur()].is_comprehension {
                    self.extend_namedexpr_scope(target, target_span)?;
                } else {
                    self.add_def(target, DEF_LOCAL, target_span)?;
                }
                self.visit_expr(value, Ctx::Load)
            }
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left, Ctx::Load)?;
                self.visit_expr(right, Ctx::Load)
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand, Ctx::Load),
            ExprKind::Lambda { args, body } => {
                self.visit_defaults(args)?;
                let id = self.enter(ScopeKind::Function, Arc::from("lambda"), node_key(e));
                self.scopes[id].is_lambda = true;
                self.visit_params(args, e.span)?;
                self.visit_expr(body, Ctx::Load)?;
                self.exit();
                Ok(())
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test, Ctx::Load)?;
                self.visit_expr(body, Ctx::Load)?;
                self.visit_expr(orelse, Ctx::Load)
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.visit_expr(k, Ctx::Load)?;
                }
                values
                    .iter()
                    .try_for_each(|v| self.visit_expr(v, Ctx::Load))
            }
            ExprKind::Set(items) => items.iter().try_for_each(|v| self.visit_expr(v, Ctx::Load)),
            ExprKind::ListComp { elt, generators } => {
                self.visit_comprehension(e, "listcomp", generators, elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                self.visit_comprehension(e, "setcomp", generators, elt, None)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.visit_comprehension(e, "genexpr", generators, elt, None)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.visit_comprehension(e, "dictcomp", generators, key, Some(value)),
            ExprKind::Await(v) => self.visit_expr(v, Ctx::Load),
            ExprKind::Yield(v) => {
                self.check_yield_in_comprehension(e.span)?;
                let cur = self.cur();
                self.scopes[cur].is_generator = true;
                match v {
                    Some(v) => self.visit_expr(v, Ctx::Load),
                    None => Ok(()),
                }
            }
            ExprKind::YieldFrom(v) => {
                self.check_yield_in_comprehension(e.span)?;
                let cur = self.cur();
                self.scopes[cur].is_generator = true;
                self.visit_expr(v, Ctx::Load)
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left, Ctx::Load)?;
                comparators
                    .iter()
                    .try_for_each(|v| self.visit_expr(v, Ctx::Load))
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func, Ctx::Load)?;
                for a in args {
                    self.visit_expr(a, Ctx::Load)?;
                }
                keywords
                    .iter()
                    .try_for_each(|k| self.visit_expr(&k.value, Ctx::Load))
            }
            ExprKind::JoinedStr(parts) => {
                parts.iter().try_for_each(|v| self.visit_expr(v, Ctx::Load))
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.visit_expr(value, Ctx::Load)?;
                match format_spec {
                    Some(s) => self.visit_expr(s, Ctx::Load),
                    None => Ok(()),
                }
            }
            ExprKind::Constant(_) => Ok(()),
            ExprKind::Attribute { value, .. } => self.visit_expr(value, Ctx::Load),
            ExprKind::Subscript { value, slice } => {
                self.visit_expr(value, Ctx::Load)?;
                self.visit_expr(slice, Ctx::Load)
            }
            ExprKind::Starred(v) => self.visit_expr(v, ctx),
            ExprKind::List(items) | ExprKind::Tuple(items) => {
                items.iter().try_for_each(|v| self.visit_expr(v, ctx))
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(part, Ctx::Load)?;
                }
                Ok(())
            }
        }
    }

    fn check_yield_in_comprehension(&self, span: Span) -> Result<(), Diagnostic> {
        let scope = &self.scopes[self.cur()];
        if !scope.is_comprehension {
            return Ok(());
        }
        let what = match &*scope.name {
            "listcomp" => "list comprehension",
            "setcomp" => "set comprehension",
            "dictcomp" => "dict comprehension",
            _ => "generator expression",
        };
        Err(Diagnostic::syntax(format!("'yield' inside {what}"), span))
    }

    fn visit_comprehension(
        &mut self,
        e: &Expr,
        kind: &str,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Result<(), Diagnostic> {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        self.comp_iter_expr += 1;
        let r = self.visit_expr(&first.iter, Ctx::Load);
        self.comp_iter_expr -= 1;
        r?;
        let id = self.enter(ScopeKind::Function, Arc::from(kind), node_key(e));
        self.scopes[id].is_comprehension = true;
        self.scopes[id].is_generator = kind == "genexpr";
        self.add_def(&Arc::from(".0"), DEF_PARAM, e.span)?;
        self.visit_comp_target(&first.target)?;
        for cond in &first.ifs {
            self.visit_expr(cond, Ctx::Load)?;
        }
        for g in &generators[1..] {
            self.visit_comp_target(&g.target)?;
            self.comp_iter_expr += 1;
            let r = self.visit_expr(&g.iter, Ctx::Load);
            self.comp_iter_expr -= 1;
            r?;
            for cond in &g.ifs {
                self.visit_expr(cond, Ctx::Load)?;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v, Ctx::Load)?;
        }
        self.visit_expr(elt, Ctx::Load)?;
        self.exit();
        Ok(())
    }

    fn visit_comp_target(&mut self, target: &Expr) -> Result<(), Diagnostic> {
        self.comp_iter_target = true;
        let r = self.visit_expr(target, Ctx::Store);
        self.comp_iter_target = false;
        r
    }

    /// A walrus inside a comprehension binds in the nearest enclosing non-comprehension scope.
    fn extend_namedexpr_scope(&mut self, target: &Name, span: Span) -> Result<(), Diagnostic> {
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let mangled = mangle(self.private.as_deref(), target);
            let scope = &self.scopes[id];
            if scope.is_comprehension {
                if scope.flags(&mangled) & DEF_COMP_ITER != 0 {
                    return Err(Diagnostic::syntax(
                        format!("assignment expression cannot rebind comprehension iteration variable '{target}'"),
                        span,
                    ));
                }
                continue;
            }
            match scope.kind {
                ScopeKind::Function => {
                    let flag = if scope.flags(&mangled) & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def(target, flag, span)?;
                    self.record_directive(target, span);
                    return self.add_def_in(id, target, DEF_LOCAL, span);
                }
                ScopeKind::Module => {
                    self.add_def(target, DEF_GLOBAL, span)?;
                    self.record_directive(target, span);
                    return self.add_def_in(id, target, DEF_GLOBAL, span);
                }
                ScopeKind::Class => {
                    return Err(Diagnostic::syntax(
                        "assignment expression within a comprehension cannot be used in a class body",
                        span,
                    ));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
