//! Unit tests of `tuple_methods`: tables of calls whose expected results (values or
//! exceptions) were produced by CPython 3.11, plus named checks of single behaviours.

use super::super::testutil::{i, py, s, show, vm};
use crate::objects::Value;

#[test]
fn tuple_methods_match_cpython() {
    let mut vm = vm();
    assert_eq!(
        show(
            &mut vm,
            &Value::tuple(vec![i(1), i(2), i(1)]),
            "index",
            &[i(1)]
        ),
        "0"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::tuple(vec![i(1), i(2), i(1)]),
            "index",
            &[i(1), i(1)]
        ),
        "2"
    );
    assert_eq!(
        show(&mut vm, &Value::tuple(vec![i(1), i(2)]), "index", &[i(5)]),
        "ValueError: tuple.index(x): x not in tuple"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::tuple(vec![i(1), i(2), i(3)]),
            "index",
            &[i(3), i(0), i(2)]
        ),
        "ValueError: tuple.index(x): x not in tuple"
    );
    assert_eq!(
        show(&mut vm, &Value::tuple(vec![]), "index", &[]),
        "TypeError: index expected at least 1 argument, got 0"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::tuple(vec![i(1), i(2), i(1)]),
            "count",
            &[i(1)]
        ),
        "2"
    );
    assert_eq!(
        show(&mut vm, &Value::tuple(vec![i(1)]), "count", &[]),
        "TypeError: tuple.count() takes exactly one argument (0 given)"
    );
    assert_eq!(
        show(&mut vm, &Value::tuple(vec![i(1), i(2)]), "__len__", &[]),
        "2"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::tuple(vec![i(1), i(2)]),
            "__getitem__",
            &[i(-1)]
        ),
        "2"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::tuple(vec![i(1), i(2)]),
            "__getitem__",
            &[i(2)]
        ),
        "IndexError: tuple index out of range"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::tuple(vec![i(1), i(2)]),
            "__contains__",
            &[i(2)]
        ),
        "True"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::tuple(vec![i(1)]),
            "__add__",
            &[Value::tuple(vec![i(2)])]
        ),
        "(1, 2)"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::tuple(vec![i(1)]),
            "__add__",
            &[Value::list(vec![i(2)])]
        ),
        "TypeError: can only concatenate tuple (not \"list\") to tuple"
    );
    assert_eq!(
        show(&mut vm, &Value::tuple(vec![i(1), i(2)]), "__mul__", &[i(2)]),
        "(1, 2, 1, 2)"
    );
    assert_eq!(
        show(&mut vm, &Value::tuple(vec![i(1)]), "__rmul__", &[i(0)]),
        "()"
    );
    assert_eq!(
        show(&mut vm, &Value::tuple(vec![i(1)]), "__mul__", &[s("x")]),
        "TypeError: 'str' object cannot be interpreted as an integer"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::tuple(vec![i(1)]),
            "__eq__",
            &[Value::tuple(vec![i(1)])]
        ),
        "True"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::tuple(vec![i(1)]),
            "__eq__",
            &[Value::list(vec![i(1)])]
        ),
        "NotImplemented"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::tuple(vec![i(1)]),
            "__lt__",
            &[Value::tuple(vec![i(1), i(2)])]
        ),
        "True"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::tuple(vec![i(2)]),
            "__gt__",
            &[Value::tuple(vec![i(1), i(5)])]
        ),
        "True"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::tuple(vec![i(1)]),
            "__ne__",
            &[Value::tuple(vec![i(1)])]
        ),
        "False"
    );
    assert_eq!(
        show(&mut vm, &Value::tuple(vec![i(1), i(2)]), "__hash__", &[]),
        "-3550055125485641917"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::tuple(vec![s("a")]),
            "__ge__",
            &[Value::tuple(vec![s("a")])]
        ),
        "True"
    );
}

#[test]
fn tuple_index_x_not_in_tuple() {
    assert_eq!(
        py("r = (1, 2).index(3)"),
        "ValueError: tuple.index(x): x not in tuple"
    );
}
