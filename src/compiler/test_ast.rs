//! Test-only AST constructors, so compiler tests can be written before (and independently
//! of) the parser. Spans are all empty; line numbers are therefore all 1.

use super::bytecode::CodeObject;
use super::{compile, dis, Mode};
use crate::lexer::token::IntLit;
use crate::parser::ast::*;
use crate::source::{SourceFile, Span};
use std::sync::Arc;

fn e(kind: ExprKind) -> Expr {
    Expr::new(kind, Span::default())
}
fn st(kind: StmtKind) -> Stmt {
    Stmt::new(kind, Span::default())
}
fn b(x: Expr) -> Box<Expr> {
    Box::new(x)
}

pub fn n(s: &str) -> Expr {
    e(ExprKind::Name(s.into()))
}
pub fn int(i: i64) -> Expr {
    e(ExprKind::Constant(Constant::Int(IntLit::Small(i))))
}
pub fn s(v: &str) -> Expr {
    e(ExprKind::Constant(Constant::Str(v.into())))
}
pub fn tuple(items: Vec<Expr>) -> Expr {
    e(ExprKind::Tuple(items))
}
pub fn star(x: Expr) -> Expr {
    e(ExprKind::Starred(b(x)))
}
pub fn binop(l: Expr, op: BinOp, r: Expr) -> Expr {
    e(ExprKind::BinOp {
        left: b(l),
        op,
        right: b(r),
    })
}
pub fn neg(x: Expr) -> Expr {
    e(ExprKind::UnaryOp {
        op: UnaryOp::USub,
        operand: b(x),
    })
}
pub fn compare(left: Expr, ops: Vec<CmpOp>, comparators: Vec<Expr>) -> Expr {
    e(ExprKind::Compare {
        left: b(left),
        ops,
        comparators,
    })
}
pub fn call(f: Expr, args: Vec<Expr>) -> Expr {
    e(ExprKind::Call {
        func: b(f),
        args,
        keywords: vec![],
    })
}
pub fn kw(arg: Option<&str>, value: Expr) -> Keyword {
    Keyword {
        arg: arg.map(Into::into),
        value,
        span: Span::default(),
    }
}
pub fn call_kw(f: Expr, args: Vec<Expr>, keywords: Vec<Keyword>) -> Expr {
    e(ExprKind::Call {
        func: b(f),
        args,
        keywords,
    })
}
pub fn attr(x: Expr, name: &str) -> Expr {
    e(ExprKind::Attribute {
        value: b(x),
        attr: name.into(),
    })
}
pub fn named(target: &str, value: Expr) -> Expr {
    e(ExprKind::NamedExpr {
        target: target.into(),
        value: b(value),
    })
}
pub fn yield_(v: Option<Expr>) -> Expr {
    e(ExprKind::Yield(v.map(b)))
}
pub fn await_(v: Expr) -> Expr {
    e(ExprKind::Await(b(v)))
}
pub fn params(names: &[&str]) -> Arguments {
    Arguments {
        args: names.iter().map(|n| arg(n)).collect(),
        ..Default::default()
    }
}
pub fn arg(name: &str) -> Arg {
    Arg {
        name: name.into(),
        annotation: None,
        span: Span::default(),
    }
}
pub fn lambda(ps: &[&str], body: Expr) -> Expr {
    e(ExprKind::Lambda {
        args: Box::new(params(ps)),
        body: b(body),
    })
}
fn comp(target: Expr, iter: Expr) -> Vec<Comprehension> {
    vec![Comprehension {
        target,
        iter,
        ifs: vec![],
    }]
}
pub fn listcomp(elt: Expr, target: Expr, iter: Expr) -> Expr {
    e(ExprKind::ListComp {
        elt: b(elt),
        generators: comp(target, iter),
    })
}
pub fn genexp(elt: Expr, target: Expr, iter: Expr) -> Expr {
    e(ExprKind::GeneratorExp {
        elt: b(elt),
        generators: comp(target, iter),
    })
}

pub fn expr(x: Expr) -> Stmt {
    st(StmtKind::Expr(x))
}
pub fn assign(t: Expr, v: Expr) -> Stmt {
    st(StmtKind::Assign {
        targets: vec![t],
        value: v,
    })
}
pub fn augassign(t: Expr, op: BinOp, v: Expr) -> Stmt {
    st(StmtKind::AugAssign {
        target: t,
        op,
        value: v,
    })
}
pub fn ann(t: Expr, v: Option<Expr>) -> Stmt {
    st(StmtKind::AnnAssign {
        target: t,
        annotation: n("int"),
        value: v,
        simple: true,
    })
}
pub fn del(ts: Vec<Expr>) -> Stmt {
    st(StmtKind::Del(ts))
}
pub fn ret(v: Option<Expr>) -> Stmt {
    st(StmtKind::Return(v))
}
pub fn pass() -> Stmt {
    st(StmtKind::Pass)
}
pub fn brk() -> Stmt {
    st(StmtKind::Break)
}
pub fn cont() -> Stmt {
    st(StmtKind::Continue)
}
pub fn global(names: &[&str]) -> Stmt {
    st(StmtKind::Global(
        names.iter().map(|n| (*n).into()).collect(),
    ))
}
pub fn nonlocal(names: &[&str]) -> Stmt {
    st(StmtKind::Nonlocal(
        names.iter().map(|n| (*n).into()).collect(),
    ))
}
pub fn if_(test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>) -> Stmt {
    st(StmtKind::If { test, body, orelse })
}
pub fn while_(test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>) -> Stmt {
    st(StmtKind::While { test, body, orelse })
}
pub fn for_(target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>) -> Stmt {
    st(StmtKind::For {
        target,
        iter,
        body,
        orelse,
    })
}
pub fn handler(typ: Option<Expr>, name: Option<&str>, body: Vec<Stmt>) -> ExceptHandler {
    ExceptHandler {
        typ,
        name: name.map(Into::into),
        body,
        span: Span::default(),
    }
}
pub fn try_(
    body: Vec<Stmt>,
    handlers: Vec<ExceptHandler>,
    orelse: Vec<Stmt>,
    finalbody: Vec<Stmt>,
) -> Stmt {
    st(StmtKind::Try {
        body,
        handlers,
        orelse,
        finalbody,
    })
}
pub fn with(ctx: Expr, var: Option<Expr>, body: Vec<Stmt>) -> Stmt {
    st(StmtKind::With {
        items: vec![WithItem {
            context_expr: ctx,
            optional_vars: var,
        }],
        body,
    })
}
pub fn alias(name: &str, asname: Option<&str>) -> Alias {
    Alias {
        name: name.into(),
        asname: asname.map(Into::into),
        span: Span::default(),
    }
}
pub fn import(aliases: Vec<Alias>) -> Stmt {
    st(StmtKind::Import(aliases))
}
pub fn import_from(module: Option<&str>, names: Vec<Alias>, level: u32) -> Stmt {
    st(StmtKind::ImportFrom {
        module: module.map(Into::into),
        names,
        level,
    })
}
pub fn def(name: &str, ps: &[&str], body: Vec<Stmt>) -> Stmt {
    def_args(name, params(ps), body)
}
pub fn def_args(name: &str, args: Arguments, body: Vec<Stmt>) -> Stmt {
    st(StmtKind::FunctionDef(Arc::new(FunctionDef {
        name: name.into(),
        args,
        body,
        decorators: vec![],
        returns: None,
        span: Span::default(),
    })))
}
pub fn decorated(decorators: Vec<Expr>, f: Stmt) -> Stmt {
    match f.kind {
        StmtKind::FunctionDef(fd) => {
            let mut fd = (*fd).clone();
            fd.decorators = decorators;
            st(StmtKind::FunctionDef(Arc::new(fd)))
        }
        other => st(other),
    }
}
pub fn class(name: &str, bases: Vec<Expr>, body: Vec<Stmt>) -> Stmt {
    st(StmtKind::ClassDef(Arc::new(ClassDef {
        name: name.into(),
        bases,
        keywords: vec![],
        body,
        decorators: vec![],
        span: Span::default(),
    })))
}

pub fn module(body: Vec<Stmt>) -> Module {
    Module { body, py2: false }
}

pub fn src() -> Arc<SourceFile> {
    SourceFile::new("<test>", "")
}

pub fn compile_ok(body: Vec<Stmt>) -> Arc<CodeObject> {
    match compile(&module(body), &src(), Mode::Exec) {
        Ok(c) => c,
        Err(d) => panic!("unexpected compile error: {}", d.message),
    }
}

pub fn compile_err(body: Vec<Stmt>) -> String {
    match compile(&module(body), &src(), Mode::Exec) {
        Ok(c) => panic!("expected an error, got:\n{}", dis::disassemble(&c)),
        Err(d) => d.message,
    }
}

/// The instructions of a code object as `format_instr` renders them.
pub fn listing(c: &CodeObject) -> Vec<String> {
    c.instrs.iter().map(|i| dis::format_instr(c, i)).collect()
}

/// The first nested code object in `c`'s constants.
pub fn nested(c: &CodeObject, index: usize) -> Arc<CodeObject> {
    let codes: Vec<Arc<CodeObject>> = c
        .consts
        .iter()
        .filter_map(|k| match k {
            super::bytecode::ConstValue::Code(code) => Some(code.clone()),
            _ => None,
        })
        .collect();
    match codes.get(index) {
        Some(code) => code.clone(),
        None => panic!("no nested code #{index}"),
    }
}

/// Parse and compile source text (Exec mode).
pub fn compile_src(text: &str) -> Result<Arc<CodeObject>, crate::diagnostics::Diagnostic> {
    let source = SourceFile::new("<test>", text);
    let m = crate::parser::parse(&source)?;
    compile(&m, &source, Mode::Exec)
}

/// The disassembly of source text; panics on a syntax error.
pub fn dis_src(text: &str) -> String {
    match compile_src(text) {
        Ok(c) => {
            if let Err(e) = super::verify::verify(&c) {
                panic!(
                    "bytecode verification failed: {e}\n{}",
                    dis::disassemble(&c)
                );
            }
            dis::disassemble(&c)
        }
        Err(d) => panic!("unexpected error: {}", d.message),
    }
}

/// The error message of source text that must fail to compile.
pub fn err_src(text: &str) -> String {
    match compile_src(text) {
        Ok(c) => panic!("expected an error, got:\n{}", dis::disassemble(&c)),
        Err(d) => d.message,
    }
}

/// Manual helper: `PYT_DIS=file.py cargo test --lib dump_dis -- --ignored --nocapture`.
#[test]
#[ignore]
fn dump_dis() {
    if let Ok(path) = std::env::var("PYT_DIS") {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        match compile_src(&text) {
            Ok(c) => println!("{}", dis::disassemble(&c)),
            Err(d) => println!("error: {} at {:?}", d.message, d.span),
        }
    }
}

/// Manual robustness check: `PYT_CORPUS=dir cargo test --lib corpus -- --ignored --nocapture`
/// parses and compiles every .py file under dir and reports compile errors on parsed files.
#[test]
#[ignore]
fn corpus() {
    let Ok(dir) = std::env::var("PYT_CORPUS") else {
        return;
    };
    let mut stack = vec![std::path::PathBuf::from(dir)];
    let (mut parsed, mut compiled) = (0, 0);
    while let Some(p) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&p) else {
            continue;
        };
        for entry in rd.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let source = SourceFile::new(path.display().to_string(), text);
                let Ok(m) = crate::parser::parse(&source) else {
                    continue;
                };
                parsed += 1;
                match compile(&m, &source, Mode::Exec) {
                    Ok(c) => {
                        compiled += 1;
                        if let Err(e) = super::verify::verify(&c) {
                            println!("{}: VERIFY {e}", path.display());
                        }
                    }
                    Err(d) => println!("{}: {} ({:?})", path.display(), d.summary(&source), d.span),
                }
            }
        }
    }
    println!("parsed {parsed}, compiled {compiled}");
}

/// Manual cross-check against CPython: `PYT_CODEDUMP=dir` prints, for every code object of
/// every file the parser accepts, its scope metadata (compared by scripts against `compile()`).
#[test]
#[ignore]
fn codedump() {
    let Ok(dir) = std::env::var("PYT_CODEDUMP") else {
        return;
    };
    let mut stack = vec![std::path::PathBuf::from(dir)];
    let mut files = Vec::new();
    while let Some(p) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&p) else {
            continue;
        };
        for entry in rd.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                files.push(path);
            }
        }
    }
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let source = SourceFile::new(path.display().to_string(), text);
        let Ok(m) = crate::parser::parse(&source) else {
            continue;
        };
        let Ok(code) = compile(&m, &source, Mode::Exec) else {
            continue;
        };
        println!("FILE {}", path.display());
        let mut work = vec![code];
        while let Some(c) = work.pop() {
            let mut vars: Vec<&str> = c.varnames.iter().map(|s| &**s).collect();
            vars.sort();
            let j = |v: &[Arc<str>]| v.iter().map(|s| &**s).collect::<Vec<_>>().join(",");
            println!(
                "{}|{}|{}|{}|{}|{}|{}|{}|{}|{}",
                c.qualname,
                c.first_line,
                c.argcount,
                c.posonlyargcount,
                c.kwonlyargcount,
                vars.join(","),
                j(&c.cellvars),
                j(&c.freevars),
                c.is_generator,
                c.docstring.is_some()
            );
            for k in &c.consts {
                if let super::bytecode::ConstValue::Code(inner) = k {
                    work.push(inner.clone());
                }
            }
        }
    }
}

/// Manual check of error messages: `PYT_SNIPPETS=file` holds snippets separated by lines
/// `----`; prints each one's compile result, to diff against CPython's.
#[test]
#[ignore]
fn snippets() {
    let Ok(path) = std::env::var("PYT_SNIPPETS") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    for snippet in text.split("----\n") {
        let source = SourceFile::new("<s>", snippet);
        let r = crate::parser::parse(&source).and_then(|m| compile(&m, &source, Mode::Exec));
        match r {
            Ok(_) => println!("OK"),
            Err(d) => println!("{} line {}", d.message, source.line_of(d.span.start)),
        }
    }
}

/// Manual cross-check of traceback positions: `PYT_POSDUMP=dir` prints, per code object, the
/// (line, col, end line, end col) of the instructions that tracebacks underline, in CPython's
/// opcode names, to compare with `co_positions()`.
#[test]
#[ignore]
fn posdump() {
    use super::bytecode::Instr;
    let Ok(dir) = std::env::var("PYT_POSDUMP") else {
        return;
    };
    let mut stack = vec![std::path::PathBuf::from(dir)];
    let mut files = Vec::new();
    while let Some(p) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&p) else {
            continue;
        };
        for entry in rd.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                files.push(path);
            }
        }
    }
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let source = SourceFile::new(path.display().to_string(), text.clone());
        let Ok(m) = crate::parser::parse(&source) else {
            continue;
        };
        let Ok(code) = compile(&m, &source, Mode::Exec) else {
            continue;
        };
        println!("FILE {}", path.display());
        let pos = |off: u32| {
            let line = source.line_of(off);
            let start = text[..off as usize].rfind('\n').map_or(0, |i| i + 1);
            (line, off as usize - start)
        };
        let mut work = vec![code];
        while let Some(c) = work.pop() {
            for (i, sp) in c.instrs.iter().zip(&c.spans) {
                let name = match i {
                    Instr::Call(_) | Instr::CallKw { .. } | Instr::CallMethod(_) => "CALL",
                    Instr::CallEx { .. } => "CALL_FUNCTION_EX",
                    Instr::BinaryOp(_) => "BINARY_OP",
                    Instr::BinarySubscr => "BINARY_SUBSCR",
                    Instr::LoadAttr(_) => "LOAD_ATTR",
                    Instr::LoadMethod(_) => "LOAD_METHOD",
                    _ => continue,
                };
                let (l1, c1) = pos(sp.start);
                let (l2, c2) = pos(sp.end);
                println!("{}|{name}|{l1}:{c1}-{l2}:{c2}", c.qualname);
            }
            for k in &c.consts {
                if let super::bytecode::ConstValue::Code(inner) = k {
                    work.push(inner.clone());
                }
            }
        }
    }
}

/// Like `snippets`, printing the 1-based (line, col, end line, end col) of each error.
#[test]
#[ignore]
fn snippet_spans() {
    let Ok(path) = std::env::var("PYT_SNIPPETS") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    for snippet in text.split("----\n") {
        let source = SourceFile::new("<s>", snippet);
        let r = crate::parser::parse(&source).and_then(|m| compile(&m, &source, Mode::Exec));
        match r {
            Ok(_) => println!("OK"),
            Err(d) => {
                let (l1, c1) = source.line_col(d.span.start);
                let (l2, c2) = source.line_col(d.span.end);
                println!("{} {l1}:{c1}-{l2}:{c2}", d.message);
            }
        }
    }
}
