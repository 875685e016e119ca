//! Parser tests: tree shapes through a compact S-expression dump, one test per error
//! message, incomplete input, and robustness (no panics, bounded nesting).

mod errors;
mod errors_more;
mod py2;
mod robust;
mod shapes;
mod spans;

use super::ast::*;
use crate::diagnostics::Diagnostic;
use crate::lexer::token::IntLit;
use crate::source::SourceFile;
use std::fmt::Write;

/// Parse `text` as a file named `t.py`.
pub fn parse_str(text: &str) -> Result<Module, Diagnostic> {
    let src = SourceFile::new("t.py", text);
    super::parse(&src)
}

/// The S-expression dump of a parsed module, statements separated by newlines.
pub fn sx(text: &str) -> String {
    match parse_str(text) {
        Ok(m) => m.body.iter().map(dump_stmt).collect::<Vec<_>>().join("\n"),
        Err(d) => panic!("parse of {text:?} failed: {d:?}"),
    }
}

fn list<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join(" ")
}

fn block(b: &[Stmt]) -> String {
    format!("[{}]", list(b, dump_stmt))
}

pub fn dump_stmt(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Expr(e) => dump(e),
        StmtKind::Assign { targets, value } => {
            format!("(= {} {})", list(targets, dump), dump(value))
        }
        StmtKind::AugAssign { target, op, value } => {
            format!("({}= {} {})", op.symbol(), dump(target), dump(value))
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        } => format!(
            "(ann{} {} {}{})",
            if *simple { "" } else { "*" },
            dump(target),
            dump(annotation),
            value
                .as_ref()
                .map_or(String::new(), |v| format!(" {}", dump(v)))
        ),
        StmtKind::Del(t) => format!("(del {})", list(t, dump)),
        StmtKind::Pass => "pass".into(),
        StmtKind::Break => "break".into(),
        StmtKind::Continue => "continue".into(),
        StmtKind::Return(v) => match v {
            Some(v) => format!("(return {})", dump(v)),
            None => "(return)".into(),
        },
        StmtKind::Global(n) => format!("(global {})", n.join(" ")),
        StmtKind::Nonlocal(n) => format!("(nonlocal {})", n.join(" ")),
        StmtKind::If { test, body, orelse } => {
            format!("(if {} {} {})", dump(test), block(body), block(orelse))
        }
        StmtKind::While { test, body, orelse } => {
            format!("(while {} {} {})", dump(test), block(body), block(orelse))
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            format!(
                "(for {} {} {} {})",
                dump(target),
                dump(iter),
                block(body),
                block(orelse)
            )
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            let hs = list(handlers, |h| {
                format!(
                    "(except {} {} {})",
                    h.typ.as_ref().map_or("_".into(), dump),
                    h.name.as_deref().unwrap_or("_"),
                    block(&h.body)
                )
            });
            format!(
                "(try {} [{}] {} {})",
                block(body),
                hs,
                block(orelse),
                block(finalbody)
            )
        }
        StmtKind::Raise { exc, cause } => {
            let mut s = "(raise".to_string();
            if let Some(e) = exc {
                let _ = write!(s, " {}", dump(e));
            }
            if let Some(c) = cause {
                let _ = write!(s, " from {}", dump(c));
            }
            s + ")"
        }
        StmtKind::Assert { test, msg } => match msg {
            Some(m) => format!("(assert {} {})", dump(test), dump(m)),
            None => format!("(assert {})", dump(test)),
        },
        StmtKind::Print { dest, values, nl } => format!(
            "(print{}{}{}{})",
            dest.as_ref()
                .map_or(String::new(), |d| format!(" >>{}", dump(d))),
            if values.is_empty() { "" } else { " " },
            list(values, dump),
            if *nl { "" } else { " ," }
        ),
        StmtKind::Import(names) => format!("(import {})", list(names, alias)),
        StmtKind::ImportFrom {
            module,
            names,
            level,
        } => format!(
            "(from {}{} {})",
            ".".repeat(*level as usize),
            module.as_deref().unwrap_or(""),
            list(names, alias)
        ),
        StmtKind::FunctionDef(f) => format!(
            "(def {} {}{}{} {})",
            f.name,
            args(&f.args),
            f.returns
                .as_ref()
                .map_or(String::new(), |r| format!(" -> {}", dump(r))),
            decorators(&f.decorators),
            block(&f.body)
        ),
        StmtKind::ClassDef(c) => format!(
            "(class {} ({}{}){} {})",
            c.name,
            list(&c.bases, dump),
            c.keywords
                .iter()
                .map(|k| format!(" {}", keyword(k)))
                .collect::<String>(),
            decorators(&c.decorators),
            block(&c.body)
        ),
        StmtKind::With { items, body } => format!(
            "(with {} {})",
            list(items, |i| match &i.optional_vars {
                Some(v) => format!("(as {} {})", dump(&i.context_expr), dump(v)),
                None => dump(&i.context_expr),
            }),
            block(body)
        ),
    }
}

fn decorators(d: &[Expr]) -> String {
    if d.is_empty() {
        String::new()
    } else {
        format!(" @[{}]", list(d, dump))
    }
}

fn alias(a: &Alias) -> String {
    match &a.asname {
        Some(n) => format!("{} as {}", a.name, n),
        None => a.name.to_string(),
    }
}

fn keyword(k: &Keyword) -> String {
    match &k.arg {
        Some(n) => format!("{}={}", n, dump(&k.value)),
        None => format!("**{}", dump(&k.value)),
    }
}

fn arg(a: &Arg) -> String {
    match &a.annotation {
        Some(t) => format!("{}:{}", a.name, dump(t)),
        None => a.name.to_string(),
    }
}

/// `(args posonly / args *vararg kwonly **kwarg)` with defaults as `name=default`.
pub fn args(a: &Arguments) -> String {
    let mut parts = Vec::new();
    let pos: Vec<&Arg> = a.posonlyargs.iter().chain(&a.args).collect();
    let first_default = pos.len() - a.defaults.len().min(pos.len());
    for (i, p) in pos.iter().enumerate() {
        let mut s = arg(p);
        if i >= first_default {
            if let Some(d) = a.defaults.get(i - first_default) {
                let _ = write!(s, "={}", dump(d));
            }
        }
        parts.push(s);
        if i + 1 == a.posonlyargs.len() {
            parts.push("/".into());
        }
    }
    if let Some(v) = &a.vararg {
        parts.push(format!("*{}", arg(v)));
    } else if !a.kwonlyargs.is_empty() {
        parts.push("*".into());
    }
    for (k, d) in a.kwonlyargs.iter().zip(&a.kw_defaults) {
        let mut s = arg(k);
        if let Some(d) = d {
            let _ = write!(s, "={}", dump(d));
        }
        parts.push(s);
    }
    if let Some(k) = &a.kwarg {
        parts.push(format!("**{}", arg(k)));
    }
    format!("({})", parts.join(" "))
}

fn comps(gens: &[Comprehension]) -> String {
    list(gens, |g| {
        let mut s = format!("for {} in {}", dump(&g.target), dump(&g.iter));
        for i in &g.ifs {
            let _ = write!(s, " if {}", dump(i));
        }
        s
    })
}

fn cmp(op: &CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is-not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not-in",
    }
}

pub fn dump(e: &Expr) -> String {
    let opt = |x: &Option<Box<Expr>>| x.as_ref().map_or("_".to_string(), |e| dump(e));
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            format!(
                "({} {})",
                if *op == BoolOpKind::And { "and" } else { "or" },
                list(values, dump)
            )
        }
        ExprKind::NamedExpr { target, value } => format!("(:= {} {})", target, dump(value)),
        ExprKind::BinOp { left, op, right } => {
            format!("({} {} {})", op.symbol(), dump(left), dump(right))
        }
        ExprKind::UnaryOp { op, operand } => {
            let o = match op {
                UnaryOp::Invert => "~",
                UnaryOp::Not => "not",
                UnaryOp::UAdd => "+",
                UnaryOp::USub => "-",
            };
            format!("({} {})", o, dump(operand))
        }
        ExprKind::Lambda { args: a, body } => format!("(lambda {} {})", args(a), dump(body)),
        ExprKind::IfExp { test, body, orelse } => {
            format!("(ifexp {} {} {})", dump(test), dump(body), dump(orelse))
        }
        ExprKind::Dict { keys, values } => format!(
            "{{{}}}",
            keys.iter()
                .zip(values)
                .map(|(k, v)| match k {
                    Some(k) => format!("{}:{}", dump(k), dump(v)),
                    None => format!("**{}", dump(v)),
                })
                .collect::<Vec<_>>()
                .join(" ")
        ),
        ExprKind::Set(v) => format!("(set {})", list(v, dump)),
        ExprKind::ListComp { elt, generators } => {
            format!("(listcomp {} {})", dump(elt), comps(generators))
        }
        ExprKind::SetComp { elt, generators } => {
            format!("(setcomp {} {})", dump(elt), comps(generators))
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            format!(
                "(dictcomp {}:{} {})",
                dump(key),
                dump(value),
                comps(generators)
            )
        }
        ExprKind::GeneratorExp { elt, generators } => {
            format!("(genexp {} {})", dump(elt), comps(generators))
        }
        ExprKind::Await(v) => format!("(await {})", dump(v)),
        ExprKind::Yield(v) => match v {
            Some(v) => format!("(yield {})", dump(v)),
            None => "(yield)".into(),
        },
        ExprKind::YieldFrom(v) => format!("(yield-from {})", dump(v)),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            let mut s = format!("(cmp {}", dump(left));
            for (o, c) in ops.iter().zip(comparators) {
                let _ = write!(s, " {} {}", cmp(o), dump(c));
            }
            s + ")"
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            let mut parts: Vec<String> = args.iter().map(dump).collect();
            parts.extend(keywords.iter().map(keyword));
            if parts.is_empty() {
                format!("(call {})", dump(func))
            } else {
                format!("(call {} {})", dump(func), parts.join(" "))
            }
        }
        ExprKind::JoinedStr(v) => format!("(f {})", list(v, dump)),
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => format!(
            "(fv {}{}{})",
            dump(value),
            conversion.map_or(String::new(), |c| format!(" !{c}")),
            format_spec
                .as_ref()
                .map_or(String::new(), |s| format!(" :{}", dump(s)))
        ),
        ExprKind::Constant(c) => match c {
            Constant::None => "None".into(),
            Constant::True => "True".into(),
            Constant::False => "False".into(),
            Constant::Ellipsis => "...".into(),
            Constant::Int(IntLit::Small(i)) => i.to_string(),
            Constant::Int(IntLit::Big(s)) => s.clone(),
            Constant::Float(f) => format!("{f:?}"),
            Constant::Imag(f) => format!("{f:?}j"),
            Constant::Str(s) => format!("{s:?}"),
            Constant::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        },
        ExprKind::Attribute { value, attr } => format!("(. {} {})", dump(value), attr),
        ExprKind::Subscript { value, slice } => format!("([] {} {})", dump(value), dump(slice)),
        ExprKind::Starred(v) => format!("*{}", dump(v)),
        ExprKind::Name(n) => n.to_string(),
        ExprKind::List(v) => format!("[{}]", list(v, dump)),
        ExprKind::Tuple(v) => format!("(tuple {})", list(v, dump)),
        ExprKind::Slice { lower, upper, step } => {
            format!("(slice {} {} {})", opt(lower), opt(upper), opt(step))
        }
    }
}
