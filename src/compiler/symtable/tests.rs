//! Symbol table tests: one per scoping rule and one per error (symtable.rs).

use super::*;
use crate::compiler::test_ast::*;
use crate::parser::ast::BinOp;

fn table(body: Vec<Stmt>) -> SymbolTable {
    match build(&module(body)) {
        Ok(t) => t,
        Err(d) => panic!("unexpected error: {}", d.message),
    }
}

fn err(body: Vec<Stmt>) -> String {
    match build(&module(body)) {
        Ok(_) => panic!("expected a symtable error"),
        Err(d) => d.message,
    }
}

/// The scope whose name is `name` (first match, depth-first creation order).
fn scope<'t>(t: &'t SymbolTable, name: &str) -> &'t Scope {
    match t.scopes.iter().find(|s| &*s.name == name) {
        Some(s) => s,
        None => panic!("no scope {name}"),
    }
}

#[test]
fn assigned_name_is_local_in_function() {
    let t = table(vec![def(
        "f",
        &[],
        vec![assign(n("x"), int(1)), expr(n("x"))],
    )]);
    assert_eq!(scope(&t, "f").lookup("x"), Resolved::Local);
}

#[test]
fn unbound_name_is_implicit_global() {
    let t = table(vec![def("f", &[], vec![expr(n("print"))])]);
    assert_eq!(scope(&t, "f").lookup("print"), Resolved::GlobalImplicit);
}

#[test]
fn every_binding_form_makes_a_local() {
    let t = table(vec![def(
        "f",
        &[],
        vec![
            augassign(n("a"), BinOp::Add, int(1)),
            for_(n("b"), n("it"), vec![pass()], vec![]),
            with(n("m"), Some(n("c")), vec![pass()]),
            try_(
                vec![pass()],
                vec![handler(Some(n("E")), Some("d"), vec![pass()])],
                vec![],
                vec![],
            ),
            import(vec![alias("e.sub", None)]),
            def("g", &[], vec![pass()]),
            class("h", vec![], vec![pass()]),
            del(vec![n("i")]),
            expr(named("j", int(1))),
            ann(n("k"), None),
        ],
    )]);
    let f = scope(&t, "f");
    for name in ["a", "b", "c", "d", "e", "g", "h", "i", "j", "k"] {
        assert_eq!(f.lookup(name), Resolved::Local, "{name}");
    }
    assert_eq!(f.lookup("it"), Resolved::GlobalImplicit);
}

#[test]
fn captured_local_becomes_cell_and_inner_use_is_free() {
    let t = table(vec![def(
        "f",
        &[],
        vec![assign(n("x"), int(1)), def("g", &[], vec![expr(n("x"))])],
    )]);
    assert_eq!(scope(&t, "f").lookup("x"), Resolved::Cell);
    assert_eq!(scope(&t, "f").cellvars(), vec![Arc::<str>::from("x")]);
    assert_eq!(scope(&t, "g").lookup("x"), Resolved::Free);
    assert_eq!(scope(&t, "g").freevars(), vec![Arc::<str>::from("x")]);
}

#[test]
fn free_variable_passes_through_intermediate_function() {
    let t = table(vec![def(
        "f",
        &[],
        vec![
            assign(n("x"), int(1)),
            def("g", &[], vec![def("h", &[], vec![expr(n("x"))])]),
        ],
    )]);
    assert_eq!(scope(&t, "g").lookup("x"), Resolved::Free);
    assert_eq!(scope(&t, "h").lookup("x"), Resolved::Free);
}

#[test]
fn class_scope_is_skipped_for_methods() {
    let t = table(vec![class(
        "C",
        vec![],
        vec![
            assign(n("x"), int(1)),
            def("m", &["self"], vec![expr(n("x"))]),
        ],
    )]);
    assert_eq!(scope(&t, "m").lookup("x"), Resolved::GlobalImplicit);
    assert_eq!(scope(&t, "C").lookup("x"), Resolved::Local);
}

#[test]
fn class_body_reads_enclosing_function_cell() {
    let t = table(vec![def(
        "f",
        &[],
        vec![
            assign(n("x"), int(1)),
            class("C", vec![], vec![assign(n("y"), n("x"))]),
        ],
    )]);
    assert_eq!(scope(&t, "f").lookup("x"), Resolved::Cell);
    assert_eq!(scope(&t, "C").lookup("x"), Resolved::Free);
}

#[test]
fn method_free_variable_threads_through_class_that_binds_it() {
    let t = table(vec![def(
        "f",
        &[],
        vec![
            assign(n("x"), int(1)),
            class(
                "C",
                vec![],
                vec![assign(n("x"), int(2)), def("m", &[], vec![expr(n("x"))])],
            ),
        ],
    )]);
    let c = scope(&t, "C");
    assert_eq!(c.lookup("x"), Resolved::Local);
    assert_ne!(c.flags("x") & DEF_FREE_CLASS, 0);
    assert_eq!(c.freevars(), vec![Arc::<str>::from("x")]);
    assert_eq!(scope(&t, "m").lookup("x"), Resolved::Free);
}

#[test]
fn captured_parameter_is_cell() {
    let t = table(vec![def("f", &["a"], vec![expr(lambda(&[], n("a")))])]);
    assert_eq!(scope(&t, "f").lookup("a"), Resolved::Cell);
    assert_eq!(scope(&t, "f").params, vec![Arc::<str>::from("a")]);
}

#[test]
fn super_in_method_creates_class_cell() {
    let t = table(vec![class(
        "C",
        vec![],
        vec![def("m", &["self"], vec![expr(call(n("super"), vec![]))])],
    )]);
    assert!(scope(&t, "C").needs_class_closure);
    assert_eq!(
        scope(&t, "C").cellvars(),
        vec![Arc::<str>::from("__class__")]
    );
    assert_eq!(scope(&t, "m").lookup("__class__"), Resolved::Free);
}

#[test]
fn dunder_class_in_nested_function_creates_class_cell() {
    let t = table(vec![class(
        "C",
        vec![],
        vec![def(
            "m",
            &["self"],
            vec![def("inner", &[], vec![expr(n("__class__"))])],
        )],
    )]);
    assert!(scope(&t, "C").needs_class_closure);
    assert_eq!(scope(&t, "m").lookup("__class__"), Resolved::Free);
    assert_eq!(scope(&t, "inner").lookup("__class__"), Resolved::Free);
}

#[test]
fn comprehension_is_own_scope_with_dot0_parameter() {
    let t = table(vec![def(
        "f",
        &[],
        vec![expr(listcomp(n("x"), n("x"), n("y")))],
    )]);
    let lc = scope(&t, "listcomp");
    assert!(lc.is_comprehension);
    assert_eq!(lc.params, vec![Arc::<str>::from(".0")]);
    assert_eq!(lc.lookup("x"), Resolved::Local);
    assert_eq!(scope(&t, "f").lookup("x"), Resolved::GlobalImplicit);
    // The outermost iterable is evaluated in the enclosing scope.
    assert_eq!(scope(&t, "f").lookup("y"), Resolved::GlobalImplicit);
    assert_eq!(lc.flags("y"), 0);
}

#[test]
fn generator_expression_is_generator() {
    let t = table(vec![expr(genexp(n("x"), n("x"), n("y")))]);
    assert!(scope(&t, "genexpr").is_generator);
}

#[test]
fn walrus_in_comprehension_binds_in_enclosing_function() {
    let t = table(vec![def(
        "f",
        &[],
        vec![expr(listcomp(named("last", n("x")), n("x"), n("y")))],
    )]);
    assert_eq!(scope(&t, "f").lookup("last"), Resolved::Cell);
    assert_eq!(scope(&t, "listcomp").lookup("last"), Resolved::Free);
}

#[test]
fn walrus_in_module_comprehension_binds_global() {
    let t = table(vec![expr(listcomp(named("last", n("x")), n("x"), n("y")))]);
    assert_eq!(
        scope(&t, "listcomp").lookup("last"),
        Resolved::GlobalExplicit
    );
}

#[test]
fn nonlocal_binds_enclosing_cell() {
    let t = table(vec![def(
        "f",
        &[],
        vec![
            assign(n("x"), int(1)),
            def("g", &[], vec![nonlocal(&["x"]), assign(n("x"), int(2))]),
        ],
    )]);
    assert_eq!(scope(&t, "f").lookup("x"), Resolved::Cell);
    assert_eq!(scope(&t, "g").lookup("x"), Resolved::Free);
}

#[test]
fn global_declaration_is_explicit_and_hides_enclosing_binding() {
    let t = table(vec![def(
        "f",
        &[],
        vec![
            assign(n("x"), int(1)),
            def("g", &[], vec![global(&["x"]), assign(n("x"), int(2))]),
        ],
    )]);
    assert_eq!(scope(&t, "g").lookup("x"), Resolved::GlobalExplicit);
    assert_eq!(scope(&t, "f").lookup("x"), Resolved::Local);
}

#[test]
fn private_names_are_mangled_in_class() {
    let t = table(vec![class(
        "_C",
        vec![],
        vec![assign(n("__x"), int(1)), assign(n("__y__"), int(1))],
    )]);
    let c = scope(&t, "_C");
    assert_eq!(c.lookup("_C__x"), Resolved::Local);
    assert_eq!(c.lookup("__y__"), Resolved::Local);
    assert_eq!(
        mangle(Some("__"), &Arc::from("__x")),
        Arc::<str>::from("__x")
    );
}

// ---- errors ----

#[test]
fn error_used_prior_to_global_declaration() {
    let m = err(vec![def("f", &[], vec![expr(n("x")), global(&["x"])])]);
    assert_eq!(m, "name 'x' is used prior to global declaration");
}

#[test]
fn error_assigned_to_before_global_declaration() {
    let m = err(vec![def(
        "f",
        &[],
        vec![assign(n("x"), int(1)), global(&["x"])],
    )]);
    assert_eq!(m, "name 'x' is assigned to before global declaration");
}

#[test]
fn error_parameter_and_global() {
    assert_eq!(
        err(vec![def("f", &["x"], vec![global(&["x"])])]),
        "name 'x' is parameter and global"
    );
}

#[test]
fn error_annotated_name_cant_be_global() {
    assert_eq!(
        err(vec![def(
            "f",
            &[],
            vec![global(&["x"]), ann(n("x"), Some(int(1)))]
        )]),
        "annotated name 'x' can't be global"
    );
}

#[test]
fn error_no_binding_for_nonlocal() {
    assert_eq!(
        err(vec![def("f", &[], vec![nonlocal(&["x"])])]),
        "no binding for nonlocal 'x' found"
    );
    assert_eq!(
        err(vec![class("C", vec![], vec![nonlocal(&["x"])])]),
        "no binding for nonlocal 'x' found"
    );
}

#[test]
fn error_nonlocal_at_module_level() {
    assert_eq!(
        err(vec![nonlocal(&["x"])]),
        "nonlocal declaration not allowed at module level"
    );
}

#[test]
fn error_parameter_and_nonlocal() {
    let m = err(vec![def(
        "f",
        &["x"],
        vec![def("g", &["x"], vec![nonlocal(&["x"])])],
    )]);
    assert_eq!(m, "name 'x' is parameter and nonlocal");
}

#[test]
fn error_used_prior_to_nonlocal_declaration() {
    let m = err(vec![def(
        "f",
        &[],
        vec![
            assign(n("x"), int(1)),
            def("g", &[], vec![expr(n("x")), nonlocal(&["x"])]),
        ],
    )]);
    assert_eq!(m, "name 'x' is used prior to nonlocal declaration");
}

#[test]
fn error_assigned_to_before_nonlocal_declaration() {
    let m = err(vec![def(
        "f",
        &[],
        vec![
            assign(n("x"), int(1)),
            def("g", &[], vec![assign(n("x"), int(1)), nonlocal(&["x"])]),
        ],
    )]);
    assert_eq!(m, "name 'x' is assigned to before nonlocal declaration");
}

#[test]
fn error_nonlocal_and_global() {
    let m = err(vec![def(
        "f",
        &[],
        vec![
            assign(n("x"), int(1)),
            def("g", &[], vec![global(&["x"]), nonlocal(&["x"])]),
        ],
    )]);
    assert_eq!(m, "name 'x' is nonlocal and global");
}

#[test]
fn error_duplicate_argument() {
    assert_eq!(
        err(vec![def("f", &["a", "a"], vec![pass()])]),
        "duplicate argument 'a' in function definition"
    );
}

#[test]
fn error_parameter_named_debug() {
    assert_eq!(
        err(vec![def("f", &["__debug__"], vec![pass()])]),
        "cannot assign to __debug__"
    );
}

#[test]
fn error_walrus_rebinds_comprehension_iteration_variable() {
    let m = err(vec![expr(listcomp(named("x", int(1)), n("x"), n("y")))]);
    assert_eq!(
        m,
        "assignment expression cannot rebind comprehension iteration variable 'x'"
    );
}

#[test]
fn error_walrus_in_class_comprehension() {
    let m = err(vec![class(
        "C",
        vec![],
        vec![expr(listcomp(named("y", int(1)), n("x"), n("z")))],
    )]);
    assert_eq!(
        m,
        "assignment expression within a comprehension cannot be used in a class body"
    );
}

#[test]
fn error_walrus_in_comprehension_iterable() {
    let m = err(vec![expr(listcomp(n("x"), n("x"), named("y", n("z"))))]);
    assert_eq!(
        m,
        "assignment expression cannot be used in a comprehension iterable expression"
    );
}

#[test]
fn error_yield_inside_comprehension() {
    assert_eq!(
        err(vec![expr(listcomp(yield_(None), n("x"), n("y")))]),
        "'yield' inside list comprehension"
    );
    assert_eq!(
        err(vec![expr(genexp(yield_(None), n("x"), n("y")))]),
        "'yield' inside generator expression"
    );
}

#[test]
fn error_import_star_in_function() {
    let m = err(vec![def(
        "f",
        &[],
        vec![import_from(Some("m"), vec![alias("*", None)], 0)],
    )]);
    assert_eq!(m, "import * only allowed at module level");
}
