//! `int` (and `bool`) arithmetic: i64 inline, promoted to a big integer on overflow, never
//! wrapping or panicking; plus the numeric tower helpers shared with `float`.

use super::{PyErr, PyResult, Value};
use crate::parser::ast::BinOp;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::sync::Arc;

/// CPython's modulus for numeric hashes: 2**61 - 1, so equal numbers hash equally.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;
const HASH_BITS: u32 = 61;

/// Shifts beyond this many bits would build absurdly large integers; CPython raises
/// MemoryError/OverflowError long before memory runs out, and so do we.
const MAX_SHIFT: u64 = 1 << 32;

/// The largest result (in bits, estimated as exponent x base bits) `int ** int` computes.
/// CPython computes any size, taking minutes for `3 ** 10**9`; pyt refuses beyond 2**27 bits
/// (16 MiB, about two seconds of multiplication) with OverflowError rather than appear hung.
/// Powers of two are shifts and go up to `MAX_SHIFT`.
const MAX_POW_BITS: u64 = 1 << 27;

/// A number seen through the numeric tower.
#[derive(Clone, Debug)]
pub enum Num {
    I(i64),
    B(BigInt),
    F(f64),
}

pub fn as_number(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::BigInt(b) => Some(Num::B((**b).clone())),
        Value::Float(f) => Some(Num::F(*f)),
        _ => None,
    }
}

pub fn normalize(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(Arc::new(b)),
    }
}

pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// An exact int/float comparison (CPython compares int and float exactly, not via float).
pub fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(y),
        (Num::F(x), other) => num_cmp(other, &Num::F(*x)).map(Ordering::reverse),
        (Num::I(x), Num::F(y)) => {
            if y.is_nan() {
                None
            } else if y.is_infinite() {
                Some(if *y > 0.0 {
                    Ordering::Less
                } else {
                    Ordering::Greater
                })
            } else if x.unsigned_abs() < (1u64 << 53) {
                (*x as f64).partial_cmp(y)
            } else {
                cmp_big_float(&BigInt::from(*x), *y)
            }
        }
        (Num::B(x), Num::F(y)) => {
            if y.is_nan() {
                None
            } else if y.is_infinite() {
                Some(if *y > 0.0 {
                    Ordering::Less
                } else {
                    Ordering::Greater
                })
            } else {
                cmp_big_float(x, *y)
            }
        }
        (Num::I(x), Num::B(y)) => Some(BigInt::from(*x).cmp(y)),
        (Num::B(x), Num::I(y)) => Some(x.cmp(&BigInt::from(*y))),
        (Num::B(x), Num::B(y)) => Some(x.cmp(y)),
    }
}

fn cmp_big_float(x: &BigInt, y: f64) -> Option<Ordering> {
    let fl = y.floor();
    let fb = num_bigint::BigInt::from(fl as i128);
    let fb = if fl.abs() < 1e38 {
        fb
    } else {
        BigInt::from_float(fl)?
    };
    match x.cmp(&fb) {
        Ordering::Equal if y > fl => Some(Ordering::Less),
        o => Some(o),
    }
}

trait FromFloat: Sized {
    fn from_float(f: f64) -> Option<Self>;
}
impl FromFloat for BigInt {
    fn from_float(f: f64) -> Option<BigInt> {
        num_traits::FromPrimitive::from_f64(f)
    }
}

pub fn num_eq(a: &Num, b: &Num) -> bool {
    num_cmp(a, b) == Some(Ordering::Equal)
}

pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_big(b: &BigInt) -> i64 {
    let m = (b.abs() % BigInt::from(HASH_MODULUS)).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's hash of a float: equal to the hash of an equal int.
pub fn hash_f64(v: f64) -> i64 {
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        (e as u32) % HASH_BITS
    } else {
        HASH_BITS - 1 - (((-1 - e) as u32) % HASH_BITS)
    };
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    let h = (x as i64).wrapping_mul(sign);
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Splits a finite float into a mantissa in [0.5, 1) and a power of two.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022u64 << 52));
    (m, e)
}

/// `int op int` (bools count as ints). Returns None when an operand is not an int.
pub fn int_binop(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let (x, y) = match (a, b) {
        (Value::Int(x), Value::Int(y)) => (*x, *y),
        (Value::Bool(x), Value::Int(y)) => (*x as i64, *y),
        (Value::Int(x), Value::Bool(y)) => (*x, *y as i64),
        (Value::Bool(x), Value::Bool(y)) => {
            let (x, y) = (*x, *y);
            match op {
                BinOp::BitAnd => return Some(Ok(Value::Bool(x & y))),
                BinOp::BitOr => return Some(Ok(Value::Bool(x | y))),
                BinOp::BitXor => return Some(Ok(Value::Bool(x ^ y))),
                _ => (x as i64, y as i64),
            }
        }
        _ => {
            let x = to_bigint(a)?;
            let y = to_bigint(b)?;
            return Some(big_binop(op, x, y));
        }
    };
    Some(small_binop(op, x, y))
}

fn small_binop(op: BinOp, x: i64, y: i64) -> PyResult<Value> {
    let r = match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mult => x.checked_mul(y),
        BinOp::FloorDiv => {
            if y == 0 {
                return Err(PyErr::zero_division("integer division or modulo by zero"));
            }
            x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y))
        }
        BinOp::Mod => {
            if y == 0 {
                return Err(PyErr::zero_division("integer modulo by zero"));
            }
            x.checked_rem(y).map(|_| Integer::mod_floor(&x, &y))
        }
        BinOp::Div => return true_div(&BigInt::from(x), &BigInt::from(y), Some((x, y))),
        BinOp::Pow => {
            if y < 0 {
                if x == 0 {
                    return Err(PyErr::zero_division(
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                return Ok(Value::Float((x as f64).powf(y as f64)));
            }
            u32::try_from(y).ok().and_then(|e| x.checked_pow(e))
        }
        BinOp::LShift => {
            if y < 0 {
                return Err(PyErr::value_error("negative shift count"));
            }
            if x == 0 {
                return Ok(Value::Int(0));
            }
            if y < 63 && (x.unsigned_abs().leading_zeros() as i64) > y + 1 {
                Some(x << y)
            } else {
                None
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return Err(PyErr::value_error("negative shift count"));
            }
            return Ok(Value::Int(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            }));
        }
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        BinOp::MatMult => {
            return Err(PyErr::type_error(
                "unsupported operand type(s) for @: 'int' and 'int'",
            ))
        }
    };
    match r {
        Some(v) => Ok(Value::Int(v)),
        None => big_binop(op, BigInt::from(x), BigInt::from(y)),
    }
}

fn big_binop(op: BinOp, x: BigInt, y: BigInt) -> PyResult<Value> {
    Ok(normalize(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mult => x * y,
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(PyErr::zero_division("integer division or modulo by zero"));
            }
            x.div_floor(&y)
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(PyErr::zero_division("integer modulo by zero"));
            }
            x.mod_floor(&y)
        }
        BinOp::Div => return true_div(&x, &y, None),
        BinOp::Pow => {
            if y.is_negative() {
                if x.is_zero() {
                    return Err(PyErr::zero_division(
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                let xf = x.to_f64().unwrap_or(f64::INFINITY);
                return Ok(Value::Float(
                    xf.powf(y.to_f64().unwrap_or(f64::NEG_INFINITY)),
                ));
            }
            if x.is_zero() || x.is_one() {
                return Ok(normalize(if y.is_zero() { BigInt::one() } else { x }));
            }
            if x == BigInt::from(-1) {
                return Ok(Value::Int(if y.is_even() { 1 } else { -1 }));
            }
            // A power of two is a shift: fast at any size a shift allows.
            if x.is_positive() && x.magnitude().count_ones() == 1 {
                let k = x.bits() - 1;
                let s = y
                    .to_u64()
                    .and_then(|e| e.checked_mul(k))
                    .filter(|&s| s <= MAX_SHIFT)
                    .ok_or_else(|| PyErr::overflow_error("exponent too large"))?;
                return Ok(normalize(BigInt::one() << s));
            }
            let e = y
                .to_u32()
                .filter(|&e| (e as u64) * x.bits() <= MAX_POW_BITS)
                .ok_or_else(|| PyErr::overflow_error("exponent too large"))?;
            num_traits::pow(x, e as usize)
        }
        BinOp::LShift => {
            if y.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            let s = y.to_u64().filter(|&s| s <= MAX_SHIFT);
            let s = s.ok_or_else(|| PyErr::overflow_error("too many digits in integer"))?;
            x << s
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            match y.to_u64() {
                Some(s) if s <= MAX_SHIFT => x >> s,
                _ => BigInt::from(if x.is_negative() { -1 } else { 0 }),
            }
        }
        BinOp::BitAnd => x & y,
        BinOp::BitOr => x | y,
        BinOp::BitXor => x ^ y,
        BinOp::MatMult => {
            return Err(PyErr::type_error(
                "unsupported operand type(s) for @: 'int' and 'int'",
            ))
        }
    }))
}

/// `int / int`, correctly rounded for small operands, an OverflowError when too large.
fn true_div(x: &BigInt, y: &BigInt, small: Option<(i64, i64)>) -> PyResult<Value> {
    if y.is_zero() {
        return Err(PyErr::zero_division("division by zero"));
    }
    if let Some((a, b)) = small {
        if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
            return Ok(Value::Float(a as f64 / b as f64));
        }
    }
    let (xf, yf) = (x.to_f64(), y.to_f64());
    match (xf, yf) {
        (Some(a), Some(b)) if a.is_finite() && b.is_finite() => Ok(Value::Float(a / b)),
        _ => {
            // Scale both down so the quotient fits a float.
            let shift = x.bits().max(y.bits()).saturating_sub(1000);
            let (a, b) = ((x >> shift).to_f64(), (y >> shift).to_f64());
            match (a, b) {
                (Some(a), Some(b)) if (a / b).is_finite() => Ok(Value::Float(a / b)),
                _ => Err(PyErr::overflow_error(
                    "integer division result too large for a float",
                )),
            }
        }
    }
}

/// Parses `int(text, base)` as CPython does (whitespace, sign, underscores, prefixes).
pub fn parse_int(text: &str, base: u32) -> Option<Value> {
    let t = text.trim();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = match base {
        0 | 16 if lower.starts_with("0x") => (16, &t[2..]),
        0 | 8 if lower.starts_with("0o") => (8, &t[2..]),
        0 | 2 if lower.starts_with("0b") => (2, &t[2..]),
        0 => {
            if t.len() > 1 && t.starts_with('0') && t.bytes().any(|b| b != b'0' && b != b'_') {
                return None;
            }
            (10, t)
        }
        b => (b, t),
    };
    let digits = digits
        .strip_prefix('_')
        .filter(|_| t.len() != digits.len())
        .unwrap_or(digits);
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let n = if clean.len() <= 15 && base <= 16 {
        BigInt::from(i64::from_str_radix(&clean, base).ok()?)
    } else {
        BigInt::parse_bytes(clean.as_bytes(), base)?
    };
    Some(normalize(if neg { -n } else { n }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(v: i64) -> Value {
        Value::Int(v)
    }
    fn show(v: PyResult<Value>) -> String {
        match v {
            Ok(Value::Int(i)) => i.to_string(),
            Ok(Value::BigInt(b)) => b.to_string(),
            Ok(Value::Float(f)) => format!("{f}"),
            Ok(_) => "?".into(),
            Err(e) => format!("{e:?}"),
        }
    }

    #[test]
    fn overflow_promotes_to_bigint() {
        let r = show(int_binop(BinOp::Pow, &i(2), &i(100)).unwrap());
        assert_eq!(r, "1267650600228229401496703205376");
        let r = show(int_binop(BinOp::Mult, &i(i64::MAX), &i(2)).unwrap());
        assert_eq!(r, "18446744073709551614");
        let r = show(int_binop(BinOp::Sub, &i(i64::MIN), &i(1)).unwrap());
        assert_eq!(r, "-9223372036854775809");
        let r = show(int_binop(BinOp::LShift, &i(1), &i(70)).unwrap());
        assert_eq!(r, "1180591620717411303424");
    }

    #[test]
    fn floor_semantics() {
        assert_eq!(
            show(int_binop(BinOp::FloorDiv, &i(-7), &i(2)).unwrap()),
            "-4"
        );
        assert_eq!(show(int_binop(BinOp::Mod, &i(-7), &i(2)).unwrap()), "1");
        assert_eq!(show(int_binop(BinOp::Mod, &i(7), &i(-2)).unwrap()), "-1");
        assert_eq!(
            show(int_binop(BinOp::FloorDiv, &i(i64::MIN), &i(-1)).unwrap()),
            "9223372036854775808"
        );
    }

    #[test]
    fn division_by_zero_messages() {
        let e = show(int_binop(BinOp::FloorDiv, &i(1), &i(0)).unwrap());
        assert!(e.contains("ZeroDivisionError"));
        assert!(int_binop(BinOp::Div, &i(1), &i(0)).unwrap().is_err());
    }

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_f64(1.5), 1152921504606846977);
        assert_eq!(hash_f64(2.0), 2);
        assert_eq!(hash_f64(-0.5), -1152921504606846976);
    }

    #[test]
    fn parse_int_forms() {
        assert!(matches!(parse_int(" 42 ", 10), Some(Value::Int(42))));
        assert!(matches!(parse_int("ff", 16), Some(Value::Int(255))));
        assert!(matches!(parse_int("0x_ff", 0), Some(Value::Int(255))));
        assert!(matches!(parse_int("1_000", 10), Some(Value::Int(1000))));
        assert!(parse_int("1__0", 10).is_none());
        assert!(parse_int("x", 10).is_none());
        assert!(parse_int("010", 0).is_none());
        assert!(matches!(parse_int("-0b101", 0), Some(Value::Int(-5))));
    }
}
