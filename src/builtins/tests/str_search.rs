//! Unit tests of `str_search`: tables of calls whose expected results (values or
//! exceptions) were produced by CPython 3.11, plus named checks of single behaviours.

use super::super::testutil::{i, s, show, vm};
use crate::objects::Value;

#[test]
fn search_and_split_match_cpython() {
    let mut vm = vm();
    assert_eq!(show(&mut vm, &s("hello world"), "find", &[s("o")]), "4");
    assert_eq!(
        show(&mut vm, &s("hello world"), "find", &[s("o"), i(5)]),
        "7"
    );
    assert_eq!(
        show(&mut vm, &s("hello world"), "find", &[s("o"), i(5), i(7)]),
        "-1"
    );
    assert_eq!(show(&mut vm, &s("hello"), "find", &[s("")]), "0");
    assert_eq!(show(&mut vm, &s("abc"), "find", &[s(""), i(3)]), "3");
    assert_eq!(show(&mut vm, &s("abc"), "find", &[s(""), i(4)]), "-1");
    assert_eq!(show(&mut vm, &s("abc"), "find", &[s("z")]), "-1");
    assert_eq!(
        show(&mut vm, &s("h\u{e9}llo w\u{f6}rld"), "find", &[s("\u{f6}")]),
        "7"
    );
    assert_eq!(
        show(
            &mut vm,
            &s("h\u{e9}llo w\u{f6}rld"),
            "find",
            &[s("l"), i(-3)]
        ),
        "9"
    );
    assert_eq!(
        show(
            &mut vm,
            &s("h\u{e9}llo"),
            "find",
            &[s("l"), Value::None, Value::None]
        ),
        "2"
    );
    assert_eq!(show(&mut vm, &s("hello world"), "rfind", &[s("o")]), "7");
    assert_eq!(show(&mut vm, &s("hello"), "rfind", &[s("")]), "5");
    assert_eq!(
        show(
            &mut vm,
            &s("h\u{e9}llo w\u{f6}rld"),
            "rfind",
            &[s("l"), i(0), i(5)]
        ),
        "3"
    );
    assert_eq!(
        show(&mut vm, &s("hello"), "index", &[s("z")]),
        "ValueError: substring not found"
    );
    assert_eq!(show(&mut vm, &s("hello"), "index", &[s("l")]), "2");
    assert_eq!(show(&mut vm, &s("hello"), "rindex", &[s("l")]), "3");
    assert_eq!(
        show(&mut vm, &s("hello"), "rindex", &[s("z")]),
        "ValueError: substring not found"
    );
    assert_eq!(
        show(&mut vm, &s("hello"), "find", &[i(1)]),
        "TypeError: must be str, not int"
    );
    assert_eq!(show(&mut vm, &s("aaaa"), "count", &[s("aa")]), "2");
    assert_eq!(show(&mut vm, &s("abc"), "count", &[s("")]), "4");
    assert_eq!(show(&mut vm, &s("abc"), "count", &[s(""), i(10)]), "0");
    assert_eq!(
        show(&mut vm, &s("h\u{e9}llo"), "count", &[s("l"), i(3)]),
        "1"
    );
    assert_eq!(show(&mut vm, &s("abc"), "count", &[s(""), i(1), i(2)]), "2");
    assert_eq!(show(&mut vm, &s("hello"), "startswith", &[s("he")]), "True");
    assert_eq!(
        show(
            &mut vm,
            &s("hello"),
            "startswith",
            &[Value::tuple(vec![s("x"), s("hel")])]
        ),
        "True"
    );
    assert_eq!(
        show(&mut vm, &s("hello"), "startswith", &[s("l"), i(2)]),
        "True"
    );
    assert_eq!(
        show(&mut vm, &s("abc"), "startswith", &[s(""), i(3)]),
        "True"
    );
    assert_eq!(
        show(&mut vm, &s("abc"), "startswith", &[s(""), i(4)]),
        "False"
    );
    assert_eq!(show(&mut vm, &s("hello"), "endswith", &[s("lo")]), "True");
    assert_eq!(
        show(&mut vm, &s("hello"), "endswith", &[s("ll"), i(0), i(4)]),
        "True"
    );
    assert_eq!(
        show(&mut vm, &s("hello"), "startswith", &[i(1)]),
        "TypeError: startswith first arg must be str or a tuple of str, not int"
    );
    assert_eq!(
        show(
            &mut vm,
            &s("hello"),
            "startswith",
            &[Value::tuple(vec![i(1)])]
        ),
        "TypeError: tuple for startswith must only contain str, not int"
    );
    assert_eq!(
        show(&mut vm, &s("h\u{e9}llo"), "endswith", &[s("llo"), i(-3)]),
        "True"
    );
    assert_eq!(
        show(&mut vm, &s("  a b  c  "), "split", &[]),
        "['a', 'b', 'c']"
    );
    assert_eq!(
        show(&mut vm, &s("  a b  c  "), "split", &[Value::None, i(1)]),
        "['a', 'b  c  ']"
    );
    assert_eq!(
        show(&mut vm, &s("a,b,,c"), "split", &[s(",")]),
        "['a', 'b', '', 'c']"
    );
    assert_eq!(
        show(&mut vm, &s("a,b,,c"), "split", &[s(","), i(1)]),
        "['a', 'b,,c']"
    );
    assert_eq!(show(&mut vm, &s(""), "split", &[]), "[]");
    assert_eq!(show(&mut vm, &s(""), "split", &[s(",")]), "['']");
    assert_eq!(
        show(&mut vm, &s("a"), "split", &[s("")]),
        "ValueError: empty separator"
    );
    assert_eq!(
        show(&mut vm, &s("a"), "split", &[i(1)]),
        "TypeError: must be str or None, not int"
    );
    assert_eq!(
        show(&mut vm, &s("a b c"), "rsplit", &[Value::None, i(1)]),
        "['a b', 'c']"
    );
    assert_eq!(
        show(&mut vm, &s("  a b  c  "), "rsplit", &[Value::None, i(1)]),
        "['  a b', 'c']"
    );
    assert_eq!(
        show(&mut vm, &s("a,b,,c"), "rsplit", &[s(","), i(2)]),
        "['a,b', '', 'c']"
    );
    assert_eq!(show(&mut vm, &s("aaa"), "rsplit", &[s("aa")]), "['a', '']");
    assert_eq!(show(&mut vm, &s("aaa"), "split", &[s("aa")]), "['', 'a']");
    assert_eq!(
        show(&mut vm, &s("a\u{3000}b\u{1c}c"), "split", &[]),
        "['a', 'b', 'c']"
    );
    assert_eq!(
        show(
            &mut vm,
            &s("a\nb\r\nc\rd\u{b}e\u{85}f\u{2028}g"),
            "splitlines",
            &[]
        ),
        "['a', 'b', 'c', 'd', 'e', 'f', 'g']"
    );
    assert_eq!(
        show(&mut vm, &s("a\nb\r\n"), "splitlines", &[Value::Bool(true)]),
        "['a\\n', 'b\\r\\n']"
    );
    assert_eq!(show(&mut vm, &s(""), "splitlines", &[]), "[]");
    assert_eq!(show(&mut vm, &s("\n"), "splitlines", &[]), "['']");
    assert_eq!(show(&mut vm, &s("  hi  "), "strip", &[]), "'hi'");
    assert_eq!(show(&mut vm, &s("xxhixx"), "strip", &[s("x")]), "'hi'");
    assert_eq!(show(&mut vm, &s("  hi  "), "lstrip", &[]), "'hi  '");
    assert_eq!(show(&mut vm, &s("  hi  "), "rstrip", &[]), "'  hi'");
    assert_eq!(show(&mut vm, &s("abcba"), "strip", &[s("ab")]), "'c'");
    assert_eq!(show(&mut vm, &s("\u{3000}hi\u{1c}"), "strip", &[]), "'hi'");
    assert_eq!(
        show(&mut vm, &s("a"), "strip", &[i(1)]),
        "TypeError: strip arg must be None or str"
    );
    assert_eq!(
        show(&mut vm, &s("aaa"), "replace", &[s("a"), s("b")]),
        "'bbb'"
    );
    assert_eq!(
        show(&mut vm, &s("aaa"), "replace", &[s("a"), s("b"), i(2)]),
        "'bba'"
    );
    assert_eq!(
        show(&mut vm, &s("abc"), "replace", &[s(""), s("-")]),
        "'-a-b-c-'"
    );
    assert_eq!(
        show(&mut vm, &s("abc"), "replace", &[s(""), s("-"), i(2)]),
        "'-a-bc'"
    );
    assert_eq!(
        show(&mut vm, &s("abc"), "replace", &[s("x"), s("y")]),
        "'abc'"
    );
    assert_eq!(
        show(&mut vm, &s("h\u{e9}llo"), "replace", &[s("l"), s("L")]),
        "'h\u{e9}LLo'"
    );
    assert_eq!(
        show(&mut vm, &s("a"), "replace", &[s("a")]),
        "TypeError: replace expected at least 2 arguments, got 1"
    );
    assert_eq!(
        show(&mut vm, &s("a=b=c"), "partition", &[s("=")]),
        "('a', '=', 'b=c')"
    );
    assert_eq!(
        show(&mut vm, &s("abc"), "partition", &[s("=")]),
        "('abc', '', '')"
    );
    assert_eq!(
        show(&mut vm, &s("a=b=c"), "rpartition", &[s("=")]),
        "('a=b', '=', 'c')"
    );
    assert_eq!(
        show(&mut vm, &s("abc"), "rpartition", &[s("=")]),
        "('', '', 'abc')"
    );
    assert_eq!(
        show(&mut vm, &s("a"), "partition", &[s("")]),
        "ValueError: empty separator"
    );
    assert_eq!(
        show(&mut vm, &s("a"), "partition", &[i(1)]),
        "TypeError: must be str, not int"
    );
}
