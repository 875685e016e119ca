//! `float` arithmetic and CPython's float repr (shortest round trip, `1e+16`, `inf`, `nan`).

use super::{PyErr, PyResult, Value};
use crate::parser::ast::BinOp;

/// Shortest digits and decimal-point position of a finite, non-zero float: `0.00123` is
/// ("123", -2), meaning 0.123e-2.
fn shortest_digits(x: f64) -> (String, i32) {
    // Rust's `{:e}` gives the shortest round-trip digits, e.g. "1.23e-3".
    let s = format!("{:e}", x.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    (digits, exp + 1)
}

/// `repr(float)` exactly as CPython prints it.
pub fn repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let (digits, decpt) = shortest_digits(x);
    let sign = if x < 0.0 { "-" } else { "" };
    if (-4 < decpt) && (decpt <= 16) {
        let out = if decpt <= 0 {
            format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
        } else if decpt as usize >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(decpt as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..decpt as usize],
                &digits[decpt as usize..]
            )
        };
        format!("{sign}{out}")
    } else {
        let e = decpt - 1;
        let mant = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits
        };
        let esign = if e < 0 { '-' } else { '+' };
        format!("{sign}{mant}e{esign}{:02}", e.abs())
    }
}

/// Python's float modulo: the result takes the sign of the divisor.
pub fn py_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

pub fn py_floordiv(a: f64, b: f64) -> f64 {
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let floor = div.floor();
        if div - floor > 0.5 {
            floor + 1.0
        } else {
            floor
        }
    } else {
        0.0f64.copysign(a / b)
    }
}

/// `float op float` after both operands were converted to float.
pub fn float_binop(op: BinOp, a: f64, b: f64) -> PyResult<Value> {
    Ok(Value::Float(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mult => a * b,
        BinOp::Div => {
            if b == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            a / b
        }
        BinOp::FloorDiv => {
            if b == 0.0 {
                return Err(PyErr::zero_division("float floor division by zero"));
            }
            py_floordiv(a, b)
        }
        BinOp::Mod => {
            if b == 0.0 {
                return Err(PyErr::zero_division("float modulo"));
            }
            py_mod(a, b)
        }
        BinOp::Pow => {
            if a == 0.0 && b < 0.0 {
                return Err(PyErr::zero_division(
                    "0.0 cannot be raised to a negative power",
                ));
            }
            if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
                return Err(PyErr::value_error(
                    "complex numbers are not supported: negative number raised to a fractional power",
                ));
            }
            let r = a.powf(b);
            if r.is_infinite() && a.is_finite() && b.is_finite() {
                return Err(PyErr::with_args(
                    super::ExcKind::OverflowError,
                    vec![Value::Int(34), Value::str("Numerical result out of range")],
                ));
            }
            r
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "unsupported operand type(s) for {}: 'float' and 'float'",
                op.symbol()
            )))
        }
    }))
}

/// `round(x)` with banker's rounding, as an exact integer value.
pub fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

/// `round(x, ndigits)`: correctly rounded through the decimal representation, as CPython.
pub fn round_digits(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if ndigits > 22 {
        return x;
    }
    if ndigits < -308 {
        return 0.0f64.copysign(x);
    }
    // Format with enough precision, then round half-even on the exact decimal expansion.
    let exact = format!("{:.*e}", 40, x);
    let (mant, exp) = exact.split_once('e').unwrap_or((&exact, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: Vec<u8> = mant
        .bytes()
        .filter(|b| b.is_ascii_digit())
        .map(|b| b - b'0')
        .collect();
    // Number of digits kept: those before the decimal point plus ndigits.
    let keep = exp + 1 + ndigits;
    if keep < 0 {
        return 0.0f64.copysign(x);
    }
    let keep = keep as usize;
    if keep >= digits.len() {
        return x;
    }
    let mut kept: Vec<u8> = digits[..keep].to_vec();
    let rest = &digits[keep..];
    let half_up = match rest.first() {
        Some(&d) if d > 5 => true,
        Some(&5) => rest[1..].iter().any(|&d| d != 0) || kept.last().is_some_and(|d| d % 2 == 1),
        _ => false,
    };
    let mut carry = half_up;
    for d in kept.iter_mut().rev() {
        if !carry {
            break;
        }
        if *d == 9 {
            *d = 0;
        } else {
            *d += 1;
            carry = false;
        }
    }
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    if carry {
        s.push('1');
    }
    if kept.is_empty() && !carry {
        s.push('0');
    }
    for d in &kept {
        s.push((b'0' + d) as char);
    }
    let shift = exp + 1 + carry as i64 - (kept.len() as i64 + carry as i64);
    s.push_str(&format!("e{shift}"));
    s.parse().unwrap_or(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(repr(1e16), "1e+16");
        assert_eq!(repr(1e15), "1000000000000000.0");
        assert_eq!(repr(1e-5), "1e-05");
        assert_eq!(repr(0.0001), "0.0001");
        assert_eq!(repr(1.5e-7), "1.5e-07");
        assert_eq!(repr(-2.5), "-2.5");
        assert_eq!(repr(3.0), "3.0");
        assert_eq!(repr(1.7976931348623157e308), "1.7976931348623157e+308");
        assert_eq!(repr(-0.0), "-0.0");
        assert_eq!(repr(123456789.123), "123456789.123");
    }

    #[test]
    fn modulo_and_floordiv_follow_the_divisor_sign() {
        assert_eq!(py_mod(-7.5, 2.0), 0.5);
        assert_eq!(py_mod(7.5, -2.0), -0.5);
        assert_eq!(py_floordiv(-7.5, 2.0), -4.0);
    }

    #[test]
    fn rounding() {
        assert_eq!(round_half_even(2.5), 2.0);
        assert_eq!(round_half_even(3.5), 4.0);
        assert_eq!(round_half_even(-2.5), -2.0);
        assert_eq!(round_digits(2.675, 2), 2.67);
        assert_eq!(round_digits(1.005, 2), 1.0);
        assert_eq!(round_digits(0.125, 2), 0.12);
        assert_eq!(round_digits(1234.5, -2), 1200.0);
        assert_eq!(round_digits(1.23456, 3), 1.235);
    }
}
