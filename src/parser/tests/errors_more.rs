//! One test per error message, continued (see `errors.rs`).

use super::errors::check;

#[test]
fn duplicate_argument_lambda() {
    check(
        "lambda a, *a: 1\n",
        "SyntaxError",
        "duplicate argument 'a' in function definition",
        (1, 12, 13),
    );
}

#[test]
fn named_arguments_must_follow_bare_star() {
    check(
        "def f(*): pass\n",
        "SyntaxError",
        "named arguments must follow bare *",
        (1, 7, 8),
    );
}

#[test]
fn named_arguments_must_follow_bare_star_before_kwargs() {
    check(
        "def f(*, **k): pass\n",
        "SyntaxError",
        "named arguments must follow bare *",
        (1, 7, 8),
    );
}

#[test]
fn arguments_cannot_follow_var_keyword_argument() {
    check(
        "def f(**k, a): pass\n",
        "SyntaxError",
        "arguments cannot follow var-keyword argument",
        (1, 12, 13),
    );
}

#[test]
fn star_argument_may_appear_only_once() {
    check(
        "def f(a, *b, *c): pass\n",
        "SyntaxError",
        "* argument may appear only once",
        (1, 14, 15),
    );
}

#[test]
fn var_positional_argument_cannot_have_default_value() {
    check(
        "def f(*a=1): pass\n",
        "SyntaxError",
        "var-positional argument cannot have default value",
        (1, 9, 10),
    );
}

#[test]
fn var_keyword_argument_cannot_have_default_value() {
    check(
        "def f(**a=1): pass\n",
        "SyntaxError",
        "var-keyword argument cannot have default value",
        (1, 10, 11),
    );
}

#[test]
fn slash_must_be_ahead_of_star() {
    check(
        "def f(*a, /): pass\n",
        "SyntaxError",
        "/ must be ahead of *",
        (1, 11, 12),
    );
}

#[test]
fn slash_may_appear_only_once() {
    check(
        "def f(a, /, b, /): pass\n",
        "SyntaxError",
        "/ may appear only once",
        (1, 16, 17),
    );
}

#[test]
fn slash_first_is_invalid() {
    check(
        "def f(/): pass\n",
        "SyntaxError",
        "invalid syntax",
        (1, 7, 8),
    );
}

#[test]
fn lambda_parameters_cannot_be_parenthesized() {
    check(
        "lambda a, (b): 1\n",
        "SyntaxError",
        "Lambda expression parameters cannot be parenthesized",
        (1, 11, 14),
    );
}

#[test]
fn expected_except_or_finally_block() {
    check(
        "try:\n  pass\nx = 1\n",
        "SyntaxError",
        "expected 'except' or 'finally' block",
        (3, 1, 2),
    );
}

#[test]
fn maybe_meant_eq_or_walrus() {
    check(
        "if x = 1:\n  pass\n",
        "SyntaxError",
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        (1, 4, 9),
    );
}

#[test]
fn maybe_meant_eq_in_list() {
    check(
        "[a = 1]\n",
        "SyntaxError",
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        (1, 2, 7),
    );
}

#[test]
fn cannot_assign_to_attribute_here_in_if() {
    check(
        "if x.y = 1: pass\n",
        "SyntaxError",
        "cannot assign to attribute here. Maybe you meant '==' instead of '='?",
        (1, 4, 7),
    );
}

#[test]
fn cannot_assign_to_function_call_here_in_while() {
    check(
        "while f() = 1: pass\n",
        "SyntaxError",
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        (1, 7, 10),
    );
}

#[test]
fn cannot_use_assignment_expressions_with_attribute() {
    check(
        "(a.b := 1)\n",
        "SyntaxError",
        "cannot use assignment expressions with attribute",
        (1, 2, 5),
    );
}

#[test]
fn walrus_at_statement_level() {
    check("a := 1\n", "SyntaxError", "invalid syntax", (1, 3, 5));
}

#[test]
fn expected_else_after_if_expression() {
    check(
        "x = 1 if 2\n",
        "SyntaxError",
        "expected 'else' after 'if' expression",
        (1, 5, 11),
    );
}

#[test]
fn cannot_mix_bytes_and_nonbytes_literals() {
    check(
        "x = 'a' b'b'\n",
        "SyntaxError",
        "cannot mix bytes and nonbytes literals",
        (1, 13, 13),
    );
}

#[test]
fn only_single_target_not_tuple_can_be_annotated() {
    check(
        "a, b: int\n",
        "SyntaxError",
        "only single target (not tuple) can be annotated",
        (1, 1, 2),
    );
}

#[test]
fn only_single_target_not_list_can_be_annotated() {
    check(
        "[a]: int\n",
        "SyntaxError",
        "only single target (not list) can be annotated",
        (1, 1, 4),
    );
}

#[test]
fn illegal_target_for_annotation() {
    check(
        "f(): int\n",
        "SyntaxError",
        "illegal target for annotation",
        (1, 1, 4),
    );
}

#[test]
fn starred_assignment_target_must_be_in_a_list_or_tuple() {
    check(
        "*a = 1\n",
        "SyntaxError",
        "starred assignment target must be in a list or tuple",
        (1, 1, 3),
    );
}

#[test]
fn cant_use_starred_expression_here() {
    check(
        "x = *a\n",
        "SyntaxError",
        "can't use starred expression here",
        (1, 5, 7),
    );
}

#[test]
fn cannot_use_starred_expression_here_in_parens() {
    check(
        "(*a)\n",
        "SyntaxError",
        "cannot use starred expression here",
        (1, 2, 4),
    );
}

#[test]
fn multiple_starred_expressions_in_assignment() {
    check(
        "*a, *b = c\n",
        "SyntaxError",
        "multiple starred expressions in assignment",
        (1, 1, 7),
    );
}

#[test]
fn trailing_comma_not_allowed_without_parentheses() {
    check(
        "from x import a,\n",
        "SyntaxError",
        "trailing comma not allowed without surrounding parentheses",
        (1, 17, 17),
    );
}

#[test]
fn multiple_exception_types_must_be_parenthesized() {
    check(
        "try:\n  pass\nexcept A, B:\n  pass\n",
        "SyntaxError",
        "multiple exception types must be parenthesized",
        (3, 8, 12),
    );
}

#[test]
fn dict_key_without_colon() {
    check(
        "{1: 2, 3}\n",
        "SyntaxError",
        "':' expected after dictionary key",
        (1, 8, -1),
    );
}

#[test]
fn expected_open_paren_after_def_name() {
    check(
        "def f[T](): pass\n",
        "SyntaxError",
        "expected '('",
        (1, 6, 7),
    );
}

#[test]
fn invalid_syntax_in_import_as() {
    check(
        "import a.b as c.d\n",
        "SyntaxError",
        "invalid syntax",
        (1, 16, 17),
    );
}

#[test]
fn invalid_syntax_comprehension_tuple_iter() {
    check(
        "[x for x in 1, 2]\n",
        "SyntaxError",
        "invalid syntax",
        (1, 14, 15),
    );
}

#[test]
fn invalid_syntax_at_newline() {
    check("x = -\n", "SyntaxError", "invalid syntax", (1, 6, 6));
}

#[test]
fn invalid_syntax_empty_subscript() {
    check("a[]\n", "SyntaxError", "invalid syntax", (1, 3, 4));
}

#[test]
fn invalid_syntax_lambda_yield() {
    check(
        "lambda: yield\n",
        "SyntaxError",
        "invalid syntax",
        (1, 9, 14),
    );
}

#[test]
fn invalid_syntax_class_genexp_base() {
    check(
        "class A(x for x in y): pass\n",
        "SyntaxError",
        "invalid syntax",
        (1, 11, 14),
    );
}

#[test]
fn fstring_perhaps_you_forgot_a_comma() {
    // CPython 3.11 locates this inside a made-up "(a b)" line; pyt points into the file.
    check(
        "f\"{a b}\"\n",
        "SyntaxError",
        "f-string: invalid syntax. Perhaps you forgot a comma?",
        (1, 4, 7),
    );
}

#[test]
fn expected_colon_forced_after_def_signature() {
    check(
        "def f() x:\n pass\n",
        "SyntaxError",
        "expected ':'",
        (1, 9, 10),
    );
}

#[test]
fn expected_colon_forced_after_return_annotation() {
    check(
        "def f() -> int x:\n pass\n",
        "SyntaxError",
        "expected ':'",
        (1, 16, 17),
    );
}

#[test]
fn expected_colon_forced_after_try() {
    check("try x:\n pass\n", "SyntaxError", "expected ':'", (1, 5, 6));
}

#[test]
fn expected_colon_forced_after_finally() {
    check(
        "try:\n pass\nfinally x:\n pass\n",
        "SyntaxError",
        "expected ':'",
        (3, 9, 10),
    );
}

#[test]
fn expected_colon_forced_after_else() {
    check(
        "if x:\n pass\nelse x:\n pass\n",
        "SyntaxError",
        "expected ':'",
        (3, 6, 7),
    );
}

#[test]
fn expected_colon_after_class_at_newline() {
    check("class A\n", "SyntaxError", "expected ':'", (1, 8, 8));
}

#[test]
fn expected_colon_after_except_at_newline() {
    check(
        "try:\n pass\nexcept E\n pass\n",
        "SyntaxError",
        "expected ':'",
        (3, 9, 9),
    );
}

#[test]
fn invalid_syntax_after_class_name() {
    check(
        "class A x:\n pass\n",
        "SyntaxError",
        "invalid syntax",
        (1, 9, 10),
    );
}

#[test]
fn invalid_syntax_after_if_condition() {
    check(
        "if x y:\n pass\n",
        "SyntaxError",
        "invalid syntax",
        (1, 6, 7),
    );
}

#[test]
fn cannot_delete_comparison() {
    check(
        "del a < b\n",
        "SyntaxError",
        "cannot delete comparison",
        (1, 5, 10),
    );
}

#[test]
fn cannot_delete_expression_in_list() {
    check(
        "del a, b + c\n",
        "SyntaxError",
        "cannot delete expression",
        (1, 8, 13),
    );
}

#[test]
fn perhaps_you_forgot_a_comma_in_comprehension_target() {
    check(
        "x = [a for a b]\n",
        "SyntaxError",
        "invalid syntax. Perhaps you forgot a comma?",
        (1, 12, 15),
    );
}

#[test]
fn invalid_syntax_after_comprehension_iter() {
    check(
        "x = [a for a in b c]\n",
        "SyntaxError",
        "invalid syntax",
        (1, 19, 20),
    );
}

#[test]
fn cannot_use_assignment_expressions_with_attribute_statement() {
    check(
        "t.join := 1\n",
        "SyntaxError",
        "cannot use assignment expressions with attribute",
        (1, 1, 7),
    );
}

#[test]
fn expected_default_value_expression() {
    check(
        "def f(a, b=, c): pass\n",
        "SyntaxError",
        "expected default value expression",
        (1, 11, 12),
    );
}

#[test]
fn expected_default_value_expression_kwonly() {
    check(
        "def f(*, a=): pass\n",
        "SyntaxError",
        "expected default value expression",
        (1, 11, 12),
    );
}

#[test]
fn invalid_syntax_lambda_missing_default() {
    check(
        "lambda a=: 1\n",
        "SyntaxError",
        "invalid syntax",
        (1, 10, 11),
    );
}

#[test]
fn expected_colon_after_dangling_arrow() {
    check(
        "def f()-> :\n pass\n",
        "SyntaxError",
        "expected ':'",
        (1, 8, 10),
    );
}

#[test]
fn keyword_argument_repeated() {
    check(
        "f(a=1, a=2)\n",
        "SyntaxError",
        "keyword argument repeated: a",
        (1, 8, 11),
    );
}

#[test]
fn keyword_argument_repeated_in_class() {
    check(
        "class A(x=1, x=2): pass\n",
        "SyntaxError",
        "keyword argument repeated: x",
        (1, 14, 17),
    );
}

#[test]
fn cannot_assign_to_conditional_expression() {
    check(
        "a if b else c = 1\n",
        "SyntaxError",
        "cannot assign to conditional expression",
        (1, 1, 14),
    );
}

#[test]
fn cannot_assign_to_comparison_here_when_parenthesized() {
    check(
        "(a < b) = 1\n",
        "SyntaxError",
        "cannot assign to comparison here. Maybe you meant '==' instead of '='?",
        (1, 2, 7),
    );
}

#[test]
fn cant_use_starred_expression_here_in_return() {
    check(
        "def f():\n return *a\n",
        "SyntaxError",
        "can't use starred expression here",
        (2, 9, 11),
    );
}

#[test]
fn cant_use_starred_expression_here_in_yield() {
    check(
        "def f():\n x = yield *a\n",
        "SyntaxError",
        "can't use starred expression here",
        (2, 12, 14),
    );
}

#[test]
fn cant_use_starred_expression_here_in_for_iter() {
    check(
        "for x in *a: pass\n",
        "SyntaxError",
        "can't use starred expression here",
        (1, 10, 12),
    );
}

#[test]
fn invalid_syntax_walrus_without_value() {
    check("f():=\n", "SyntaxError", "invalid syntax", (1, 4, 6));
}

#[test]
fn invalid_syntax_annotation_without_value() {
    check("1:\n", "SyntaxError", "invalid syntax", (1, 2, 3));
}
