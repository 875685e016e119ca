//! Unit tests of `num_methods`: tables of calls whose expected results (values or
//! exceptions) were produced by CPython 3.11, plus named checks of single behaviours.

use super::super::testutil::{i, py, s, show, vm};
use crate::objects::Value;

#[test]
fn number_methods_match_cpython() {
    let mut vm = vm();
    assert_eq!(show(&mut vm, &i(255), "bit_length", &[]), "8");
    assert_eq!(show(&mut vm, &i(-256), "bit_length", &[]), "9");
    assert_eq!(show(&mut vm, &i(0), "bit_length", &[]), "0");
    assert_eq!(
        show(
            &mut vm,
            &Value::from_bigint(num_bigint::BigInt::from(2).pow(100)),
            "bit_length",
            &[]
        ),
        "101"
    );
    assert_eq!(show(&mut vm, &i(255), "bit_count", &[]), "8");
    assert_eq!(show(&mut vm, &i(-7), "bit_count", &[]), "3");
    assert_eq!(show(&mut vm, &Value::Bool(true), "bit_length", &[]), "1");
    assert_eq!(
        show(&mut vm, &i(1024), "to_bytes", &[i(2), s("big")]),
        "b'\\x04\\x00'"
    );
    assert_eq!(
        show(&mut vm, &i(1024), "to_bytes", &[i(2), s("little")]),
        "b'\\x00\\x04'"
    );
    assert_eq!(
        show(&mut vm, &i(1024), "to_bytes", &[i(1), s("big")]),
        "OverflowError: int too big to convert"
    );
    assert_eq!(
        show(&mut vm, &i(-1), "to_bytes", &[i(2), s("big")]),
        "OverflowError: can't convert negative int to unsigned"
    );
    assert_eq!(show(&mut vm, &i(5), "to_bytes", &[]), "b'\\x05'");
    assert_eq!(
        show(&mut vm, &i(5), "to_bytes", &[i(2), s("middle")]),
        "ValueError: byteorder must be either 'little' or 'big'"
    );
    assert_eq!(
        show(&mut vm, &i(5), "to_bytes", &[i(-1), s("big")]),
        "ValueError: length argument must be non-negative"
    );
    assert_eq!(
        show(&mut vm, &i(255), "to_bytes", &[i(1), s("big")]),
        "b'\\xff'"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::from_bigint(num_bigint::BigInt::from(2).pow(64)),
            "to_bytes",
            &[i(9), s("little")]
        ),
        "b'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x01'"
    );
    assert_eq!(show(&mut vm, &i(0), "to_bytes", &[i(0), s("big")]), "b''");
    assert_eq!(show(&mut vm, &i(5), "conjugate", &[]), "5");
    assert_eq!(show(&mut vm, &Value::Bool(true), "conjugate", &[]), "1");
    assert_eq!(show(&mut vm, &i(5), "__index__", &[]), "5");
    assert_eq!(show(&mut vm, &Value::Bool(true), "__int__", &[]), "1");
    assert_eq!(show(&mut vm, &i(5), "__float__", &[]), "5.0");
    assert_eq!(show(&mut vm, &i(-5), "__abs__", &[]), "5");
    assert_eq!(show(&mut vm, &i(5), "__neg__", &[]), "-5");
    assert_eq!(show(&mut vm, &Value::Bool(true), "__neg__", &[]), "-1");
    assert_eq!(show(&mut vm, &i(5), "__invert__", &[]), "-6");
    assert_eq!(show(&mut vm, &i(0), "__bool__", &[]), "False");
    assert_eq!(show(&mut vm, &i(1), "__add__", &[i(2)]), "3");
    assert_eq!(
        show(&mut vm, &i(1), "__add__", &[Value::Float(1.5)]),
        "NotImplemented"
    );
    assert_eq!(show(&mut vm, &i(1), "__add__", &[s("a")]), "NotImplemented");
    assert_eq!(show(&mut vm, &i(1), "__radd__", &[i(2)]), "3");
    assert_eq!(show(&mut vm, &i(7), "__sub__", &[i(2)]), "5");
    assert_eq!(show(&mut vm, &i(7), "__rsub__", &[i(2)]), "-5");
    assert_eq!(show(&mut vm, &i(7), "__truediv__", &[i(2)]), "3.5");
    assert_eq!(show(&mut vm, &i(7), "__floordiv__", &[i(2)]), "3");
    assert_eq!(show(&mut vm, &i(7), "__mod__", &[i(-2)]), "-1");
    assert_eq!(show(&mut vm, &i(7), "__rmod__", &[i(2)]), "2");
    assert_eq!(show(&mut vm, &i(7), "__divmod__", &[i(2)]), "(3, 1)");
    assert_eq!(show(&mut vm, &i(7), "__rdivmod__", &[i(20)]), "(2, 6)");
    assert_eq!(show(&mut vm, &i(2), "__pow__", &[i(10)]), "1024");
    assert_eq!(show(&mut vm, &i(2), "__rpow__", &[i(10)]), "100");
    assert_eq!(show(&mut vm, &i(2), "__pow__", &[i(10), i(7)]), "2");
    assert_eq!(show(&mut vm, &i(2), "__pow__", &[i(-1)]), "0.5");
    assert_eq!(
        show(&mut vm, &i(1), "__lshift__", &[i(70)]),
        "1180591620717411303424"
    );
    assert_eq!(
        show(
            &mut vm,
            &Value::Bool(true),
            "__and__",
            &[Value::Bool(false)]
        ),
        "False"
    );
    assert_eq!(show(&mut vm, &Value::Bool(true), "__or__", &[i(1)]), "1");
    assert_eq!(show(&mut vm, &i(5), "__xor__", &[i(3)]), "6");
    assert_eq!(
        show(&mut vm, &i(1), "__truediv__", &[i(0)]),
        "ZeroDivisionError: division by zero"
    );
    assert_eq!(show(&mut vm, &i(1), "__eq__", &[i(1)]), "True");
    assert_eq!(
        show(&mut vm, &i(1), "__eq__", &[Value::Float(1.0)]),
        "NotImplemented"
    );
    assert_eq!(show(&mut vm, &i(1), "__lt__", &[i(2)]), "True");
    assert_eq!(show(&mut vm, &i(1), "__lt__", &[s("a")]), "NotImplemented");
    assert_eq!(show(&mut vm, &Value::Bool(true), "__eq__", &[i(1)]), "True");
    assert_eq!(show(&mut vm, &i(5), "__hash__", &[]), "5");
    assert_eq!(show(&mut vm, &i(-1), "__hash__", &[]), "-2");
    assert_eq!(
        show(
            &mut vm,
            &Value::from_bigint(num_bigint::BigInt::from(2).pow(70)),
            "__hash__",
            &[]
        ),
        "512"
    );
    assert_eq!(show(&mut vm, &i(5), "as_integer_ratio", &[]), "(5, 1)");
    assert_eq!(show(&mut vm, &i(5), "__round__", &[]), "5");
    assert_eq!(show(&mut vm, &i(1234), "__round__", &[i(-2)]), "1200");
    assert_eq!(show(&mut vm, &i(1250), "__round__", &[i(-2)]), "1200");
    assert_eq!(show(&mut vm, &i(5), "__trunc__", &[]), "5");
    assert_eq!(show(&mut vm, &i(5), "__floor__", &[]), "5");
    assert_eq!(
        show(&mut vm, &Value::Float(1.5), "is_integer", &[]),
        "False"
    );
    assert_eq!(show(&mut vm, &Value::Float(2.0), "is_integer", &[]), "True");
    assert_eq!(
        show(&mut vm, &Value::Float(f64::INFINITY), "is_integer", &[]),
        "False"
    );
    assert_eq!(
        show(&mut vm, &Value::Float(1.5), "hex", &[]),
        "'0x1.8000000000000p+0'"
    );
    assert_eq!(show(&mut vm, &Value::Float(2.5), "conjugate", &[]), "2.5");
    assert_eq!(show(&mut vm, &Value::Float(2.7), "__int__", &[]), "2");
    assert_eq!(show(&mut vm, &Value::Float(-2.7), "__trunc__", &[]), "-2");
    assert_eq!(show(&mut vm, &Value::Float(-2.5), "__floor__", &[]), "-3");
    assert_eq!(show(&mut vm, &Value::Float(-2.5), "__ceil__", &[]), "-2");
    assert_eq!(show(&mut vm, &Value::Float(2.5), "__round__", &[]), "2");
    assert_eq!(show(&mut vm, &Value::Float(3.5), "__round__", &[]), "4");
    assert_eq!(
        show(&mut vm, &Value::Float(2.675), "__round__", &[i(2)]),
        "2.67"
    );
    assert_eq!(
        show(&mut vm, &Value::Float(f64::NAN), "__int__", &[]),
        "ValueError: cannot convert float NaN to integer"
    );
    assert_eq!(
        show(&mut vm, &Value::Float(f64::INFINITY), "__round__", &[]),
        "OverflowError: cannot convert float infinity to integer"
    );
    assert_eq!(show(&mut vm, &Value::Float(1.5), "__add__", &[i(1)]), "2.5");
    assert_eq!(
        show(&mut vm, &Value::Float(1.5), "__radd__", &[i(1)]),
        "2.5"
    );
    assert_eq!(
        show(&mut vm, &Value::Float(1.5), "__add__", &[s("a")]),
        "NotImplemented"
    );
    assert_eq!(
        show(&mut vm, &Value::Float(1.5), "__sub__", &[Value::Float(0.5)]),
        "1.0"
    );
    assert_eq!(
        show(&mut vm, &Value::Float(1.5), "__rsub__", &[i(2)]),
        "0.5"
    );
    assert_eq!(
        show(&mut vm, &Value::Float(7.5), "__floordiv__", &[i(2)]),
        "3.0"
    );
    assert_eq!(
        show(&mut vm, &Value::Float(7.5), "__mod__", &[i(-2)]),
        "-0.5"
    );
    assert_eq!(
        show(&mut vm, &Value::Float(7.5), "__divmod__", &[i(2)]),
        "(3.0, 1.5)"
    );
    assert_eq!(
        show(&mut vm, &Value::Float(2.0), "__pow__", &[Value::Float(0.5)]),
        "1.4142135623730951"
    );
    assert_eq!(
        show(&mut vm, &Value::Float(2.0), "__rpow__", &[i(3)]),
        "9.0"
    );
    assert_eq!(
        show(&mut vm, &Value::Float(1.0), "__truediv__", &[i(0)]),
        "ZeroDivisionError: float division by zero"
    );
    assert_eq!(
        show(&mut vm, &Value::Float(1.5), "__eq__", &[Value::Float(1.5)]),
        "True"
    );
    assert_eq!(show(&mut vm, &Value::Float(1.0), "__eq__", &[i(1)]), "True");
    assert_eq!(show(&mut vm, &Value::Float(1.5), "__lt__", &[i(2)]), "True");
    assert_eq!(
        show(&mut vm, &Value::Float(1.5), "__hash__", &[]),
        "1152921504606846977"
    );
    assert_eq!(show(&mut vm, &Value::Float(-1.5), "__abs__", &[]), "1.5");
    assert_eq!(show(&mut vm, &Value::Float(1.5), "__neg__", &[]), "-1.5");
    assert_eq!(show(&mut vm, &Value::Float(0.0), "__bool__", &[]), "False");
    assert_eq!(show(&mut vm, &Value::Float(1.5), "__float__", &[]), "1.5");
    assert_eq!(
        show(&mut vm, &Value::Float(0.5), "as_integer_ratio", &[]),
        "(1, 2)"
    );
}

#[test]
fn from_bytes_is_a_classmethod() {
    assert_eq!(py("r = int.from_bytes(b'\\x04\\x00', 'big')"), "1024");
    assert_eq!(
        py("r = int.from_bytes(b'\\xff\\xff', 'little', signed=True)"),
        "-1"
    );
    assert_eq!(py("r = int.from_bytes([1, 0])"), "256");
    assert_eq!(
        py("r = int.from_bytes('ab', 'big')"),
        "TypeError: cannot convert 'str' object to bytes"
    );
    assert_eq!(
        py("r = (300).to_bytes(2, byteorder='little', signed=True)"),
        "b',\\x01'"
    );
}

#[test]
fn to_bytes_errors() {
    assert_eq!(
        py("r = (256).to_bytes(1, 'big')"),
        "OverflowError: int too big to convert"
    );
    assert_eq!(
        py("r = (-1).to_bytes(1, 'big')"),
        "OverflowError: can't convert negative int to unsigned"
    );
    assert_eq!(
        py("r = (1).to_bytes(1, 'mid')"),
        "ValueError: byteorder must be either 'little' or 'big'"
    );
    assert_eq!(py("r = (-128).to_bytes(1, 'big', signed=True)"), "b'\\x80'");
    assert_eq!(
        py("r = (128).to_bytes(1, 'big', signed=True)"),
        "OverflowError: int too big to convert"
    );
}
