//! Unit tests of `set_methods`: tables of calls whose expected results (values or
//! exceptions) were produced by CPython 3.11, plus named checks of single behaviours.

use super::super::testutil::{d, fset, i, py, set, show_mut, vm};
use crate::objects::Value;

#[test]
fn set_methods_match_cpython() {
    let mut vm = vm();
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(1), i(2)]), "add", &[i(3)]),
        "None | {1, 2, 3}"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(1), i(2)]), "add", &[i(2)]),
        "None | {1, 2}"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(1)]), "add", &[Value::list(vec![i(1)])]),
        "TypeError: unhashable type: 'list' | {1}"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(1)]), "add", &[]),
        "TypeError: set.add() takes exactly one argument (0 given) | {1}"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(1), i(2)]), "discard", &[i(5)]),
        "None | {1, 2}"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(1), i(2)]), "discard", &[i(1)]),
        "None | {2}"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(1), i(2)]), "remove", &[i(5)]),
        "KeyError: 5 | {1, 2}"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(1), i(2)]), "remove", &[i(2)]),
        "None | {1}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1)]),
            "remove",
            &[Value::list(vec![i(1)])]
        ),
        "TypeError: unhashable type: 'list' | {1}"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(3), i(100), i(5)]), "pop", &[]),
        "3 | {100, 5}"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![]), "pop", &[]),
        "KeyError: 'pop from an empty set' | set()"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(1)]), "clear", &[]),
        "None | set()"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(1), i(2)]), "copy", &[]),
        "{1, 2} | {1, 2}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1)]),
            "update",
            &[Value::list(vec![i(3), i(2)]), set(vec![i(9)])]
        ),
        "None | {1, 2, 3, 9}"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(1)]), "update", &[i(5)]),
        "TypeError: 'int' object is not iterable | {1}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1)]),
            "update",
            &[d(vec![(i(7), i(1)), (i(3), i(2))])]
        ),
        "None | {1, 3, 7}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1), i(2), i(3)]),
            "union",
            &[Value::list(vec![i(5), i(4)])]
        ),
        "{1, 2, 3, 4, 5} | {1, 2, 3}"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(1), i(2), i(3)]), "union", &[]),
        "{1, 2, 3} | {1, 2, 3}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1), i(2), i(3)]),
            "union",
            &[set(vec![i(7)]), Value::tuple(vec![i(8)])]
        ),
        "{1, 2, 3, 7, 8} | {1, 2, 3}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1), i(2), i(3)]),
            "intersection",
            &[set(vec![i(2), i(3), i(4)])]
        ),
        "{2, 3} | {1, 2, 3}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1), i(2), i(3)]),
            "intersection",
            &[Value::list(vec![i(3), i(1)])]
        ),
        "{1, 3} | {1, 2, 3}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1), i(2), i(3)]),
            "intersection",
            &[set(vec![i(1), i(2)]), set(vec![i(2)])]
        ),
        "{2} | {1, 2, 3}"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(1), i(2)]), "intersection", &[]),
        "{1, 2} | {1, 2}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1), i(2), i(3)]),
            "difference",
            &[set(vec![i(2)])]
        ),
        "{1, 3} | {1, 2, 3}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1), i(2), i(3), i(4), i(5), i(6), i(7), i(8), i(9)]),
            "difference",
            &[Value::list(vec![i(2)])]
        ),
        "{1, 3, 4, 5, 6, 7, 8, 9} | {1, 2, 3, 4, 5, 6, 7, 8, 9}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1), i(2), i(3)]),
            "difference",
            &[set(vec![i(1)]), Value::list(vec![i(2)])]
        ),
        "{3} | {1, 2, 3}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1), i(2), i(3)]),
            "symmetric_difference",
            &[set(vec![i(3), i(4)])]
        ),
        "{1, 2, 4} | {1, 2, 3}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1), i(2), i(3)]),
            "symmetric_difference",
            &[Value::list(vec![i(4), i(1)])]
        ),
        "{2, 3, 4} | {1, 2, 3}"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(1)]), "symmetric_difference", &[]),
        "TypeError: set.symmetric_difference() takes exactly one argument (0 given) | {1}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1), i(2), i(3)]),
            "intersection_update",
            &[set(vec![i(2), i(3), i(4)])]
        ),
        "None | {2, 3}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1), i(2), i(3)]),
            "difference_update",
            &[Value::list(vec![i(1)]), set(vec![i(2)])]
        ),
        "None | {3}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1), i(2), i(3)]),
            "symmetric_difference_update",
            &[Value::list(vec![i(3), i(4)])]
        ),
        "None | {1, 2, 4}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1), i(2)]),
            "issubset",
            &[Value::list(vec![i(1), i(2), i(3)])]
        ),
        "True | {1, 2}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1), i(2)]),
            "issubset",
            &[set(vec![i(1)])]
        ),
        "False | {1, 2}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1), i(2)]),
            "issuperset",
            &[Value::list(vec![i(1)])]
        ),
        "True | {1, 2}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1), i(2)]),
            "issuperset",
            &[set(vec![i(1), i(2), i(3)])]
        ),
        "False | {1, 2}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1)]),
            "isdisjoint",
            &[Value::list(vec![i(2)])]
        ),
        "True | {1}"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(1)]), "isdisjoint", &[set(vec![i(1)])]),
        "False | {1}"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(1), i(2)]), "__len__", &[]),
        "2 | {1, 2}"
    );
    assert_eq!(
        show_mut(&mut vm, &set(vec![i(1), i(2)]), "__contains__", &[i(2)]),
        "True | {1, 2}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1)]),
            "__contains__",
            &[Value::list(vec![i(1)])]
        ),
        "TypeError: unhashable type: 'list' | {1}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &fset(vec![i(1), i(2)]),
            "union",
            &[set(vec![i(3)])]
        ),
        "frozenset({1, 2, 3}) | frozenset({1, 2})"
    );
    assert_eq!(
        show_mut(&mut vm, &fset(vec![i(1), i(2)]), "copy", &[]),
        "frozenset({1, 2}) | frozenset({1, 2})"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &fset(vec![i(1), i(2)]),
            "intersection",
            &[Value::list(vec![i(2)])]
        ),
        "frozenset({2}) | frozenset({1, 2})"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &fset(vec![i(1), i(2)]),
            "symmetric_difference",
            &[set(vec![i(2), i(3)])]
        ),
        "frozenset({1, 3}) | frozenset({1, 2})"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(2), i(100), i(5), i(38), i(77)]),
            "union",
            &[set(vec![i(64), i(33), i(1000)])]
        ),
        "{64, 33, 2, 100, 5, 38, 1000, 77} | {2, 100, 5, 38, 77}"
    );
    assert_eq!(
        show_mut(
            &mut vm,
            &set(vec![i(1000), i(3000), i(2000)]),
            "symmetric_difference",
            &[set(vec![i(3000), i(17), i(5000), i(4000)])]
        ),
        "{4000, 5000, 1000, 2000, 17} | {1000, 3000, 2000}"
    );
}

#[test]
fn pop_from_an_empty_set() {
    assert_eq!(py("r = set().pop()"), "KeyError: 'pop from an empty set'");
}

#[test]
fn remove_missing_is_key_error() {
    assert_eq!(py("r = {1}.remove(2)"), "KeyError: 2");
}

#[test]
fn frozenset_has_no_add() {
    assert_eq!(
        py("r = frozenset().add(1)"),
        "AttributeError: 'frozenset' object has no attribute 'add'"
    );
}

#[test]
fn set_subclass_init() {
    assert_eq!(
        py("class S(set):\n    pass\nx = S([3, 1, 3])\nx.add(2)\nr = (sorted(x), len(x), 2 in x)"),
        "([1, 2, 3], 3, True)"
    );
}

#[test]
fn copies_and_merges_lay_out_like_cpython() {
    // CPython 3.11 output for each expression.
    assert_eq!(
        py("s = set()\nfor x in [17, 1, 40, 2, 3]:\n    s.add(x)\nr = (s, set(s), s.copy(), s | set(), frozenset(s))"),
        "({1, 2, 3, 40, 17}, {1, 2, 3, 17, 40}, {1, 2, 3, 17, 40}, {1, 2, 3, 17, 40}, frozenset({1, 2, 3, 17, 40}))"
    );
    assert_eq!(
        py("t = {5, 9}\nt.update({100, 33, 17, 64, 1})\nr = (t, t - {5}, t ^ {5, 77})"),
        "({64, 33, 1, 17, 100, 5, 9}, {64, 33, 1, 100, 9, 17}, {64, 33, 1, 100, 9, 77, 17})"
    );
}

#[test]
fn readding_a_discarded_item_reuses_the_last_dummy() {
    assert_eq!(
        py("s = set([40, 19, 6, 24, -42, 2963, 1441, -4, -44, 38, 11, 7, 4, 6, 1780, 26, 36])\nfor x in [8, 36, 223, 36, 1725, 21, 34, 2993, 2045, 14, 38, 1763, 16, 19, 13]:\n    s.discard(x)\ns.add(8)\ns.add(36)\nr = s"),
        "{1441, 4, 6, 36, 40, 7, 8, 11, 2963, -44, -42, 1780, 24, 26, -4}"
    );
}
