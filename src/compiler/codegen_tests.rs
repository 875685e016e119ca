//! Codegen tests: instruction shapes, code object metadata, and one test per compile-time
//! error branch (built from hand-made ASTs so each reaches the compiler, not the parser).

use super::bytecode::{CodeKind, ConstValue, Instr};
use super::test_ast::*;
use super::{compile, Mode};
use crate::parser::ast::{BinOp, CmpOp};
use crate::source::{SourceFile, Span};

fn err_of(text: &str) -> String {
    err_src(text)
}

// ---- shapes ----

#[test]
fn interactive_mode_echoes_top_level_expressions_only() {
    let m = module(vec![expr(n("x")), def("f", &[], vec![expr(n("y"))])]);
    let c = match compile(&m, &src(), Mode::Interactive) {
        Ok(c) => c,
        Err(d) => panic!("{}", d.message),
    };
    assert_eq!(
        listing(&c)[..2],
        ["LoadName 0 (x)".to_string(), "PrintExpr".to_string()]
    );
    let f = nested(&c, 0);
    assert!(listing(&f).contains(&"Pop".to_string()));
    assert!(!listing(&f).contains(&"PrintExpr".to_string()));
}

#[test]
fn interactive_mode_echoes_a_leading_string_instead_of_taking_a_docstring() {
    let c = match compile(&module(vec![expr(s("hi"))]), &src(), Mode::Interactive) {
        Ok(c) => c,
        Err(d) => panic!("{}", d.message),
    };
    assert_eq!(c.docstring, None);
    assert_eq!(
        listing(&c)[..2],
        ["LoadConst 0 ('hi')".to_string(), "PrintExpr".to_string()]
    );
}

#[test]
fn exec_mode_pops_expression_values_and_skips_bare_constants() {
    let c = compile_ok(vec![expr(n("x")), expr(int(5))]);
    assert_eq!(
        listing(&c),
        ["LoadName 0 (x)", "Pop", "LoadConst 0 (None)", "ReturnValue"]
    );
}

#[test]
fn constants_are_deduplicated_but_float_zero_signs_are_not() {
    let c = compile_ok(vec![
        assign(n("a"), int(7)),
        assign(n("b"), int(7)),
        assign(n("c"), neg(e_float(0.0))),
        assign(n("d"), e_float(0.0)),
    ]);
    let sevens = c
        .consts
        .iter()
        .filter(|k| matches!(k, ConstValue::Int(_)))
        .count();
    assert_eq!(sevens, 1);
    let floats = c
        .consts
        .iter()
        .filter(|k| matches!(k, ConstValue::Float(_)))
        .count();
    assert_eq!(floats, 2);
}

fn e_float(f: f64) -> crate::parser::ast::Expr {
    crate::parser::ast::Expr::new(
        crate::parser::ast::ExprKind::Constant(crate::parser::ast::Constant::Float(f)),
        Span::default(),
    )
}

#[test]
fn constant_folding_leaves_division_by_zero_to_run_time() {
    let c = compile_ok(vec![assign(n("a"), binop(int(1), BinOp::FloorDiv, int(0)))]);
    assert!(listing(&c).contains(&"BinaryOp (//)".to_string()));
    let c = compile_ok(vec![assign(n("a"), binop(int(2), BinOp::Pow, int(10)))]);
    assert_eq!(listing(&c)[0], "LoadConst 0 (1024)");
}

#[test]
fn method_call_uses_load_method_and_keywords_do_not() {
    let c = compile_ok(vec![expr(call(attr(n("o"), "m"), vec![int(1)]))]);
    assert_eq!(
        listing(&c)[..4],
        [
            "LoadName 0 (o)",
            "LoadMethod 1 (m)",
            "LoadConst 0 (1)",
            "CallMethod 1"
        ]
    );
    let c = compile_ok(vec![expr(call_kw(
        attr(n("o"), "m"),
        vec![],
        vec![kw(Some("k"), int(1))],
    ))]);
    assert!(listing(&c).contains(&"LoadAttr 1 (m)".to_string()));
}

#[test]
fn instruction_spans_point_at_the_failing_expression() {
    let text = "x = a.b + f(c)[0]\n";
    let code = match compile_src(text) {
        Ok(c) => c,
        Err(d) => panic!("{}", d.message),
    };
    let span_of = |pred: &dyn Fn(&Instr) -> bool| -> &str {
        let pc = code.instrs.iter().position(pred).unwrap_or(0);
        &text[code.spans[pc].range()]
    };
    assert_eq!(span_of(&|i| matches!(i, Instr::LoadAttr(_))), "a.b");
    assert_eq!(span_of(&|i| matches!(i, Instr::Call(_))), "f(c)");
    assert_eq!(span_of(&|i| matches!(i, Instr::BinarySubscr)), "f(c)[0]");
    assert_eq!(
        span_of(&|i| matches!(i, Instr::BinaryOp(_))),
        "a.b + f(c)[0]"
    );
    assert_eq!(code.instrs.len(), code.spans.len());
}

#[test]
fn qualnames_follow_cpython() {
    let code = match compile_src(
        "class C:\n    def f(self):\n        def g():\n            return [lambda: 1 for _ in ()]\n        return g\n",
    ) {
        Ok(c) => c,
        Err(d) => panic!("{}", d.message),
    };
    let listing = super::dis::disassemble(&code);
    for q in [
        "C.f",
        "C.f.<locals>.g",
        "C.f.<locals>.g.<locals>.<listcomp>",
        "C.f.<locals>.g.<locals>.<listcomp>.<lambda>",
    ] {
        assert!(
            listing.contains(&format!("Disassembly of {q} ")),
            "{q} missing in\n{listing}"
        );
    }
}

#[test]
fn global_declared_def_has_plain_qualname() {
    let c = compile_ok(vec![def(
        "f",
        &[],
        vec![global(&["g"]), def("g", &[], vec![pass()])],
    )]);
    assert_eq!(&*nested(&nested(&c, 0), 0).qualname, "g");
}

#[test]
fn varnames_order_is_params_then_locals() {
    let args = crate::parser::ast::Arguments {
        posonlyargs: vec![arg("p")],
        args: vec![arg("a")],
        vararg: Some(arg("rest")),
        kwonlyargs: vec![arg("k")],
        kw_defaults: vec![None],
        kwarg: Some(arg("kw")),
        defaults: vec![],
    };
    let c = compile_ok(vec![def_args("f", args, vec![assign(n("local"), int(1))])]);
    let f = nested(&c, 0);
    let names: Vec<&str> = f.varnames.iter().map(|s| &**s).collect();
    assert_eq!(names, ["p", "a", "k", "rest", "kw", "local"]);
    assert_eq!((f.argcount, f.posonlyargcount, f.kwonlyargcount), (2, 1, 1));
    assert!(f.has_varargs && f.has_varkw);
}

#[test]
fn captured_parameter_sets_cell2arg() {
    let c = compile_ok(vec![def(
        "f",
        &["a", "b"],
        vec![ret(Some(lambda(&[], n("b"))))],
    )]);
    let f = nested(&c, 0);
    assert_eq!(f.cellvars.len(), 1);
    assert_eq!(f.cell2arg, vec![Some(1)]);
}

#[test]
fn docstring_is_recorded_and_not_executed() {
    let c = compile_ok(vec![def("f", &[], vec![expr(s("doc")), ret(None)])]);
    let f = nested(&c, 0);
    assert_eq!(f.docstring.as_deref(), Some("doc"));
    assert_eq!(listing(&f), ["LoadConst 0 (None)", "ReturnValue"]);
}

#[test]
fn class_body_reads_enclosing_cell_with_load_class_deref() {
    let c = compile_ok(vec![def(
        "f",
        &[],
        vec![
            assign(n("x"), int(1)),
            class("C", vec![], vec![assign(n("y"), n("x"))]),
        ],
    )]);
    let f = nested(&c, 0);
    assert!(listing(&f).contains(&"LoadClosure 0 (x)".to_string()));
    let cls = nested(&f, 0);
    assert_eq!(cls.kind, CodeKind::Class);
    assert!(
        listing(&cls).contains(&"LoadClassDeref 3 0 (x)".to_string()),
        "{:?}",
        listing(&cls)
    );
    assert_eq!(
        listing(&cls).last().map(String::as_str),
        Some("ReturnValue")
    );
}

#[test]
fn debug_constant_is_true() {
    let c = compile_ok(vec![expr(call(n("print"), vec![n("__debug__")]))]);
    assert_eq!(listing(&c)[1], "LoadConst 0 (True)");
}

#[test]
fn decorators_are_applied_innermost_first() {
    let c = compile_ok(vec![decorated(
        vec![n("outer"), n("inner")],
        def("f", &[], vec![pass()]),
    )]);
    let l = listing(&c);
    assert_eq!(
        l[..6],
        [
            "LoadName 0 (outer)",
            "LoadName 1 (inner)",
            "LoadConst 0 (<code f>)",
            "MakeFunction 0",
            "Call 1",
            "Call 1"
        ]
    );
    assert_eq!(l[6], "StoreName 2 (f)");
}

#[test]
fn chained_comparison_evaluates_middle_once() {
    let c = compile_ok(vec![expr(compare(
        n("a"),
        vec![CmpOp::Lt, CmpOp::Lt],
        vec![n("b"), n("c")],
    ))]);
    let l = listing(&c);
    assert_eq!(
        l.iter().filter(|i| i.as_str() == "LoadName 1 (b)").count(),
        1
    );
    assert!(l.contains(&"Rot3".to_string()));
}

#[test]
fn jump_to_jump_is_threaded() {
    // `while x: if y: pass` ends the if body with a jump to the loop's back-jump.
    let c = compile_ok(vec![while_(
        n("x"),
        vec![if_(n("y"), vec![pass()], vec![pass()])],
        vec![],
    )]);
    for (pc, i) in c.instrs.iter().enumerate() {
        if let Some(t) = super::jump_target(i) {
            if matches!(i, Instr::Jump(_)) {
                assert!(
                    !matches!(c.instrs.get(t as usize), Some(Instr::Jump(_))),
                    "pc {pc} jumps to a jump"
                );
            }
        }
    }
}

#[test]
fn source_line_table_is_per_instruction() {
    let code = match compile_src("a = 1\n\nb = 2\n") {
        Ok(c) => c,
        Err(d) => panic!("{}", d.message),
    };
    assert_eq!(code.line_of(0), 1);
    assert_eq!(code.line_of(2), 3);
    let _ = SourceFile::new("x", "");
}

// ---- errors ----

#[test]
fn error_return_outside_function() {
    assert_eq!(compile_err(vec![ret(None)]), "'return' outside function");
    assert_eq!(
        compile_err(vec![class("C", vec![], vec![ret(None)])]),
        "'return' outside function"
    );
}

#[test]
fn error_break_outside_loop() {
    assert_eq!(compile_err(vec![brk()]), "'break' outside loop");
    assert_eq!(
        compile_err(vec![for_(
            n("x"),
            n("y"),
            vec![def("f", &[], vec![brk()])],
            vec![]
        )]),
        "'break' outside loop"
    );
}

#[test]
fn error_continue_not_properly_in_loop() {
    assert_eq!(compile_err(vec![cont()]), "'continue' not properly in loop");
}

#[test]
fn continue_in_finally_is_allowed() {
    compile_ok(vec![for_(
        n("x"),
        n("y"),
        vec![try_(vec![pass()], vec![], vec![], vec![cont()])],
        vec![],
    )]);
}

#[test]
fn error_yield_outside_function() {
    assert_eq!(
        compile_err(vec![expr(yield_(None))]),
        "'yield' outside function"
    );
    assert_eq!(
        compile_err(vec![class("C", vec![], vec![expr(yield_(None))])]),
        "'yield' outside function"
    );
}

#[test]
fn error_await_outside_function() {
    assert_eq!(
        compile_err(vec![expr(await_(n("x")))]),
        "'await' outside function"
    );
    assert_eq!(
        compile_err(vec![def("f", &[], vec![expr(await_(n("x")))])]),
        "'await' outside async function"
    );
}

#[test]
fn error_cannot_assign_to_debug() {
    assert_eq!(
        compile_err(vec![assign(n("__debug__"), int(1))]),
        "cannot assign to __debug__"
    );
}

#[test]
fn error_cannot_delete_debug() {
    assert_eq!(
        compile_err(vec![del(vec![n("__debug__")])]),
        "cannot delete __debug__"
    );
}

#[test]
fn error_starred_assignment_target_must_be_in_list_or_tuple() {
    assert_eq!(
        compile_err(vec![assign(star(n("a")), int(1))]),
        "starred assignment target must be in a list or tuple"
    );
}

#[test]
fn error_multiple_starred_expressions_in_assignment() {
    let t = tuple(vec![star(n("a")), star(n("b"))]);
    assert_eq!(
        compile_err(vec![assign(t, n("x"))]),
        "multiple starred expressions in assignment"
    );
}

#[test]
fn error_too_many_expressions_in_star_unpacking_assignment() {
    let mut items: Vec<_> = (0..300).map(|i| n(&format!("v{i}"))).collect();
    items.push(star(n("rest")));
    assert_eq!(
        compile_err(vec![assign(tuple(items), n("x"))]),
        "too many expressions in star-unpacking assignment"
    );
}

#[test]
fn error_cant_use_starred_expression_here() {
    assert_eq!(
        compile_err(vec![expr(star(n("a")))]),
        "can't use starred expression here"
    );
}

#[test]
fn error_iterable_unpacking_in_comprehension() {
    let m = compile_err(vec![expr(listcomp(star(n("a")), n("a"), n("b")))]);
    assert_eq!(m, "iterable unpacking cannot be used in comprehension");
}

#[test]
fn error_keyword_argument_repeated() {
    let m = compile_err(vec![expr(call_kw(
        n("f"),
        vec![],
        vec![kw(Some("a"), int(1)), kw(Some("a"), int(2))],
    ))]);
    assert_eq!(m, "keyword argument repeated: a");
}

#[test]
fn error_cannot_delete_starred() {
    assert_eq!(
        compile_err(vec![del(vec![tuple(vec![n("a"), star(n("b"))])])]),
        "cannot delete starred"
    );
}

#[test]
fn error_cannot_assign_to_literal() {
    assert_eq!(
        compile_err(vec![assign(int(1), int(2))]),
        "cannot assign to literal"
    );
}

#[test]
fn error_illegal_augmented_assignment_target() {
    let m = compile_err(vec![augassign(tuple(vec![n("a")]), BinOp::Add, int(1))]);
    assert_eq!(
        m,
        "'tuple' is an illegal expression for augmented assignment"
    );
}

#[test]
fn error_default_except_must_be_last() {
    let t = try_(
        vec![pass()],
        vec![
            handler(None, None, vec![pass()]),
            handler(Some(n("E")), None, vec![pass()]),
        ],
        vec![],
        vec![],
    );
    assert_eq!(compile_err(vec![t]), "default 'except:' must be last");
}

#[test]
fn error_too_many_statically_nested_blocks() {
    let mut body = vec![pass()];
    for _ in 0..21 {
        body = vec![while_(n("x"), body, vec![])];
    }
    assert_eq!(compile_err(body), "too many statically nested blocks");
}

#[test]
fn error_fstring_starred() {
    let fv = crate::parser::ast::Expr::new(
        crate::parser::ast::ExprKind::FormattedValue {
            value: Box::new(star(n("a"))),
            conversion: None,
            format_spec: None,
        },
        Span::default(),
    );
    let js = crate::parser::ast::Expr::new(
        crate::parser::ast::ExprKind::JoinedStr(vec![fv]),
        Span::default(),
    );
    assert_eq!(
        compile_err(vec![expr(js)]),
        "f-string: cannot use starred expression here"
    );
}

#[test]
fn errors_from_source_have_cpython_wording() {
    assert_eq!(
        err_of("def f():\n    x = 1\n    global x\n"),
        "name 'x' is assigned to before global declaration"
    );
    assert_eq!(
        err_of("for x in y:\n    def f():\n        continue\n"),
        "'continue' not properly in loop"
    );
}

#[test]
fn tricky_control_flow_verifies() {
    // Every exit path through try/except/finally/with/loops, checked for stack depth and
    // block balance by the verifier that `dis_src` runs.
    let text = r#"
def f(xs, m):
    for x in xs:
        try:
            with m as a, m:
                if x == 1:
                    return a
                if x == 2:
                    break
                if x == 3:
                    continue
        except (KeyError, ValueError) as e:
            if x:
                return e
            continue
        except Exception:
            try:
                raise
            finally:
                break
        else:
            while True:
                try:
                    break
                finally:
                    pass
        finally:
            if x == 4:
                return 1
            if x == 5:
                continue
    else:
        return [y for y in xs if y], {k: v for k, v in m}, {z for z in xs}
    try:
        pass
    finally:
        try:
            return x
        except:
            return None
def g():
    try:
        yield 1
    finally:
        yield from g()
    x = [*a, *b]
    y = {**c, 'k': 1, **d}
    z = f(*a, k=1, **c)
    a, (b, *c), d = z
    del a, b[0], c.d
    assert x < y < z, (x, y)
    return (yield)
"#;
    let _ = dis_src(text);
}

#[test]
fn returns_and_loop_exits_inside_finally_bodies_verify() {
    let text = r#"
def f(xs, m):
    while xs:
        try:
            try:
                return xs.pop()
            finally:
                with m:
                    if xs:
                        return 2
                    for y in xs:
                        try:
                            continue
                        finally:
                            break
        except:
            try:
                return 3
            finally:
                def inner():
                    return xs
                class K:
                    z = [q for q in xs]
        finally:
            while True:
                try:
                    return 4
                finally:
                    continue
    else:
        pass
"#;
    let _ = dis_src(text);
}

#[test]
fn error_cannot_assign_to_debug_in_binding_statements() {
    for text in [
        "import a.b as __debug__\n",
        "from a import b as __debug__\n",
        "def __debug__(): pass\n",
        "class __debug__: pass\n",
        "f(__debug__=1)\n",
        "x.__debug__ = 1\n",
        "(__debug__ := 1)\n",
    ] {
        assert_eq!(err_src(text), "cannot assign to __debug__", "{text}");
    }
}

#[test]
fn error_spans_match_cpython_locations() {
    fn span_of(text: &str) -> &str {
        match compile_src(text) {
            Ok(_) => panic!("expected an error for {text}"),
            Err(d) => &text[d.span.range()],
        }
    }
    assert_eq!(span_of("def f():\n from m import *\n"), "*");
    assert_eq!(span_of("[(x := 1) for x in y]\n"), "x");
    assert_eq!(span_of("f(__debug__=1)\n"), "f(__debug__=1)");
    assert_eq!(span_of("while 1: pass\nelse: break\n"), "break");
}

#[test]
fn python2_print_statement_compiles_as_cpython2_does() {
    let source = SourceFile::new(
        "t.py",
        "def f(out):\n    print >>out, 1, 2,\nprint 'a', f\n",
    );
    let parsed = crate::parser::parse_file(&source, true).expect("a Python 2 file");
    let c = compile(&parsed.module, &source, Mode::Exec).expect("compiles");
    assert!(c.py2);
    let f = nested(&c, 0);
    assert!(f.py2, "nested code objects are Python 2 code too");
    assert_eq!(
        listing(&f),
        [
            "LoadFast 0 (out)",
            "Dup",
            "LoadConst 0 (1)",
            "PrintItem (to file)",
            "Dup",
            "LoadConst 1 (2)",
            "PrintItem (to file)",
            "Pop",
            "LoadConst 2 (None)",
            "ReturnValue"
        ]
    );
    let module = listing(&c);
    let at = module
        .iter()
        .position(|l| l == "LoadConst 1 ('a')")
        .expect("the item");
    assert_eq!(
        module[at..at + 5],
        [
            "LoadConst 1 ('a')",
            "PrintItem",
            "LoadName 0 (f)",
            "PrintItem",
            "PrintNewline"
        ]
    );
    let py3 = crate::compile_source(&SourceFile::new("t.py", "print('a')\n"), Mode::Exec);
    assert!(!py3.expect("compiles").py2);
}
