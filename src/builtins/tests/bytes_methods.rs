//! Unit tests of `bytes_methods`: tables of calls whose expected results (values or
//! exceptions) were produced by CPython 3.11, plus named checks of single behaviours.

use super::super::testutil::{i, py, s, show, vm};
use crate::objects::Value;

#[test]
fn bytes_methods_match_cpython() {
    let mut vm = vm();
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x63\x61\x66\xc3\xa9".to_vec())),
            "decode",
            &[]
        ),
        "'caf\u{e9}'"
    );
    assert_eq!(show(&mut vm, &Value::Bytes(std::sync::Arc::new(b"\xff".to_vec())), "decode", &[]), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\xe9".to_vec())),
            "decode",
            &[s("latin-1")]
        ),
        "'\u{e9}'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
            "decode",
            &[s("xyz")]
        ),
        "LookupError: unknown encoding: xyz"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\xde\xad\xbe\xef\x01".to_vec())),
            "hex",
            &[]
        ),
        "'deadbeef01'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\xde\xad\xbe\xef\x01".to_vec())),
            "hex",
            &[s(":")]
        ),
        "'de:ad:be:ef:01'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\xde\xad\xbe\xef\x01".to_vec())),
            "hex",
            &[s(":"), i(2)]
        ),
        "'de:adbe:ef01'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\xde\xad\xbe\xef\x01".to_vec())),
            "hex",
            &[s(":"), i(-2)]
        ),
        "'dead:beef:01'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"".to_vec())),
            "hex",
            &[]
        ),
        "''"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x2d".to_vec())),
            "join",
            &[Value::list(vec![
                Value::Bytes(std::sync::Arc::new(b"\x61".to_vec())),
                Value::Bytes(std::sync::Arc::new(b"\x62".to_vec()))
            ])]
        ),
        "b'a-b'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x2d".to_vec())),
            "join",
            &[Value::list(vec![s("a")])]
        ),
        "TypeError: sequence item 0: expected a bytes-like object, str found"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"".to_vec())),
            "join",
            &[Value::list(vec![])]
        ),
        "b''"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
            "find",
            &[Value::Bytes(std::sync::Arc::new(b"\x6c".to_vec()))]
        ),
        "2"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
            "find",
            &[i(108)]
        ),
        "2"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
            "find",
            &[Value::Bytes(std::sync::Arc::new(b"\x6c".to_vec())), i(3)]
        ),
        "3"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
            "find",
            &[i(300)]
        ),
        "ValueError: byte must be in range(0, 256)"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
            "find",
            &[s("l")]
        ),
        "TypeError: argument should be integer or bytes-like object, not 'str'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
            "rfind",
            &[Value::Bytes(std::sync::Arc::new(b"\x6c".to_vec()))]
        ),
        "3"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
            "index",
            &[Value::Bytes(std::sync::Arc::new(b"\x7a".to_vec()))]
        ),
        "ValueError: subsection not found"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
            "rindex",
            &[Value::Bytes(std::sync::Arc::new(b"\x6c".to_vec()))]
        ),
        "3"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
            "count",
            &[Value::Bytes(std::sync::Arc::new(b"\x6c".to_vec()))]
        ),
        "2"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
            "count",
            &[Value::Bytes(std::sync::Arc::new(b"".to_vec()))]
        ),
        "3"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x61\x61\x61".to_vec())),
            "count",
            &[Value::Bytes(std::sync::Arc::new(b"\x61\x61".to_vec()))]
        ),
        "2"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
            "startswith",
            &[Value::Bytes(std::sync::Arc::new(b"\x68\x65".to_vec()))]
        ),
        "True"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
            "startswith",
            &[Value::tuple(vec![
                Value::Bytes(std::sync::Arc::new(b"\x78".to_vec())),
                Value::Bytes(std::sync::Arc::new(b"\x68".to_vec()))
            ])]
        ),
        "True"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
            "startswith",
            &[s("h")]
        ),
        "TypeError: startswith first arg must be bytes or a tuple of bytes, not str"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
            "endswith",
            &[Value::Bytes(std::sync::Arc::new(b"\x6c\x6f".to_vec()))]
        ),
        "True"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
            "endswith",
            &[
                Value::Bytes(std::sync::Arc::new(b"\x6c".to_vec())),
                i(0),
                i(3)
            ]
        ),
        "True"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x20\x61\x20\x20\x62\x20".to_vec())),
            "split",
            &[]
        ),
        "[b'a', b'b']"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x20\x61\x20\x20\x62\x20".to_vec())),
            "split",
            &[Value::None, i(1)]
        ),
        "[b'a', b'b ']"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x2c\x62\x2c\x2c\x63".to_vec())),
            "split",
            &[Value::Bytes(std::sync::Arc::new(b"\x2c".to_vec()))]
        ),
        "[b'a', b'b', b'', b'c']"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x2c\x62\x2c\x2c\x63".to_vec())),
            "split",
            &[Value::Bytes(std::sync::Arc::new(b"\x2c".to_vec())), i(1)]
        ),
        "[b'a', b'b,,c']"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x78".to_vec())),
            "split",
            &[Value::Bytes(std::sync::Arc::new(b"".to_vec()))]
        ),
        "ValueError: empty separator"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x20\x61\x20\x20\x62\x20".to_vec())),
            "rsplit",
            &[Value::None, i(1)]
        ),
        "[b' a', b'b']"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x2c\x62\x2c\x2c\x63".to_vec())),
            "rsplit",
            &[Value::Bytes(std::sync::Arc::new(b"\x2c".to_vec())), i(1)]
        ),
        "[b'a,b,', b'c']"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x61\x61".to_vec())),
            "rsplit",
            &[Value::Bytes(std::sync::Arc::new(b"\x61\x61".to_vec()))]
        ),
        "[b'a', b'']"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(
                b"\x61\x0a\x62\x0d\x0a\x63\x0d".to_vec()
            )),
            "splitlines",
            &[]
        ),
        "[b'a', b'b', b'c']"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x0a\x62\x0d\x0a".to_vec())),
            "splitlines",
            &[Value::Bool(true)]
        ),
        "[b'a\\n', b'b\\r\\n']"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x20\x20\x61\x62\x20\x20".to_vec())),
            "strip",
            &[]
        ),
        "b'ab'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62\x63\x62\x61".to_vec())),
            "strip",
            &[Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec()))]
        ),
        "b'c'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62\x63".to_vec())),
            "strip",
            &[s("a")]
        ),
        "TypeError: a bytes-like object is required, not 'str'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x20\x20\x61\x62\x20\x20".to_vec())),
            "lstrip",
            &[]
        ),
        "b'ab  '"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x20\x20\x61\x62\x20\x20".to_vec())),
            "rstrip",
            &[]
        ),
        "b'  ab'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
            "replace",
            &[
                Value::Bytes(std::sync::Arc::new(b"\x6c".to_vec())),
                Value::Bytes(std::sync::Arc::new(b"\x4c".to_vec()))
            ]
        ),
        "b'heLLo'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
            "replace",
            &[
                Value::Bytes(std::sync::Arc::new(b"\x6c".to_vec())),
                Value::Bytes(std::sync::Arc::new(b"\x4c".to_vec())),
                i(1)
            ]
        ),
        "b'heLlo'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
            "replace",
            &[
                Value::Bytes(std::sync::Arc::new(b"".to_vec())),
                Value::Bytes(std::sync::Arc::new(b"\x2d".to_vec()))
            ]
        ),
        "b'-a-b-'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
            "replace",
            &[
                Value::Bytes(std::sync::Arc::new(b"".to_vec())),
                Value::Bytes(std::sync::Arc::new(b"\x2d".to_vec())),
                i(1)
            ]
        ),
        "b'-ab'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x2c\x62\x2c\x63".to_vec())),
            "partition",
            &[Value::Bytes(std::sync::Arc::new(b"\x2c".to_vec()))]
        ),
        "(b'a', b',', b'b,c')"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62\x63".to_vec())),
            "partition",
            &[Value::Bytes(std::sync::Arc::new(b"\x2c".to_vec()))]
        ),
        "(b'abc', b'', b'')"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x2c\x62\x2c\x63".to_vec())),
            "rpartition",
            &[Value::Bytes(std::sync::Arc::new(b"\x2c".to_vec()))]
        ),
        "(b'a,b', b',', b'c')"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62\x63".to_vec())),
            "rpartition",
            &[Value::Bytes(std::sync::Arc::new(b"\x2c".to_vec()))]
        ),
        "(b'', b'', b'abc')"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61".to_vec())),
            "partition",
            &[Value::Bytes(std::sync::Arc::new(b"".to_vec()))]
        ),
        "ValueError: empty separator"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62\x63".to_vec())),
            "removeprefix",
            &[Value::Bytes(std::sync::Arc::new(b"\x61".to_vec()))]
        ),
        "b'bc'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62\x63".to_vec())),
            "removesuffix",
            &[Value::Bytes(std::sync::Arc::new(b"\x62\x63".to_vec()))]
        ),
        "b'a'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(
                b"\x68\x65\x6c\x6c\x6f\x20\x57\x6f\x72\x6c\x64".to_vec()
            )),
            "upper",
            &[]
        ),
        "b'HELLO WORLD'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x48\x65\x6c\x6c\x6f".to_vec())),
            "lower",
            &[]
        ),
        "b'hello'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x42\x63".to_vec())),
            "swapcase",
            &[]
        ),
        "b'AbC'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(
                b"\x68\x45\x4c\x4c\x4f\x20\x77\x4f\x52\x4c\x44".to_vec()
            )),
            "capitalize",
            &[]
        ),
        "b'Hello world'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(
                b"\x68\x65\x6c\x6c\x6f\x20\x77\x6f\x72\x6c\x64".to_vec()
            )),
            "title",
            &[]
        ),
        "b'Hello World'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x31\x32".to_vec())),
            "isdigit",
            &[]
        ),
        "True"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"".to_vec())),
            "isdigit",
            &[]
        ),
        "False"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
            "isalpha",
            &[]
        ),
        "True"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x31".to_vec())),
            "isalnum",
            &[]
        ),
        "True"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x20\x09".to_vec())),
            "isspace",
            &[]
        ),
        "True"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x41\x42\x31".to_vec())),
            "isupper",
            &[]
        ),
        "True"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62\x31".to_vec())),
            "islower",
            &[]
        ),
        "True"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x80".to_vec())),
            "isascii",
            &[]
        ),
        "False"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
            "center",
            &[i(6)]
        ),
        "b'  ab  '"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
            "center",
            &[i(5), Value::Bytes(std::sync::Arc::new(b"\x2a".to_vec()))]
        ),
        "b'**ab*'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
            "center",
            &[i(6), s("*")]
        ),
        "TypeError: center() argument 2 must be a byte string of length 1, not str"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
            "ljust",
            &[i(4)]
        ),
        "b'ab  '"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
            "rjust",
            &[i(4), Value::Bytes(std::sync::Arc::new(b"\x30".to_vec()))]
        ),
        "b'00ab'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x2d\x34".to_vec())),
            "zfill",
            &[i(4)]
        ),
        "b'-004'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
            "zfill",
            &[i(1)]
        ),
        "b'ab'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
            "__len__",
            &[]
        ),
        "2"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
            "__getitem__",
            &[i(0)]
        ),
        "97"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
            "__getitem__",
            &[i(5)]
        ),
        "IndexError: index out of range"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
            "__contains__",
            &[i(97)]
        ),
        "True"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
            "__contains__",
            &[Value::Bytes(std::sync::Arc::new(b"\x62".to_vec()))]
        ),
        "True"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61".to_vec())),
            "__add__",
            &[Value::Bytes(std::sync::Arc::new(b"\x62".to_vec()))]
        ),
        "b'ab'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61".to_vec())),
            "__add__",
            &[s("b")]
        ),
        "TypeError: can't concat str to bytes"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
            "__mul__",
            &[i(2)]
        ),
        "b'abab'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61".to_vec())),
            "__eq__",
            &[Value::Bytes(std::sync::Arc::new(b"\x61".to_vec()))]
        ),
        "True"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61".to_vec())),
            "__eq__",
            &[s("a")]
        ),
        "NotImplemented"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bytes(std::sync::Arc::new(b"\x61".to_vec())),
            "__lt__",
            &[Value::Bytes(std::sync::Arc::new(b"\x62".to_vec()))]
        ),
        "True"
    );
}

#[test]
fn fromhex_is_a_classmethod() {
    assert_eq!(py("r = bytes.fromhex('de ad  be')"), "b'\\xde\\xad\\xbe'");
    assert_eq!(py("r = b''.fromhex('41')"), "b'A'");
    assert_eq!(
        py("r = bytes.fromhex('dex')"),
        "ValueError: non-hexadecimal number found in fromhex() arg at position 2"
    );
    assert_eq!(
        py("r = bytes.fromhex('d')"),
        "ValueError: non-hexadecimal number found in fromhex() arg at position 1"
    );
    assert_eq!(
        py("r = bytes.fromhex(5)"),
        "TypeError: fromhex() argument must be str, not int"
    );
}
