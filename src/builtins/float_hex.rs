//! `float.hex()`, `float.fromhex()` and `float.as_integer_ratio()`: exact conversions
//! between a float and its binary representation, as CPython's `floatobject.c` does them
//! (correct rounding of long hexadecimal strings, subnormals, CPython's messages).

use crate::objects::function::Args;
use crate::objects::int::frexp;
use crate::objects::{PyErr, PyResult, Value};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use std::sync::Arc;

/// Exponents beyond this are certain overflow or underflow for any mantissa a string can hold
/// in memory; clamping keeps the arithmetic in range.
const MAX_HEX_EXPONENT: i64 = 1 << 40;

fn float_self(args: &Args, name: &str) -> PyResult<f64> {
    match super::method_args::this(args, "float", name)? {
        Value::Float(f) => Ok(*f),
        other => Err(super::method_args::wrong_self("float", name, other)),
    }
}

/// `float.hex()`: `0x1.8000000000000p+0`.
pub fn hex(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_self(&args, "hex")?;
    Ok(Value::str(float_to_hex(x)))
}

pub fn float_to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let mantissa = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    format!("{sign}0x{lead}.{mantissa:013x}p{exp:+}")
}

/// `float.fromhex(s)`, a classmethod.
pub fn fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = match args.pos.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(o) => {
            return Err(PyErr::type_error(format!(
                "fromhex() argument must be str, not {}",
                o.type_name()
            )))
        }
        None => {
            return Err(PyErr::type_error(
                "float.fromhex() takes exactly one argument (0 given)",
            ))
        }
    };
    let x = parse_hex_float(&s)?;
    match args.pos.first() {
        Some(Value::Class(c)) if !Arc::ptr_eq(c, &crate::objects::class::types().float) => {
            vm.call(&Value::Class(c.clone()), Args::new(&[Value::Float(x)]))
        }
        _ => Ok(Value::Float(x)),
    }
}

fn invalid() -> PyErr {
    PyErr::value_error("invalid hexadecimal floating-point string")
}

pub fn parse_hex_float(text: &str) -> PyResult<f64> {
    let t = text.trim();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let sign = if neg { -1.0 } else { 1.0 };
    if lower == "inf" || lower == "infinity" {
        return Ok(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int_part, frac_part) = match mant.split_once('.') {
        Some((a, b)) => (a, b),
        None => (mant, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(invalid());
    }
    let mut m = BigInt::zero();
    for c in int_part.chars().chain(frac_part.chars()) {
        let d = c.to_digit(16).ok_or_else(invalid)?;
        m = m * 16u32 + d;
    }
    let mut e2: i64 = 0;
    if let Some(e) = exp {
        let (eneg, digits) = match e.as_bytes().first() {
            Some(b'-') => (true, &e[1..]),
            Some(b'+') => (false, &e[1..]),
            _ => (false, e),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        let mut v: i64 = 0;
        for b in digits.bytes() {
            v = (v * 10 + (b - b'0') as i64).min(MAX_HEX_EXPONENT);
        }
        e2 = if eneg { -v } else { v };
    }
    e2 -= 4 * frac_part.len() as i64;
    Ok(sign * scale(&m, e2)?)
}

/// `m * 2**e2` correctly rounded (half to even) to a float.
fn scale(m: &BigInt, e2: i64) -> PyResult<f64> {
    if m.is_zero() {
        return Ok(0.0);
    }
    let top = m.bits() as i64 + e2;
    if top > 1024 {
        return Err(PyErr::overflow_error(
            "hexadecimal value too large to represent as a float",
        ));
    }
    if top < -1074 {
        return Ok(0.0);
    }
    // Position of the last bit kept: 53 significant bits, but nothing below 2**-1074.
    let q = (top - 53).max(-1074);
    let shift = q - e2;
    let r: BigInt = if shift > 0 {
        let kept: BigInt = m >> (shift as usize);
        let dropped = m - (&kept << (shift as usize));
        let half = BigInt::from(1) << ((shift - 1) as usize);
        if dropped > half || (dropped == half && (&kept % 2u32) == BigInt::from(1)) {
            kept + 1
        } else {
            kept
        }
    } else {
        m << ((-shift) as usize)
    };
    let r = r.to_f64().unwrap_or(f64::INFINITY);
    // Two steps so that neither power of two over- or underflows on its own.
    let half = q / 2;
    let x = r * 2f64.powi(half as i32) * 2f64.powi((q - half) as i32);
    if x.is_infinite() {
        return Err(PyErr::overflow_error(
            "hexadecimal value too large to represent as a float",
        ));
    }
    Ok(x)
}

/// `float.as_integer_ratio()`: the exact fraction, in lowest terms.
pub fn float_ratio(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(PyErr::overflow_error(
            "cannot convert Infinity to integer ratio",
        ));
    }
    let (mut m, mut e) = frexp(x);
    let mut i = 0;
    while i < 300 && m != m.floor() {
        m *= 2.0;
        e -= 1;
        i += 1;
    }
    let num: BigInt = num_traits::FromPrimitive::from_f64(m).unwrap_or_default();
    let (num, den) = if e > 0 {
        (num << (e as usize), BigInt::from(1))
    } else {
        (num, BigInt::from(1) << ((-e) as usize))
    };
    Ok(Value::tuple(vec![
        Value::from_bigint(num),
        Value::from_bigint(den),
    ]))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{msg, py};
    use super::*;

    #[test]
    fn hex_matches_cpython() {
        assert_eq!(float_to_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(float_to_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_to_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_to_hex(0.1), "0x1.999999999999ap-4");
        assert_eq!(float_to_hex(1e300), "0x1.7e43c8800759cp+996");
    }

    #[test]
    fn fromhex_rounds_correctly() {
        assert_eq!(parse_hex_float("0x1.8p0").unwrap(), 1.5);
        assert_eq!(parse_hex_float(" -0x1p-2 ").unwrap(), -0.25);
        assert_eq!(parse_hex_float("0x1.999999999999ap-4").unwrap(), 0.1);
        assert_eq!(parse_hex_float("1.00000000000008").unwrap(), 1.0);
        assert_eq!(
            parse_hex_float("1.00000000000018").unwrap(),
            1.0000000000000004
        );
        assert_eq!(parse_hex_float("0x0.0000000000001p-1022").unwrap(), 5e-324);
        assert_eq!(parse_hex_float("0x1p-1075").unwrap(), 0.0);
        assert_eq!(parse_hex_float("0x1.8p-1074").unwrap(), 1e-323);
        assert_eq!(parse_hex_float("inf").unwrap(), f64::INFINITY);
        assert_eq!(parse_hex_float("0x.8").unwrap(), 0.5);
    }

    #[test]
    fn invalid_hexadecimal_floating_point_string() {
        for s in ["", "0x", "0xg", "1p", "0x1p+", "1.2.3"] {
            let e = parse_hex_float(s).unwrap_err();
            assert_eq!(
                msg(&e),
                "ValueError: invalid hexadecimal floating-point string",
                "{s}"
            );
        }
    }

    #[test]
    fn hexadecimal_value_too_large() {
        let e = parse_hex_float("0x1p1024").unwrap_err();
        assert_eq!(
            msg(&e),
            "OverflowError: hexadecimal value too large to represent as a float"
        );
    }

    #[test]
    fn integer_ratios() {
        assert_eq!(py("r = (0.75).as_integer_ratio()"), "(3, 4)");
        assert_eq!(py("r = (-2.0).as_integer_ratio()"), "(-2, 1)");
        assert_eq!(
            py("r = (0.1).as_integer_ratio()"),
            "(3602879701896397, 36028797018963968)"
        );
        assert_eq!(
            py("r = float('nan').as_integer_ratio()"),
            "ValueError: cannot convert NaN to integer ratio"
        );
        assert_eq!(
            py("r = float('inf').as_integer_ratio()"),
            "OverflowError: cannot convert Infinity to integer ratio"
        );
        assert_eq!(py("r = float.fromhex('0x1.8p1')"), "3.0");
    }
}
