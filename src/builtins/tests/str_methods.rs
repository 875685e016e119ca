//! Unit tests of `str_methods`: tables of calls whose expected results (values or
//! exceptions) were produced by CPython 3.11, plus named checks of single behaviours.

use super::super::testutil::{d, i, py, s, show, vm};
use crate::objects::Value;

#[test]
fn str_methods_match_cpython() {
    let mut vm = vm();
    assert_eq!(
        show(&mut vm, &s("{} {x}"), "format", &[i(1)]),
        "KeyError: 'x'"
    );
    assert_eq!(show(&mut vm, &s("a"), "upper", &[]), "'A'");
    assert_eq!(
        show(
            &mut vm,
            &s(","),
            "join",
            &[Value::list(vec![s("a"), s("b"), s("c")])]
        ),
        "'a,b,c'"
    );
    assert_eq!(show(&mut vm, &s(","), "join", &[Value::list(vec![])]), "''");
    assert_eq!(
        show(&mut vm, &s(","), "join", &[Value::tuple(vec![s("x")])]),
        "'x'"
    );
    assert_eq!(
        show(&mut vm, &s(","), "join", &[Value::list(vec![i(1)])]),
        "TypeError: sequence item 0: expected str instance, int found"
    );
    assert_eq!(
        show(&mut vm, &s(","), "join", &[Value::list(vec![s("a"), i(2)])]),
        "TypeError: sequence item 1: expected str instance, int found"
    );
    assert_eq!(
        show(&mut vm, &s(","), "join", &[i(5)]),
        "TypeError: can only join an iterable"
    );
    assert_eq!(
        show(&mut vm, &s("Hello World \u{df}"), "upper", &[]),
        "'HELLO WORLD SS'"
    );
    assert_eq!(
        show(&mut vm, &s("Hello WORLD"), "lower", &[]),
        "'hello world'"
    );
    assert_eq!(
        show(&mut vm, &s("hello wORLD"), "swapcase", &[]),
        "'HELLO World'"
    );
    assert_eq!(
        show(&mut vm, &s("hello world"), "title", &[]),
        "'Hello World'"
    );
    assert_eq!(
        show(&mut vm, &s("they're bill's friends"), "title", &[]),
        "\"They'Re Bill'S Friends\""
    );
    assert_eq!(
        show(&mut vm, &s("\u{1c6}emal"), "title", &[]),
        "'\u{1c5}emal'"
    );
    assert_eq!(show(&mut vm, &s("hELLO"), "capitalize", &[]), "'Hello'");
    assert_eq!(show(&mut vm, &s("\u{df}a"), "capitalize", &[]), "'Ssa'");
    assert_eq!(
        show(&mut vm, &s("Stra\u{df}e"), "casefold", &[]),
        "'strasse'"
    );
    assert_eq!(
        show(&mut vm, &s("\u{3a3}\u{391}\u{3a3}"), "lower", &[]),
        "'\u{3c3}\u{3b1}\u{3c2}'"
    );
    assert_eq!(
        show(&mut vm, &s("a"), "upper", &[i(1)]),
        "TypeError: str.upper() takes no arguments (1 given)"
    );
    assert_eq!(show(&mut vm, &s("123"), "isdigit", &[]), "True");
    assert_eq!(show(&mut vm, &s("\u{b2}"), "isdigit", &[]), "True");
    assert_eq!(show(&mut vm, &s("\u{b2}"), "isdecimal", &[]), "False");
    assert_eq!(show(&mut vm, &s("\u{bd}"), "isnumeric", &[]), "True");
    assert_eq!(show(&mut vm, &s("\u{bd}"), "isdigit", &[]), "False");
    assert_eq!(show(&mut vm, &s("\u{4e00}"), "isnumeric", &[]), "True");
    assert_eq!(show(&mut vm, &s(""), "isdigit", &[]), "False");
    assert_eq!(show(&mut vm, &s("\u{663}"), "isdecimal", &[]), "True");
    assert_eq!(show(&mut vm, &s("abc"), "isalpha", &[]), "True");
    assert_eq!(show(&mut vm, &s("abc1"), "isalpha", &[]), "False");
    assert_eq!(show(&mut vm, &s("\u{e9}a"), "isalpha", &[]), "True");
    assert_eq!(show(&mut vm, &s("abc1"), "isalnum", &[]), "True");
    assert_eq!(show(&mut vm, &s("a b"), "isalnum", &[]), "False");
    assert_eq!(show(&mut vm, &s(""), "isalpha", &[]), "False");
    assert_eq!(show(&mut vm, &s(" \t\n"), "isspace", &[]), "True");
    assert_eq!(show(&mut vm, &s("\u{1c}"), "isspace", &[]), "True");
    assert_eq!(show(&mut vm, &s("\u{200b}"), "isspace", &[]), "False");
    assert_eq!(show(&mut vm, &s(""), "isspace", &[]), "False");
    assert_eq!(show(&mut vm, &s("ABC"), "isupper", &[]), "True");
    assert_eq!(show(&mut vm, &s("ABc"), "isupper", &[]), "False");
    assert_eq!(show(&mut vm, &s("123"), "isupper", &[]), "False");
    assert_eq!(show(&mut vm, &s("A1"), "isupper", &[]), "True");
    assert_eq!(show(&mut vm, &s("abc"), "islower", &[]), "True");
    assert_eq!(show(&mut vm, &s("a1"), "islower", &[]), "True");
    assert_eq!(show(&mut vm, &s("\u{1c5}"), "isupper", &[]), "False");
    assert_eq!(show(&mut vm, &s("Hello World"), "istitle", &[]), "True");
    assert_eq!(show(&mut vm, &s("Hello world"), "istitle", &[]), "False");
    assert_eq!(show(&mut vm, &s("HEllo"), "istitle", &[]), "False");
    assert_eq!(show(&mut vm, &s(""), "istitle", &[]), "False");
    assert_eq!(show(&mut vm, &s("123 A"), "istitle", &[]), "True");
    assert_eq!(show(&mut vm, &s("abc"), "isidentifier", &[]), "True");
    assert_eq!(show(&mut vm, &s("1abc"), "isidentifier", &[]), "False");
    assert_eq!(show(&mut vm, &s("_a1"), "isidentifier", &[]), "True");
    assert_eq!(show(&mut vm, &s("\u{e9}"), "isidentifier", &[]), "True");
    assert_eq!(show(&mut vm, &s("a-b"), "isidentifier", &[]), "False");
    assert_eq!(show(&mut vm, &s(""), "isidentifier", &[]), "False");
    assert_eq!(show(&mut vm, &s("abc"), "isprintable", &[]), "True");
    assert_eq!(show(&mut vm, &s("a\n"), "isprintable", &[]), "False");
    assert_eq!(show(&mut vm, &s(""), "isprintable", &[]), "True");
    assert_eq!(show(&mut vm, &s("\u{a0}"), "isprintable", &[]), "False");
    assert_eq!(show(&mut vm, &s("abc"), "isascii", &[]), "True");
    assert_eq!(show(&mut vm, &s("\u{e9}"), "isascii", &[]), "False");
    assert_eq!(show(&mut vm, &s(""), "isascii", &[]), "True");
    assert_eq!(show(&mut vm, &s("42"), "zfill", &[i(5)]), "'00042'");
    assert_eq!(show(&mut vm, &s("-42"), "zfill", &[i(5)]), "'-0042'");
    assert_eq!(show(&mut vm, &s("+4"), "zfill", &[i(4)]), "'+004'");
    assert_eq!(show(&mut vm, &s("abc"), "zfill", &[i(2)]), "'abc'");
    assert_eq!(show(&mut vm, &s(""), "zfill", &[i(3)]), "'000'");
    assert_eq!(
        show(&mut vm, &s("a"), "zfill", &[s("x")]),
        "TypeError: 'str' object cannot be interpreted as an integer"
    );
    assert_eq!(show(&mut vm, &s("ab"), "center", &[i(6)]), "'  ab  '");
    assert_eq!(show(&mut vm, &s("ab"), "center", &[i(5)]), "'  ab '");
    assert_eq!(show(&mut vm, &s("abc"), "center", &[i(6)]), "' abc  '");
    assert_eq!(
        show(&mut vm, &s("ab"), "center", &[i(7), s("*")]),
        "'***ab**'"
    );
    assert_eq!(show(&mut vm, &s("ab"), "ljust", &[i(5), s("-")]), "'ab---'");
    assert_eq!(show(&mut vm, &s("ab"), "rjust", &[i(5)]), "'   ab'");
    assert_eq!(show(&mut vm, &s("abc"), "ljust", &[i(-5)]), "'abc'");
    assert_eq!(
        show(&mut vm, &s("a"), "center", &[i(5), s("ab")]),
        "TypeError: The fill character must be exactly one character long"
    );
    assert_eq!(
        show(&mut vm, &s("a"), "center", &[i(5), i(1)]),
        "TypeError: The fill character must be a unicode character, not int"
    );
    assert_eq!(
        show(&mut vm, &s("a"), "center", &[s("x")]),
        "TypeError: 'str' object cannot be interpreted as an integer"
    );
    assert_eq!(
        show(&mut vm, &s("\u{e9}"), "center", &[i(4), s("\u{fc}")]),
        "'\u{fc}\u{e9}\u{fc}\u{fc}'"
    );
    assert_eq!(
        show(&mut vm, &s("a\tbc\tdef\n\tx"), "expandtabs", &[]),
        "'a       bc      def\\n        x'"
    );
    assert_eq!(show(&mut vm, &s("a\tb"), "expandtabs", &[i(4)]), "'a   b'");
    assert_eq!(show(&mut vm, &s("a\tb"), "expandtabs", &[i(0)]), "'ab'");
    assert_eq!(show(&mut vm, &s("\t"), "expandtabs", &[i(-1)]), "''");
    assert_eq!(
        show(&mut vm, &s("abcabc"), "removeprefix", &[s("abc")]),
        "'abc'"
    );
    assert_eq!(show(&mut vm, &s("abc"), "removeprefix", &[s("x")]), "'abc'");
    assert_eq!(show(&mut vm, &s("abc"), "removesuffix", &[s("bc")]), "'a'");
    assert_eq!(show(&mut vm, &s("abc"), "removesuffix", &[s("")]), "'abc'");
    assert_eq!(
        show(&mut vm, &s("a"), "removeprefix", &[i(1)]),
        "TypeError: removeprefix() argument must be str, not int"
    );
    assert_eq!(
        show(&mut vm, &s("h\u{e9}llo"), "encode", &[]),
        "b'h\\xc3\\xa9llo'"
    );
    assert_eq!(
        show(
            &mut vm,
            &s("h\u{e9}llo"),
            "encode",
            &[s("ascii"), s("ignore")]
        ),
        "b'hllo'"
    );
    assert_eq!(
        show(
            &mut vm,
            &s("h\u{e9}llo"),
            "encode",
            &[s("ascii"), s("replace")]
        ),
        "b'h?llo'"
    );
    assert_eq!(
        show(&mut vm, &s("h\u{e9}llo"), "encode", &[s("latin-1")]),
        "b'h\\xe9llo'"
    );
    assert_eq!(
        show(
            &mut vm,
            &s("h\u{20ac}llo"),
            "encode",
            &[s("latin-1"), s("backslashreplace")]
        ),
        "b'h\\\\u20acllo'"
    );
    assert_eq!(
        show(
            &mut vm,
            &s("h\u{20ac}llo"),
            "encode",
            &[s("ascii"), s("xmlcharrefreplace")]
        ),
        "b'h&#8364;llo'"
    );
    assert_eq!(show(&mut vm, &s("h\u{e9}\u{e9}"), "encode", &[s("ascii")]), "UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)");
    assert_eq!(show(&mut vm, &s("\u{e9}"), "encode", &[s("ascii")]), "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)");
    assert_eq!(show(&mut vm, &s("\u{20ac}"), "encode", &[s("latin1")]), "UnicodeEncodeError: 'latin-1' codec can't encode character '\\u20ac' in position 0: ordinal not in range(256)");
    assert_eq!(
        show(&mut vm, &s("\u{e9}"), "encode", &[s("xyz")]),
        "LookupError: unknown encoding: xyz"
    );
    assert_eq!(
        show(&mut vm, &s("\u{e9}"), "encode", &[s("ascii"), s("xyz")]),
        "LookupError: unknown error handler name 'xyz'"
    );
    assert_eq!(show(&mut vm, &s("a"), "encode", &[s("utf_8")]), "b'a'");
    assert_eq!(
        show(
            &mut vm,
            &s("abc"),
            "translate",
            &[d(vec![(i(97), s("X")), (i(98), Value::None)])]
        ),
        "'Xc'"
    );
    assert_eq!(
        show(&mut vm, &s("abc"), "translate", &[d(vec![(i(97), i(100))])]),
        "'dbc'"
    );
    assert_eq!(
        show(
            &mut vm,
            &s("abc"),
            "translate",
            &[d(vec![(i(97), Value::Float(1.5))])]
        ),
        "TypeError: character mapping must return integer, None or str"
    );
    assert_eq!(
        show(&mut vm, &s("abc"), "translate", &[i(5)]),
        "TypeError: 'int' object is not subscriptable"
    );
    assert_eq!(show(&mut vm, &s("abc"), "__len__", &[]), "3");
    assert_eq!(show(&mut vm, &s("abc"), "__contains__", &[s("b")]), "True");
    assert_eq!(
        show(&mut vm, &s("abc"), "__contains__", &[i(1)]),
        "TypeError: 'in <string>' requires string as left operand, not int"
    );
    assert_eq!(show(&mut vm, &s("abc"), "__getitem__", &[i(1)]), "'b'");
    assert_eq!(
        show(&mut vm, &s("abc"), "__getitem__", &[i(5)]),
        "IndexError: string index out of range"
    );
    assert_eq!(show(&mut vm, &s("abc"), "__add__", &[s("d")]), "'abcd'");
    assert_eq!(
        show(&mut vm, &s("abc"), "__add__", &[i(1)]),
        "TypeError: can only concatenate str (not \"int\") to str"
    );
    assert_eq!(show(&mut vm, &s("ab"), "__mul__", &[i(3)]), "'ababab'");
    assert_eq!(
        show(&mut vm, &s("ab"), "__mul__", &[s("x")]),
        "TypeError: 'str' object cannot be interpreted as an integer"
    );
    assert_eq!(show(&mut vm, &s("ab"), "__rmul__", &[i(2)]), "'abab'");
    assert_eq!(show(&mut vm, &s("%d!"), "__mod__", &[i(5)]), "'5!'");
    assert_eq!(show(&mut vm, &s("a"), "__eq__", &[s("a")]), "True");
    assert_eq!(show(&mut vm, &s("a"), "__eq__", &[i(1)]), "NotImplemented");
    assert_eq!(show(&mut vm, &s("a"), "__lt__", &[s("b")]), "True");
    assert_eq!(show(&mut vm, &s("a"), "__lt__", &[i(1)]), "NotImplemented");
    assert_eq!(show(&mut vm, &s("a"), "__ge__", &[s("b")]), "False");
    assert_eq!(show(&mut vm, &s("a"), "__ne__", &[s("b")]), "True");
}

#[test]
fn subclasses_of_immutable_builtins_carry_their_value() {
    assert_eq!(
        py("class Color(str):\n    pass\nc = Color('red')\nr = (c, c == 'red', {c: 1}['red'], c.upper(), c + '!', f'{c:>5}', type(c).__name__)"),
        "('red', True, 1, 'RED', 'red!', '  red', 'Color')"
    );
    assert_eq!(
        py("class Id(int):\n    pass\ni = Id(7)\nr = (i * 2, f'{i:03d}', i == 7, hash(i) == hash(7), round(Id(15), -1))"),
        "(14, '007', True, True, 20)"
    );
    assert_eq!(
        py("class Pt(tuple):\n    @property\n    def x(self):\n        return self[0]\np = Pt((1, 2))\nr = (p, p.x, len(p), p + (3,), p.count(1))"),
        "((1, 2), 1, 2, (1, 2, 3), 1)"
    );
}
