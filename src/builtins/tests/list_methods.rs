//! Unit tests of `list_methods`: tables of calls whose expected results (values or
//! exceptions) were produced by CPython 3.11, plus named checks of single behaviours.

use super::super::testutil::{i, s, show_mut, vm};
use crate::objects::Value;

#[test]
fn list_methods_match_cpython() {
    let mut vm = vm();
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1), i(2)]), "append", &[i(3)]),
        "None | [1, 2, 3]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1), i(2)]), "append", &[]),
        "TypeError: list.append() takes exactly one argument (0 given) | [1, 2]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1)]),
            "extend",
            &[Value::list(vec![i(2), i(3)])]
        ),
        "None | [1, 2, 3]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1)]),
            "extend",
            &[Value::tuple(vec![i(2)])]
        ),
        "None | [1, 2]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1)]), "extend", &[s("ab")]),
        "None | [1, 'a', 'b']"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1)]), "extend", &[i(5)]),
        "TypeError: 'int' object is not iterable | [1]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(3)]),
            "insert",
            &[i(0), i(9)]
        ),
        "None | [9, 1, 2, 3]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(3)]),
            "insert",
            &[i(-1), i(9)]
        ),
        "None | [1, 2, 9, 3]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(3)]),
            "insert",
            &[i(100), i(9)]
        ),
        "None | [1, 2, 3, 9]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(3)]),
            "insert",
            &[i(-100), i(9)]
        ),
        "None | [9, 1, 2, 3]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1)]), "insert", &[i(1)]),
        "TypeError: insert expected 2 arguments, got 1 | [1]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1)]), "insert", &[s("a"), i(2)]),
        "TypeError: 'str' object cannot be interpreted as an integer | [1]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(1)]),
            "remove",
            &[i(1)]
        ),
        "None | [2, 1]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1), i(2)]), "remove", &[i(5)]),
        "ValueError: list.remove(x): x not in list | [1, 2]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1), i(2), i(3)]), "pop", &[]),
        "3 | [1, 2]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(3)]),
            "pop",
            &[i(0)]
        ),
        "1 | [2, 3]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(3)]),
            "pop",
            &[i(-1)]
        ),
        "3 | [1, 2]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![]), "pop", &[]),
        "IndexError: pop from empty list | []"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1)]), "pop", &[i(5)]),
        "IndexError: pop index out of range | [1]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1)]), "pop", &[i(1), i(2)]),
        "TypeError: pop expected at most 1 argument, got 2 | [1]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(3), i(2)]),
            "index",
            &[i(2)]
        ),
        "1 | [1, 2, 3, 2]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(3), i(2)]),
            "index",
            &[i(2), i(2)]
        ),
        "3 | [1, 2, 3, 2]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(3)]),
            "index",
            &[i(5)]
        ),
        "ValueError: 5 is not in list | [1, 2, 3]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(3)]),
            "index",
            &[i(1), i(1)]
        ),
        "ValueError: 1 is not in list | [1, 2, 3]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(3)]),
            "index",
            &[s("a")]
        ),
        "ValueError: 'a' is not in list | [1, 2, 3]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(3)]),
            "index",
            &[i(3), i(-1)]
        ),
        "2 | [1, 2, 3]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(3)]),
            "index",
            &[i(3), i(-5), i(100)]
        ),
        "2 | [1, 2, 3]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![]), "index", &[]),
        "TypeError: index expected at least 1 argument, got 0 | []"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(1), i(1)]),
            "count",
            &[i(1)]
        ),
        "3 | [1, 2, 1, 1]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), Value::Bool(true), Value::Float(1.0)]),
            "count",
            &[i(1)]
        ),
        "3 | [1, True, 1.0]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![]), "count", &[]),
        "TypeError: list.count() takes exactly one argument (0 given) | []"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(3), i(1), i(2)]), "sort", &[]),
        "None | [1, 2, 3]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(3), i(1), s("a")]), "sort", &[]),
        "TypeError: '<' not supported between instances of 'str' and 'int' | [3, 1, 'a']"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(3)]),
            "reverse",
            &[]
        ),
        "None | [3, 2, 1]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1), i(2)]), "copy", &[]),
        "[1, 2] | [1, 2]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1), i(2)]), "clear", &[]),
        "None | []"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1), i(2)]), "__len__", &[]),
        "2 | [1, 2]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2)]),
            "__getitem__",
            &[i(-1)]
        ),
        "2 | [1, 2]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2)]),
            "__getitem__",
            &[i(5)]
        ),
        "IndexError: list index out of range | [1, 2]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2)]),
            "__contains__",
            &[i(2)]
        ),
        "True | [1, 2]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1)]),
            "__add__",
            &[Value::list(vec![i(2)])]
        ),
        "[1, 2] | [1]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1)]),
            "__add__",
            &[Value::tuple(vec![i(2)])]
        ),
        "TypeError: can only concatenate list (not \"tuple\") to list | [1]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1)]),
            "__iadd__",
            &[Value::tuple(vec![i(2)])]
        ),
        "[1, 2] | [1, 2]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1), i(2)]), "__mul__", &[i(2)]),
        "[1, 2, 1, 2] | [1, 2]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1)]), "__mul__", &[s("a")]),
        "TypeError: 'str' object cannot be interpreted as an integer | [1]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1)]), "__rmul__", &[i(3)]),
        "[1, 1, 1] | [1]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1), i(2)]), "__imul__", &[i(2)]),
        "[1, 2, 1, 2] | [1, 2, 1, 2]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1)]),
            "__eq__",
            &[Value::list(vec![i(1)])]
        ),
        "True | [1]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1)]),
            "__eq__",
            &[Value::tuple(vec![i(1)])]
        ),
        "NotImplemented | [1]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1)]),
            "__lt__",
            &[Value::list(vec![i(2)])]
        ),
        "True | [1]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1)]),
            "__ge__",
            &[Value::list(vec![i(2)])]
        ),
        "False | [1]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1)]),
            "__ne__",
            &[Value::list(vec![i(1)])]
        ),
        "False | [1]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(3)]),
            "__setitem__",
            &[i(0), i(9)]
        ),
        "None | [9, 2, 3]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(3)]),
            "__delitem__",
            &[i(0)]
        ),
        "None | [2, 3]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2), i(3)]),
            "__delitem__",
            &[i(5)]
        ),
        "IndexError: list assignment index out of range | [1, 2, 3]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2)]),
            "__setitem__",
            &[i(5), i(1)]
        ),
        "IndexError: list assignment index out of range | [1, 2]"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &Value::list(vec![i(1), i(2)]),
            "__init__",
            &[Value::list(vec![i(3)])]
        ),
        "None | [3]"
    );
    assert_eq!(
        show_mut(&mut vm, &Value::list(vec![i(1), i(2)]), "__init__", &[]),
        "None | []"
    );
}
