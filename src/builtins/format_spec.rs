//! The format-spec mini-language (`format(v, spec)`, f-string `{v:spec}`, `str.format`):
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, parsed and applied to
//! ints, floats and strs as CPython 3.11's `Python/formatter_unicode.c` does, with its error
//! messages. `format::format_value` dispatches here.

use super::float_fmt::{float_to_string, FloatFmt};
use crate::objects::{ExcKind, PyErr, PyResult};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// Widths and precisions above this are refused with MemoryError before any padding is
/// allocated (CPython tries to allocate them and fails the same way).
pub const MAX_FORMAT_WIDTH: usize = 1 << 26;

/// A parsed format spec.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub fill: char,
    /// `<`, `>`, `^`, `=`, or None for the type's default.
    pub align: Option<char>,
    /// `+`, `-`, ` `, or None.
    pub sign: Option<char>,
    /// `z`: negative zero becomes positive after rounding.
    pub no_neg_zero: bool,
    pub alt: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::value_error(msg)
}

/// A run of decimal digits at `*pos` (None when there is none); CPython's `get_integer`.
fn parse_number(chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut acc: u64 = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as u64))
            .filter(|&a| a <= i64::MAX as u64)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    if *pos == start {
        return Ok(None);
    }
    if acc > MAX_FORMAT_WIDTH as u64 {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    Ok(Some(acc as usize))
}

/// The message for a presentation type that cannot be printed as `'%c'`.
fn code_repr(c: char) -> String {
    let n = c as u32;
    if n > 32 && n < 128 {
        c.to_string()
    } else {
        format!("\\x{n:x}")
    }
}

/// Parses a spec; `type_name` and `default_align` are the formatted object's. Strings
/// (default align `<`) have the default presentation type `s`, which matters for the
/// grouping check (`format('abc', ',')` is an error).
pub fn parse_spec(spec: &str, type_name: &str, default_align: char) -> PyResult<Spec> {
    let default_type = if default_align == '<' {
        Some('s')
    } else {
        None
    };
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec {
        fill: ' ',
        align: None,
        sign: None,
        no_neg_zero: false,
        alt: false,
        width: None,
        grouping: None,
        precision: None,
        ty: None,
    };
    let mut pos = 0;
    let mut fill_given = false;
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = chars[0];
        s.align = Some(chars[1]);
        fill_given = true;
        pos = 2;
    } else if chars.first().is_some_and(|&c| is_align(c)) {
        s.align = Some(chars[0]);
        pos = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
        s.sign = Some(c);
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        s.no_neg_zero = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        s.alt = true;
        pos += 1;
    }
    if !fill_given && chars.get(pos) == Some(&'0') {
        s.fill = '0';
        if s.align.is_none() && default_align == '>' {
            s.align = Some('=');
        }
        pos += 1;
    }
    s.width = parse_number(&chars, &mut pos)?;
    if let Some(&c @ (',' | '_')) = chars.get(pos) {
        s.grouping = Some(c);
        pos += 1;
    }
    if let Some(&c @ (',' | '_')) = chars.get(pos) {
        if Some(c) == s.grouping {
            return Err(value_error(format!("Cannot specify '{c}' with '{c}'.")));
        }
        return Err(value_error("Cannot specify both ',' and '_'."));
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        s.precision = parse_number(&chars, &mut pos)?;
        if s.precision.is_none() {
            return Err(value_error("Format specifier missing precision"));
        }
    }
    let rest = &chars[pos.min(chars.len())..];
    if rest.len() > 1 {
        return Err(value_error(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    s.ty = rest.first().copied();
    if let Some(g) = s.grouping {
        match s.ty.or(default_type) {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if g == '_' => {}
            Some(t) => {
                return Err(value_error(format!(
                    "Cannot specify '{g}' with '{}'.",
                    code_repr(t)
                )))
            }
        }
    }
    Ok(s)
}

fn unknown_code(t: char, type_name: &str) -> PyErr {
    value_error(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        code_repr(t)
    ))
}

/// Pads `body` (already `len` chars long) to the spec's width with its fill and alignment.
fn pad(out: &mut String, body: &str, len: usize, spec: &Spec, default_align: char) {
    let width = spec.width.unwrap_or(0);
    let total = width.saturating_sub(len);
    let (left, right) = match spec.align.unwrap_or(default_align) {
        '<' => (0, total),
        '^' => (total / 2, total - total / 2),
        _ => (total, 0),
    };
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(spec.fill, right));
}

/// `format(str, spec)`.
pub fn format_str(s: &str, spec: &Spec) -> PyResult<String> {
    match spec.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, "str")),
    }
    match spec.sign {
        Some(' ') => return Err(value_error("Space not allowed in string format specifier")),
        Some(_) => return Err(value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.no_neg_zero {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alt {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some('=') {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let (body, len) = match spec.precision {
        Some(p) => {
            let end = s.char_indices().nth(p).map_or(s.len(), |(i, _)| i);
            (&s[..end], s[..end].chars().count())
        }
        None => (s, s.chars().count()),
    };
    let mut out = String::with_capacity(body.len() + spec.width.unwrap_or(0));
    pad(&mut out, body, len, spec, '<');
    Ok(out)
}

/// Inserts the grouping separator every `size` digits from the right, padding with zeros up
/// to `min_width` characters (CPython's `_PyUnicode_InsertThousandsGrouping`).
fn group_digits(digits: &str, sep: char, size: usize, min_width: i64) -> String {
    let mut groups: Vec<String> = Vec::new();
    let mut remaining = digits.len() as i64;
    let mut min_w = min_width;
    let mut end = digits.len();
    let size = size as i64;
    loop {
        let l = size.min(remaining.max(min_w).max(1));
        let n_chars = remaining.min(l).max(0);
        let n_zeros = (l - remaining).max(0);
        let mut g = "0".repeat(n_zeros as usize);
        let start = end - n_chars as usize;
        g.push_str(&digits[start..end]);
        groups.push(g);
        end = start;
        remaining -= n_chars;
        min_w -= l;
        if remaining <= 0 && min_w <= 0 {
            break;
        }
        min_w -= 1;
    }
    groups.reverse();
    groups.join(&sep.to_string())
}

/// The pieces of a formatted number, laid out by `finish_number`.
struct NumParts<'a> {
    negative: bool,
    /// `0x` and friends.
    prefix: &'a str,
    /// The integer digits, subject to grouping (empty for inf, nan and `c`).
    digits: &'a str,
    /// Everything after the integer digits: fraction, exponent, `%`.
    rest: &'a str,
}

/// Sign, prefix, grouping and padding around a number (CPython's `calc_number_widths` and
/// `fill_number`).
fn finish_number(p: NumParts, spec: &Spec, group_size: usize) -> String {
    let sign = if p.negative {
        Some('-')
    } else {
        match spec.sign {
            Some('+') => Some('+'),
            Some(' ') => Some(' '),
            _ => None,
        }
    };
    let width = spec.width.unwrap_or(0) as i64;
    let n_sign = sign.is_some() as i64;
    let n_prefix = p.prefix.chars().count() as i64;
    let n_rest = p.rest.chars().count() as i64;
    let zero_pad = spec.fill == '0' && spec.align == Some('=');
    let grouped = match spec.grouping {
        Some(sep) if !p.digits.is_empty() => {
            let min_width = if zero_pad {
                width - n_sign - n_prefix - n_rest
            } else {
                0
            };
            group_digits(p.digits, sep, group_size, min_width)
        }
        _ => p.digits.to_string(),
    };
    let len = n_sign + n_prefix + grouped.len() as i64 + n_rest;
    let padding = (width - len).max(0) as usize;
    let (left, mid, right) = match spec.align.unwrap_or('>') {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::with_capacity(len as usize + padding);
    out.extend(std::iter::repeat_n(spec.fill, left));
    if let Some(c) = sign {
        out.push(c);
    }
    out.push_str(p.prefix);
    out.extend(std::iter::repeat_n(spec.fill, mid));
    out.push_str(&grouped);
    out.push_str(p.rest);
    out.extend(std::iter::repeat_n(spec.fill, right));
    out
}

/// An int as the format functions see it.
pub enum IntVal<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntVal<'_> {
    fn is_negative(&self) -> bool {
        match self {
            IntVal::Small(i) => *i < 0,
            IntVal::Big(b) => b.is_negative(),
        }
    }
    /// The magnitude's digits in `radix`.
    fn abs_digits(&self, radix: u32) -> String {
        match self {
            IntVal::Small(i) => {
                let u = i.unsigned_abs();
                match radix {
                    2 => format!("{u:b}"),
                    8 => format!("{u:o}"),
                    16 => format!("{u:x}"),
                    _ => u.to_string(),
                }
            }
            IntVal::Big(b) => b.abs().to_str_radix(radix),
        }
    }
    pub fn to_f64(&self) -> PyResult<f64> {
        let f = match self {
            IntVal::Small(i) => Some(*i as f64),
            IntVal::Big(b) => b.to_f64().filter(|f| f.is_finite()),
        };
        f.ok_or_else(|| PyErr::overflow_error("int too large to convert to float"))
    }
}

/// `format(int, spec)` for a non-empty spec.
/// `type_name` is the object's type for error messages (`int`, `bool`, a subclass).
pub fn format_int(v: IntVal, spec: &Spec, type_name: &str) -> PyResult<String> {
    let ty = spec.ty.unwrap_or('d');
    let (radix, prefix) = match ty {
        'd' | 'n' => (10, ""),
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        'c' => (10, ""),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float(v.to_f64()?, spec);
        }
        t => return Err(unknown_code(t, type_name)),
    };
    if spec.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alt {
            return Err(value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let n = match v {
            IntVal::Small(i) => i,
            IntVal::Big(_) => {
                return Err(PyErr::overflow_error(
                    "Python int too large to convert to C long",
                ))
            }
        };
        let c = u32::try_from(n)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| PyErr::overflow_error("%c arg not in range(0x110000)"))?;
        let rest = c.to_string();
        let parts = NumParts {
            negative: false,
            prefix: "",
            digits: "",
            rest: &rest,
        };
        return Ok(finish_number(parts, spec, 3));
    }
    let mut digits = v.abs_digits(radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = NumParts {
        negative: v.is_negative(),
        prefix: if spec.alt { prefix } else { "" },
        digits: &digits,
        rest: "",
    };
    Ok(finish_number(parts, spec, if radix == 10 { 3 } else { 4 }))
}

/// Whether a formatted mantissa is all zeros (for `z`).
fn is_zero_text(body: &str) -> bool {
    let mant = body.split(['e', 'E']).next().unwrap_or(body);
    !mant.bytes().any(|b| (b'1'..=b'9').contains(&b))
}

/// `format(float, spec)` for a non-empty spec.
pub fn format_float(x: f64, spec: &Spec) -> PyResult<String> {
    let mut value = x;
    let mut percent = false;
    let mut f = FloatFmt {
        code: 'g',
        precision: spec.precision.unwrap_or(6),
        alt: spec.alt,
        add_dot_0: false,
        upper: false,
    };
    match spec.ty {
        None => {
            f.add_dot_0 = true;
            match spec.precision {
                Some(_) => f.code = 'g',
                None => f.code = 'r',
            }
        }
        Some(t @ ('e' | 'f' | 'g')) => f.code = t,
        Some(t @ ('E' | 'F' | 'G')) => {
            f.code = t.to_ascii_lowercase();
            f.upper = true;
        }
        Some('n') => f.code = 'g',
        Some('%') => {
            f.code = 'f';
            value *= 100.0;
            percent = true;
        }
        Some(t) => return Err(unknown_code(t, "float")),
    }
    let (mut negative, body) = float_to_string(value, f);
    if negative && spec.no_neg_zero && is_zero_text(&body) {
        negative = false;
    }
    // Split the integer digits (grouped) from the rest.
    let n_int = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let (digits, rest) = body.split_at(n_int);
    let rest = if percent {
        format!("{rest}%")
    } else {
        rest.to_string()
    };
    let parts = NumParts {
        negative,
        prefix: "",
        digits,
        rest: &rest,
    };
    Ok(finish_number(parts, spec, 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fi(v: i64, spec: &str) -> String {
        match parse_spec(spec, "int", '>').and_then(|s| format_int(IntVal::Small(v), &s, "int")) {
            Ok(s) => s,
            Err(e) => format!("{e:?}"),
        }
    }
    fn ff(v: f64, spec: &str) -> String {
        match parse_spec(spec, "float", '>').and_then(|s| format_float(v, &s)) {
            Ok(s) => s,
            Err(e) => format!("{e:?}"),
        }
    }
    fn fs(v: &str, spec: &str) -> String {
        match parse_spec(spec, "str", '<').and_then(|s| format_str(v, &s)) {
            Ok(s) => s,
            Err(e) => format!("{e:?}"),
        }
    }
    fn err(r: PyResult<Spec>) -> String {
        match r {
            Ok(_) => "ok".into(),
            Err(e) => match &e.0 {
                crate::objects::Value::Instance(i) => match &i.payload {
                    crate::objects::instance::Payload::Exception(st) => {
                        match st.lock().args.first() {
                            Some(crate::objects::Value::Str(s)) => s.as_str().to_string(),
                            _ => "?".into(),
                        }
                    }
                    _ => "?".into(),
                },
                _ => "?".into(),
            },
        }
    }

    #[test]
    fn int_specs_match_cpython() {
        assert_eq!(fi(1234, "08,"), "0,001,234");
        assert_eq!(fi(1234, "09,"), "0,001,234");
        assert_eq!(fi(1234, "07,"), "001,234");
        assert_eq!(fi(1234, "06,"), "01,234");
        assert_eq!(fi(1, "010_x"), "0_0000_0001");
        assert_eq!(fi(0xabcdef, "012_x"), "00_00ab_cdef");
        assert_eq!(fi(1234, "x=10,"), "xxxxx1,234");
        assert_eq!(fi(12, "0=10"), "0000000012");
        assert_eq!(fi(12, "<010"), "1200000000");
        assert_eq!(fi(-12, "^+010"), "000-120000");
        assert_eq!(fi(255, "#010x"), "0x000000ff");
        assert_eq!(fi(-5, "#b"), "-0b101");
        assert_eq!(fi(5, "#X"), "0X5");
        assert_eq!(fi(0, "010,"), "00,000,000");
        assert_eq!(fi(255, "_b"), "1111_1111");
        assert_eq!(fi(12345678, "_X"), "BC_614E");
        assert_eq!(fi(-5, " 05"), "-0005");
        assert_eq!(fi(5, " "), " 5");
        assert_eq!(fi(65, ">3c"), "  A");
        assert_eq!(fi(12345, ".2e"), "1.23e+04");
        assert_eq!(fi(12345, "%"), "1234500.000000%");
        assert_eq!(fi(1234567, "n"), "1234567");
    }

    #[test]
    fn big_ints_format() {
        let b: BigInt = BigInt::from(2).pow(100u32);
        let s = parse_spec(",", "int", '>').unwrap();
        assert_eq!(
            format_int(IntVal::Big(&b), &s, "int").unwrap(),
            "1,267,650,600,228,229,401,496,703,205,376"
        );
        let nb = -b;
        let s = parse_spec("#x", "int", '>').unwrap();
        assert_eq!(
            format_int(IntVal::Big(&nb), &s, "int").unwrap(),
            "-0x10000000000000000000000000"
        );
    }

    #[test]
    fn float_specs_match_cpython() {
        assert_eq!(ff(f64::INFINITY, "010"), "0000000inf");
        assert_eq!(ff(f64::INFINITY, "010,"), "0000000inf");
        assert_eq!(ff(f64::NAN, "+010"), "+000000nan");
        assert_eq!(ff(f64::NEG_INFINITY, "=+10"), "-      inf");
        assert_eq!(ff(-0.0, "z.1f"), "0.0");
        assert_eq!(ff(-0.0001, "z.2f"), "0.00");
        assert_eq!(ff(-0.0, ".2f"), "-0.00");
        assert_eq!(ff(-0.0, "z"), "0.0");
        assert_eq!(ff(1234.5, "012,.2f"), "0,001,234.50");
        assert_eq!(ff(1.5e-20, "012,"), "00,001.5e-20");
        assert_eq!(ff(0.0, "010,"), "0,000,000.0");
        assert_eq!(ff(1e5, ",g"), "100,000");
        assert_eq!(ff(-1234.5, "_"), "-1_234.5");
        assert_eq!(ff(1e-5, "10"), "     1e-05");
        assert_eq!(ff(0.5, "%"), "50.000000%");
        assert_eq!(ff(1.0, ".0%"), "100%");
        assert_eq!(ff(1e300 * 1e10, "E"), "INF");
        assert_eq!(ff(1e16, "#"), "1.e+16");
        assert_eq!(ff(123.0, "#.3"), "1.23e+02");
        assert_eq!(ff(-0.0, "g"), "-0");
        assert_eq!(ff(1.0, "=10"), "       1.0");
        assert_eq!(ff(1.5, "z"), "1.5");
        assert_eq!(ff(1.23456, ".2f"), "1.23");
    }

    #[test]
    fn str_specs_match_cpython() {
        assert_eq!(fs("ab", "05"), "ab000");
        assert_eq!(fs("abcdef", ".3"), "abc");
        assert_eq!(fs("abc", "^7.2s"), "  ab   ");
        assert_eq!(fs("héllo", "*^9"), "**héllo**");
        assert_eq!(fs("ab", "😀>5"), "😀😀😀ab");
        assert_eq!(fs("s", "^5"), "  s  ");
    }

    #[test]
    fn too_many_decimal_digits() {
        assert_eq!(
            err(parse_spec("9999999999999999999999", "int", '>')),
            "Too many decimal digits in format string"
        );
        assert_eq!(
            err(parse_spec(".99999999999999999999", "int", '>')),
            "Too many decimal digits in format string"
        );
    }

    #[test]
    fn huge_width_is_memory_error() {
        let e = parse_spec("99999999999", "int", '>').unwrap_err();
        assert!(e.is(ExcKind::MemoryError));
    }

    #[test]
    fn grouping_errors() {
        assert_eq!(
            err(parse_spec(",s", "str", '<')),
            "Cannot specify ',' with 's'."
        );
        assert_eq!(
            err(parse_spec(",x", "int", '>')),
            "Cannot specify ',' with 'x'."
        );
        assert_eq!(
            err(parse_spec("_n", "int", '>')),
            "Cannot specify '_' with 'n'."
        );
        assert_eq!(
            err(parse_spec(",,", "int", '>')),
            "Cannot specify ',' with ','."
        );
        assert_eq!(
            err(parse_spec(",_", "int", '>')),
            "Cannot specify both ',' and '_'."
        );
        assert_eq!(
            err(parse_spec(",\x01", "int", '>')),
            "Cannot specify ',' with '\\x1'."
        );
    }

    #[test]
    fn invalid_and_missing_precision() {
        assert_eq!(
            err(parse_spec("abc", "int", '>')),
            "Invalid format specifier 'abc' for object of type 'int'"
        );
        assert_eq!(
            err(parse_spec(".", "int", '>')),
            "Format specifier missing precision"
        );
        assert_eq!(
            err(parse_spec(".f", "float", '>')),
            "Format specifier missing precision"
        );
    }

    #[test]
    fn type_specific_errors() {
        assert!(fs("s", "d").contains("Unknown format code 'd' for object of type 'str'"));
        assert!(fi(1, "s").contains("Unknown format code 's' for object of type 'int'"));
        assert!(ff(1.0, "d").contains("Unknown format code 'd' for object of type 'float'"));
        assert!(fi(1, "<<<").contains("Unknown format code '<' for object of type 'int'"));
        assert!(fi(1, "\x00").contains("Unknown format code '\\\\x0'"));
        assert!(fs("s", "+").contains("Sign not allowed in string format specifier"));
        assert!(fs("s", "#").contains("Alternate form (#) not allowed in string format"));
        assert!(fs("s", "=").contains("'=' alignment not allowed in string format specifier"));
        assert!(fs("s", "z").contains("Negative zero coercion (z) not allowed in string"));
        assert!(fi(1, "z").contains("Negative zero coercion (z) not allowed in integer"));
        assert!(fi(1, ".2").contains("Precision not allowed in integer format specifier"));
        assert!(fi(5, "+c").contains("Sign not allowed with integer format specifier 'c'"));
        assert!(fi(5, "#c").contains("Alternate form (#) not allowed with integer format"));
        assert!(fi(-1, "c").contains("%c arg not in range(0x110000)"));
        assert!(fi(0x110000, "c").contains("%c arg not in range(0x110000)"));
    }
}
