//! Float to text exactly as CPython's `PyOS_double_to_string` does it: the `e`, `f`, `g` and
//! repr (`r`) codes, the alternate form (`#`) and the "add `.0`" rule of the empty type code.
//! Shared by the format-spec mini-language (`format_spec`) and `%` formatting (`percent`).
//!
//! Digits come from Rust's float formatting, which is correctly rounded (round-half-even on
//! the exact binary value, like David Gay's dtoa that CPython uses); the layout below is a
//! transcription of CPython's `format_float_short`.

/// Largest precision accepted: Rust can print any number of digits, but a precision this
/// large already means megabytes of output (CPython would try, then run out of memory).
pub const MAX_FLOAT_PRECISION: usize = 1 << 20;

/// How to render a float.
#[derive(Clone, Copy, Debug)]
pub struct FloatFmt {
    /// One of `e`, `f`, `g`, `r` (lowercase; see `upper`).
    pub code: char,
    pub precision: usize,
    /// `#`: keep the decimal point and, for `g`, trailing zeros.
    pub alt: bool,
    /// The empty type code: always show a `.0` on integral values printed without exponent.
    pub add_dot_0: bool,
    /// `E`, `F`, `G`: uppercase exponent letter, `INF` and `NAN`.
    pub upper: bool,
}

/// The text of `x` without its sign, and whether a minus sign belongs in front (never for nan).
pub fn float_to_string(x: f64, f: FloatFmt) -> (bool, String) {
    if x.is_nan() {
        return (false, if f.upper { "NAN" } else { "nan" }.into());
    }
    let neg = x.is_sign_negative();
    let a = x.abs();
    if a.is_infinite() {
        return (neg, if f.upper { "INF" } else { "inf" }.into());
    }
    let precision = f.precision.min(MAX_FLOAT_PRECISION) as i64;
    let (digits, decpt, precision) = match f.code {
        'e' => {
            let (d, p) = sig_digits(a, precision as usize + 1);
            (d, p, precision + 1)
        }
        'f' => {
            let (d, p) = fixed_digits(a, precision as usize);
            (d, p, precision)
        }
        'g' => {
            let precision = precision.max(1);
            let (d, p) = sig_digits(a, precision as usize);
            (d, p, precision)
        }
        _ => {
            let (d, p) = shortest_digits(a);
            (d, p, 0)
        }
    };
    let mut body = layout(&digits, decpt, f.code, precision, f.alt, f.add_dot_0);
    if f.upper {
        body = body.replace('e', "E");
    }
    (neg, body)
}

/// Shortest round-trip digits and decimal point position: 0.0123 is ("123", -1), i.e.
/// 0.123e-1. Zero is ("0", 1), as dtoa gives it.
fn shortest_digits(a: f64) -> (String, i64) {
    if a == 0.0 {
        return ("0".into(), 1);
    }
    split_sci(&format!("{a:e}"))
}

/// `n` significant digits, correctly rounded, trailing zeros removed (dtoa mode 2).
fn sig_digits(a: f64, n: usize) -> (String, i64) {
    if a == 0.0 {
        return ("0".into(), 1);
    }
    split_sci(&format!("{:.*e}", n.saturating_sub(1), a))
}

/// Digits rounded to `n` places after the point, leading and trailing zeros removed
/// (dtoa mode 3). A value that rounds to zero gives ("0", 1), which lays out identically.
fn fixed_digits(a: f64, n: usize) -> (String, i64) {
    let s = format!("{a:.n$}");
    let (int_part, frac) = s.split_once('.').unwrap_or((&s, ""));
    let all: String = format!("{int_part}{frac}");
    let lead = all.bytes().take_while(|&b| b == b'0').count();
    let digits = all[lead..].trim_end_matches('0');
    if digits.is_empty() {
        return ("0".into(), 1);
    }
    (digits.to_string(), int_part.len() as i64 - lead as i64)
}

/// Splits Rust's `d.ddde±x` into digits without trailing zeros and the decimal point position.
fn split_sci(s: &str) -> (String, i64) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    if digits.is_empty() {
        return ("0".into(), 1);
    }
    (digits.to_string(), exp + 1)
}

fn push_zeros(buf: &mut String, n: i64) {
    for _ in 0..n.max(0) {
        buf.push('0');
    }
}

/// CPython's `format_float_short` layout: pads the digit string with zeros on either side,
/// places the decimal point, and appends an exponent when the code calls for one.
fn layout(
    digits: &str,
    decpt: i64,
    code: char,
    precision: i64,
    alt: bool,
    add_dot_0: bool,
) -> String {
    let digits_len = digits.len() as i64;
    let mut decpt = decpt;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if alt {
                vdigits_end = precision;
            }
        }
        _ => {
            // repr switches to exponent notation at 1e16.
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    let mut buf = String::with_capacity((vdigits_end - vdigits_start).max(0) as usize + 8);
    if decpt <= 0 {
        push_zeros(&mut buf, decpt - vdigits_start);
        buf.push('.');
        push_zeros(&mut buf, -decpt);
    } else {
        push_zeros(&mut buf, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        let d = decpt as usize;
        buf.push_str(&digits[..d]);
        buf.push('.');
        buf.push_str(&digits[d..]);
    } else {
        buf.push_str(digits);
    }
    if digits_len < decpt {
        push_zeros(&mut buf, decpt - digits_len);
        buf.push('.');
        push_zeros(&mut buf, vdigits_end - decpt);
    } else {
        push_zeros(&mut buf, vdigits_end - digits_len);
    }
    if buf.ends_with('.') && !alt {
        buf.pop();
    }
    if use_exp {
        buf.push_str(&format!("e{exp:+03}"));
    }
    buf
}

/// `repr(x)` through the same machinery (used by tests to cross-check `objects::float::repr`).
pub fn repr(x: f64) -> String {
    let (neg, body) = float_to_string(
        x,
        FloatFmt {
            code: 'r',
            precision: 0,
            alt: false,
            add_dot_0: true,
            upper: false,
        },
    );
    if neg {
        format!("-{body}")
    } else {
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(x: f64, code: char, precision: usize, alt: bool, add_dot_0: bool) -> String {
        let (neg, body) = float_to_string(
            x,
            FloatFmt {
                code,
                precision,
                alt,
                add_dot_0,
                upper: false,
            },
        );
        if neg {
            format!("-{body}")
        } else {
            body
        }
    }

    #[test]
    fn repr_codes_match_cpython() {
        assert_eq!(repr(1e16), "1e+16");
        assert_eq!(repr(1e15), "1000000000000000.0");
        assert_eq!(repr(0.0001), "0.0001");
        assert_eq!(repr(1e-5), "1e-05");
        assert_eq!(repr(-0.0), "-0.0");
        assert_eq!(repr(5e-324), "5e-324");
        assert_eq!(repr(0.1 + 0.2), "0.30000000000000004");
    }

    #[test]
    fn e_f_g_codes_match_cpython() {
        assert_eq!(fmt(1.0, 'e', 0, false, false), "1e+00");
        assert_eq!(fmt(1.0, 'e', 0, true, false), "1.e+00");
        assert_eq!(fmt(12345.0, 'e', 2, false, false), "1.23e+04");
        assert_eq!(fmt(5e-324, 'e', 3, false, false), "4.941e-324");
        assert_eq!(fmt(0.0, 'e', 6, false, false), "0.000000e+00");
        assert_eq!(fmt(0.125, 'f', 2, false, false), "0.12");
        assert_eq!(fmt(0.375, 'f', 2, false, false), "0.38");
        assert_eq!(fmt(2.5, 'f', 0, false, false), "2");
        assert_eq!(fmt(1.0, 'f', 0, true, false), "1.");
        assert_eq!(fmt(0.05, 'f', 2, false, false), "0.05");
        assert_eq!(fmt(0.001, 'f', 2, false, false), "0.00");
        assert_eq!(fmt(-0.0, 'f', 2, false, false), "-0.00");
        assert_eq!(
            fmt(1e30, 'f', 6, false, false),
            "1000000000000000019884624838656.000000"
        );
        assert_eq!(fmt(100000.0, 'g', 6, false, false), "100000");
        assert_eq!(fmt(1000000.0, 'g', 6, false, false), "1e+06");
        assert_eq!(fmt(123456789.0, 'g', 6, false, false), "1.23457e+08");
        assert_eq!(fmt(1e-5, 'g', 6, true, false), "1.00000e-05");
        assert_eq!(fmt(0.0, 'g', 6, false, false), "0");
        assert_eq!(fmt(999999.5, 'g', 6, false, false), "1e+06");
        // The empty type code with a precision.
        assert_eq!(fmt(1.0, 'g', 0, false, true), "1e+00");
        assert_eq!(fmt(0.5, 'g', 0, false, true), "0.5");
        assert_eq!(fmt(1.5, 'g', 0, false, true), "2e+00");
        assert_eq!(fmt(123456.0, 'g', 3, false, true), "1.23e+05");
        assert_eq!(fmt(1e16, 'g', 20, false, true), "10000000000000000.0");
        assert_eq!(fmt(99999.0, 'g', 5, false, true), "9.9999e+04");
        assert_eq!(fmt(1.0, 'g', 3, false, true), "1.0");
    }

    #[test]
    fn nan_has_no_sign_and_inf_keeps_it() {
        assert_eq!(fmt(-f64::NAN, 'f', 6, false, false), "nan");
        assert_eq!(fmt(f64::NEG_INFINITY, 'g', 6, false, false), "-inf");
    }
}
