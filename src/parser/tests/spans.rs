//! Every statement and expression span, for the differential span check against CPython
//! (`pyspans.py`): both sides list `start end` byte offsets of all nodes, sorted.

use crate::parser::ast::*;

pub fn all_spans(m: &Module) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for s in &m.body {
        stmt(s, &mut out);
    }
    out.sort_unstable();
    out
}

fn stmts(b: &[Stmt], out: &mut Vec<(u32, u32)>) {
    for s in b {
        stmt(s, out);
    }
}

fn opt(e: &Option<Expr>, out: &mut Vec<(u32, u32)>) {
    if let Some(e) = e {
        expr(e, out);
    }
}

fn args(a: &Arguments, out: &mut Vec<(u32, u32)>) {
    for arg in a
        .posonlyargs
        .iter()
        .chain(&a.args)
        .chain(&a.vararg)
        .chain(&a.kwonlyargs)
        .chain(&a.kwarg)
    {
        opt(&arg.annotation, out);
    }
    for d in &a.defaults {
        expr(d, out);
    }
    for d in a.kw_defaults.iter().flatten() {
        expr(d, out);
    }
}

fn stmt(s: &Stmt, out: &mut Vec<(u32, u32)>) {
    out.push((s.span.start, s.span.end));
    match &s.kind {
        StmtKind::Expr(e) => expr(e, out),
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(|t| expr(t, out));
            expr(value, out);
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr(target, out);
            expr(value, out);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => {
            expr(target, out);
            expr(annotation, out);
            opt(value, out);
        }
        StmtKind::Del(t) => t.iter().for_each(|t| expr(t, out)),
        StmtKind::Return(v) => opt(v, out),
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            expr(test, out);
            stmts(body, out);
            stmts(orelse, out);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            expr(target, out);
            expr(iter, out);
            stmts(body, out);
            stmts(orelse, out);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            stmts(body, out);
            for h in handlers {
                opt(&h.typ, out);
                stmts(&h.body, out);
            }
            stmts(orelse, out);
            stmts(finalbody, out);
        }
        StmtKind::Raise { exc, cause } => {
            opt(exc, out);
            opt(cause, out);
        }
        StmtKind::Assert { test, msg } => {
            expr(test, out);
            opt(msg, out);
        }
        StmtKind::FunctionDef(f) => {
            f.decorators.iter().for_each(|d| expr(d, out));
            args(&f.args, out);
            opt(&f.returns, out);
            stmts(&f.body, out);
        }
        StmtKind::ClassDef(c) => {
            c.decorators.iter().for_each(|d| expr(d, out));
            c.bases.iter().for_each(|d| expr(d, out));
            c.keywords.iter().for_each(|k| expr(&k.value, out));
            stmts(&c.body, out);
        }
        StmtKind::With { items, body } => {
            for i in items {
                expr(&i.context_expr, out);
                opt(&i.optional_vars, out);
            }
            stmts(body, out);
        }
        _ => {}
    }
}

fn comps(gens: &[Comprehension], out: &mut Vec<(u32, u32)>) {
    for g in gens {
        expr(&g.target, out);
        expr(&g.iter, out);
        g.ifs.iter().for_each(|i| expr(i, out));
    }
}

fn expr(e: &Expr, out: &mut Vec<(u32, u32)>) {
    // F-string pieces carry the whole literal's span in both implementations' own ways;
    // only the field expressions inside are compared.
    if !matches!(
        e.kind,
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. }
    ) {
        out.push((e.span.start, e.span.end));
    }
    match &e.kind {
        ExprKind::BoolOp { values, .. } => values.iter().for_each(|v| expr(v, out)),
        ExprKind::NamedExpr { value, .. } => expr(value, out),
        ExprKind::BinOp { left, right, .. } => {
            expr(left, out);
            expr(right, out);
        }
        ExprKind::UnaryOp { operand, .. } => expr(operand, out),
        ExprKind::Lambda { args: a, body } => {
            args(a, out);
            expr(body, out);
        }
        ExprKind::IfExp { test, body, orelse } => {
            expr(test, out);
            expr(body, out);
            expr(orelse, out);
        }
        ExprKind::Dict { keys, values } => {
            keys.iter().flatten().for_each(|k| expr(k, out));
            values.iter().for_each(|v| expr(v, out));
        }
        ExprKind::Set(v) | ExprKind::List(v) | ExprKind::Tuple(v) => {
            v.iter().for_each(|x| expr(x, out))
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            expr(elt, out);
            comps(generators, out);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            expr(key, out);
            expr(value, out);
            comps(generators, out);
        }
        ExprKind::Await(v) | ExprKind::YieldFrom(v) | ExprKind::Starred(v) => expr(v, out),
        ExprKind::Yield(v) => {
            if let Some(v) = v {
                expr(v, out);
            }
        }
        ExprKind::Compare {
            left, comparators, ..
        } => {
            expr(left, out);
            comparators.iter().for_each(|c| expr(c, out));
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            expr(func, out);
            args.iter().for_each(|a| expr(a, out));
            keywords.iter().for_each(|k| expr(&k.value, out));
        }
        ExprKind::JoinedStr(v) => v.iter().for_each(|x| {
            if let ExprKind::FormattedValue { .. } = x.kind {
                expr(x, out)
            }
        }),
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            expr(value, out);
            if let Some(s) = format_spec {
                expr(s, out);
            }
        }
        ExprKind::Attribute { value, .. } => expr(value, out),
        ExprKind::Subscript { value, slice } => {
            expr(value, out);
            expr(slice, out);
        }
        ExprKind::Slice { lower, upper, step } => {
            for x in [lower, upper, step].into_iter().flatten() {
                expr(x, out);
            }
        }
        ExprKind::Constant(_) | ExprKind::Name(_) => {}
    }
}
