//! The second pass of the symbol table (CPython's `analyze_block`): resolves every name
//! recorded by the builder to local, cell, free or global, scope by scope from the module down,
//! converting captured locals into cells and threading free variables through class bodies.

use super::{
    Resolved, Scope, ScopeId, ScopeKind, Symbol, DEF_BOUND, DEF_FREE_CLASS, DEF_GLOBAL,
    DEF_NONLOCAL, STACK_GROW_SIZE, STACK_RED_ZONE,
};
use crate::diagnostics::Diagnostic;
use crate::parser::ast::Name;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// CPython's `analyze_block`: resolve the names of scope `id` given the names bound in
/// enclosing function scopes (`bound`, None at module level) and the known globals; returns
/// the names free in this scope or its children.
pub(super) fn analyze_block(
    scopes: &mut Vec<Scope>,
    id: ScopeId,
    mut bound: Option<HashSet<Name>>,
    mut global: HashSet<Name>,
) -> Result<HashSet<Name>, Diagnostic> {
    stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW_SIZE, || {
        let kind = scopes[id].kind;
        let mut local = HashSet::new();
        let mut resolved: HashMap<Name, Resolved> = HashMap::new();
        let mut free = HashSet::new();
        let mut newglobal = HashSet::new();
        let mut newbound = HashSet::new();
        if kind == ScopeKind::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
        }
        let order = scopes[id].order.clone();
        for name in &order {
            let flags = scopes[id].flags(name);
            let span = scopes[id].directives.get(name).copied().unwrap_or_default();
            let r = if flags & DEF_GLOBAL != 0 {
                if flags & DEF_NONLOCAL != 0 {
                    return Err(Diagnostic::syntax(
                        format!("name '{name}' is nonlocal and global"),
                        span,
                    ));
                }
                global.insert(name.clone());
                if let Some(b) = &mut bound {
                    b.remove(name);
                }
                Resolved::GlobalExplicit
            } else if flags & DEF_NONLOCAL != 0 {
                match &bound {
                    None => {
                        return Err(Diagnostic::syntax(
                            "nonlocal declaration not allowed at module level",
                            span,
                        ))
                    }
                    Some(b) if !b.contains(name) => {
                        return Err(Diagnostic::syntax(
                            format!("no binding for nonlocal '{name}' found"),
                            span,
                        ))
                    }
                    Some(_) => {}
                }
                free.insert(name.clone());
                Resolved::Free
            } else if flags & DEF_BOUND != 0 {
                local.insert(name.clone());
                global.remove(name);
                Resolved::Local
            } else if bound.as_ref().is_some_and(|b| b.contains(name)) {
                free.insert(name.clone());
                Resolved::Free
            } else {
                Resolved::GlobalImplicit
            };
            resolved.insert(name.clone(), r);
        }
        if kind == ScopeKind::Class {
            newbound.insert(Arc::from("__class__"));
        } else {
            if kind == ScopeKind::Function {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        }
        let children = scopes[id].children.clone();
        let mut newfree: HashSet<Name> = HashSet::new();
        for child in children {
            let child_free =
                analyze_block(scopes, child, Some(newbound.clone()), newglobal.clone())?;
            newfree.extend(child_free);
        }
        if kind == ScopeKind::Function {
            for (name, r) in resolved.iter_mut() {
                if *r == Resolved::Local && newfree.remove(name) {
                    *r = Resolved::Cell;
                }
            }
        } else if kind == ScopeKind::Class && newfree.remove("__class__") {
            scopes[id].needs_class_closure = true;
        }
        // update_symbols
        let scope = &mut scopes[id];
        for (name, r) in &resolved {
            if let Some(sym) = scope.symbols.get_mut(name) {
                sym.scope = *r;
            }
        }
        for name in &newfree {
            if let Some(sym) = scope.symbols.get_mut(name) {
                if kind == ScopeKind::Class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    sym.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if bound.as_ref().is_some_and(|b| !b.contains(name)) {
                continue;
            }
            scope.order.push(name.clone());
            scope.symbols.insert(
                name.clone(),
                Symbol {
                    flags: 0,
                    scope: Resolved::Free,
                },
            );
        }
        free.extend(newfree);
        Ok(free)
    })
}
