//! Unit tests of `dict_methods`: tables of calls whose expected results (values or
//! exceptions) were produced by CPython 3.11, plus named checks of single behaviours.

use super::super::testutil::{d, i, py, s, show_mut, vm};
use crate::objects::Value;

#[test]
fn dict_methods_match_cpython() {
    let mut vm = vm();
    assert_eq!(
        show_mut(&mut vm, &d(vec![(s("a"), i(1))]), "get", &[s("a")]),
        "1 | {'a': 1}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![(s("a"), i(1))]), "get", &[s("b")]),
        "None | {'a': 1}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![(s("a"), i(1))]), "get", &[s("b"), i(0)]),
        "0 | {'a': 1}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![]), "get", &[]),
        "TypeError: get expected at least 1 argument, got 0 | {}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![(i(1), i(2))]), "get", &[Value::Float(1.0)]),
        "2 | {1: 2}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![]), "get", &[Value::list(vec![i(1)])]),
        "TypeError: unhashable type: 'list' | {}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &d(vec![(s("a"), i(1))]),
            "setdefault",
            &[s("a"), i(5)]
        ),
        "1 | {'a': 1}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &d(vec![(s("a"), i(1))]),
            "setdefault",
            &[s("b"), i(5)]
        ),
        "5 | {'a': 1, 'b': 5}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![(s("a"), i(1))]), "setdefault", &[s("c")]),
        "None | {'a': 1, 'c': None}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &d(vec![(s("a"), i(1)), (s("b"), i(2))]),
            "pop",
            &[s("a")]
        ),
        "1 | {'b': 2}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![(s("a"), i(1))]), "pop", &[s("z")]),
        "KeyError: 'z' | {'a': 1}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![(s("a"), i(1))]), "pop", &[s("z"), i(0)]),
        "0 | {'a': 1}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![]), "pop", &[]),
        "TypeError: pop expected at least 1 argument, got 0 | {}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &d(vec![(s("a"), i(1)), (s("b"), i(2))]),
            "popitem",
            &[]
        ),
        "('b', 2) | {'a': 1}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![]), "popitem", &[]),
        "KeyError: 'popitem(): dictionary is empty' | {}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &d(vec![(s("a"), i(1))]),
            "update",
            &[d(vec![(s("b"), i(2))])]
        ),
        "None | {'a': 1, 'b': 2}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &d(vec![(s("a"), i(1))]),
            "update",
            &[Value::list(vec![Value::tuple(vec![s("c"), i(3)])])]
        ),
        "None | {'a': 1, 'c': 3}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &d(vec![(s("a"), i(1))]),
            "update",
            &[Value::list(vec![Value::tuple(vec![i(1), i(2), i(3)])])]
        ),
        "ValueError: dictionary update sequence element #0 has length 3; 2 is required | {'a': 1}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &d(vec![(s("a"), i(1))]),
            "update",
            &[Value::list(vec![i(5)])]
        ),
        "TypeError: cannot convert dictionary update sequence element #0 to a sequence | {'a': 1}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &d(vec![(s("a"), i(1))]),
            "update",
            &[d(vec![(s("a"), i(2))]), d(vec![(s("b"), i(1))])]
        ),
        "TypeError: update expected at most 1 argument, got 2 | {'a': 1}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![(s("a"), i(1))]), "copy", &[]),
        "{'a': 1} | {'a': 1}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![(s("a"), i(1))]), "clear", &[]),
        "None | {}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![(s("a"), i(1))]), "__len__", &[]),
        "1 | {'a': 1}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![(s("a"), i(1))]), "__getitem__", &[s("a")]),
        "1 | {'a': 1}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![(s("a"), i(1))]), "__getitem__", &[s("b")]),
        "KeyError: 'b' | {'a': 1}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![(s("a"), i(1))]), "__contains__", &[s("a")]),
        "True | {'a': 1}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![(s("a"), i(1))]), "__delitem__", &[s("a")]),
        "None | {}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![(s("a"), i(1))]), "__delitem__", &[s("q")]),
        "KeyError: 'q' | {'a': 1}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &d(vec![(s("a"), i(1))]),
            "__setitem__",
            &[s("b"), i(2)]
        ),
        "None | {'a': 1, 'b': 2}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &d(vec![(s("a"), i(1))]),
            "__eq__",
            &[d(vec![(s("a"), i(1))])]
        ),
        "True | {'a': 1}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &d(vec![(s("a"), i(1))]),
            "__eq__",
            &[Value::list(vec![i(1)])]
        ),
        "NotImplemented | {'a': 1}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &d(vec![(s("a"), i(1))]),
            "__ne__",
            &[d(vec![(s("a"), i(2))])]
        ),
        "True | {'a': 1}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &d(vec![(s("a"), i(1))]),
            "__or__",
            &[d(vec![(s("b"), i(2)), (s("a"), i(3))])]
        ),
        "{'a': 3, 'b': 2} | {'a': 1}"
    );
    assert_eq!(
        show_mut(&mut vm, &d(vec![(s("a"), i(1))]), "__or__", &[i(5)]),
        "NotImplemented | {'a': 1}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &d(vec![(s("a"), i(1))]),
            "__ior__",
            &[d(vec![(s("b"), i(2))])]
        ),
        "{'a': 1, 'b': 2} | {'a': 1, 'b': 2}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &d(vec![(s("a"), i(1))]),
            "__ror__",
            &[d(vec![(s("b"), i(2)), (s("a"), i(3))])]
        ),
        "{'b': 2, 'a': 1} | {'a': 1}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &d(vec![(s("a"), i(1))]),
            "__init__",
            &[d(vec![(s("z"), i(1))])]
        ),
        "None | {'a': 1, 'z': 1}"
    );
}

#[test]
fn popitem_dictionary_is_empty() {
    assert_eq!(
        py("r = {}.popitem()"),
        "KeyError: 'popitem(): dictionary is empty'"
    );
}

#[test]
fn fromkeys_on_the_class_and_subclasses() {
    assert_eq!(py("r = dict.fromkeys('ab', 0)"), "{'a': 0, 'b': 0}");
    assert_eq!(py("r = {}.fromkeys([1, 2])"), "{1: None, 2: None}");
    assert_eq!(
        py("class D(dict):\n    pass\nx = D.fromkeys('a')\nr = (type(x).__name__, x)"),
        "('D', {'a': None})"
    );
}

#[test]
fn dict_subclass_missing_and_init() {
    assert_eq!(
        py("class D(dict):\n    def __missing__(self, k):\n        return k * 2\nx = D(a=1)\nr = (x['a'], x['zz'], x.get('q'), len(x))"),
        "(1, 'zzzz', None, 1)"
    );
}

#[test]
fn changed_size_during_iteration() {
    assert_eq!(
        py("d = {'a': 1}\nfor k in d:\n    d['b'] = 2"),
        "RuntimeError: dictionary changed size during iteration"
    );
}

#[test]
fn keys_views_support_set_operations() {
    assert_eq!(
        py("d = {'a': 1, 'b': 2}\nk = d.keys()\nr = (k & {'a', 'z'}, sorted(k | {'z'}), k - {'a'}, k == {'a', 'b'}, {'b', 'a'} == k, k ^ {'a'})"),
        "({'a'}, ['a', 'b', 'z'], {'b'}, True, True, {'b'})"
    );
    assert_eq!(
        py("d = {'a': 1}\nr = (list(reversed({'x': 1, 'y': 2}.values())), d.items() | {('b', 2)} == {('a', 1), ('b', 2)}, d.keys().isdisjoint(['b']))"),
        "([2, 1], True, True)"
    );
}
