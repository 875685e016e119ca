//! printf-style `str % args` formatting, as CPython 3.11's `PyUnicode_Format`: conversions
//! `s r a d i u o x X e E f F g G c %`, flags `- + space # 0`, `*` widths and precisions,
//! the `%(name)s` mapping form, and CPython's argument-count rules and messages.

use super::float_fmt::{float_to_string, FloatFmt};
use super::format_spec::MAX_FORMAT_WIDTH;
use crate::objects::int::to_bigint;
use crate::objects::{ExcKind, PyErr, PyResult, Value};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// Where the next argument comes from (CPython's `arglen`/`argidx` protocol: a negative
/// `arglen` means a single non-tuple argument, or the value a `%(key)` just fetched).
struct ArgState {
    items: Vec<Value>,
    current: Value,
    arglen: i64,
    argidx: i64,
    /// The mapping when the right operand is one (any non-tuple, non-str with `__getitem__`).
    dict: Option<Value>,
}

impl ArgState {
    fn next(&mut self) -> PyResult<Value> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.current.clone());
            }
            return Ok(self.items.get(i as usize).cloned().unwrap_or(Value::None));
        }
        Err(PyErr::type_error("not enough arguments for format string"))
    }
}

#[derive(Default)]
struct Flags {
    ljust: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
}

/// Whether `v` counts as a mapping for `%`: CPython's `PyMapping_Check` minus tuple and str.
fn is_mapping(v: &Value) -> bool {
    match v {
        Value::Tuple(_) | Value::Str(_) => false,
        Value::Dict(_) | Value::List(_) | Value::Bytes(_) | Value::Range(_) => true,
        Value::Instance(_) | Value::Native(_) => v.class().lookup("__getitem__").is_some(),
        _ => false,
    }
}

fn read_number(chars: &[char], pos: &mut usize, what: &str) -> PyResult<usize> {
    let mut n: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|&n| n <= i32::MAX as usize)
            .ok_or_else(|| PyErr::value_error(format!("{what} too big")))?;
        *pos += 1;
    }
    Ok(n)
}

/// A `*` width or precision taken from the arguments.
fn star_arg(state: &mut ArgState) -> PyResult<i64> {
    match state.next()? {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        Value::BigInt(_) => Err(PyErr::value_error("width too big")),
        _ => Err(PyErr::type_error("* wants int")),
    }
}

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut state = match args {
        Value::Tuple(t) => ArgState {
            items: t.items.to_vec(),
            current: Value::None,
            arglen: t.len() as i64,
            argidx: 0,
            dict: None,
        },
        other => ArgState {
            items: Vec::new(),
            current: other.clone(),
            arglen: -1,
            argidx: -2,
            dict: None,
        },
    };
    if is_mapping(args) {
        state.dict = Some(args.clone());
    }
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut pos = 0;
    while pos < chars.len() {
        let c = chars[pos];
        if c != '%' {
            out.push(c);
            pos += 1;
            continue;
        }
        pos += 1;
        if chars.get(pos) == Some(&'%') {
            out.push('%');
            pos += 1;
            continue;
        }
        one_conversion(vm, &chars, &mut pos, &mut state, &mut out)?;
    }
    if state.argidx < state.arglen && state.dict.is_none() {
        return Err(PyErr::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

/// `ascii(v)` from `repr(v)`: every non-ASCII character escaped as `\xNN`, `\uNNNN` or
/// `\UNNNNNNNN`.
pub fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

fn incomplete() -> PyErr {
    PyErr::value_error("incomplete format")
}

/// Parses and renders one `%...` directive; `pos` is just past the `%`.
fn one_conversion(
    vm: &mut Vm,
    chars: &[char],
    pos: &mut usize,
    state: &mut ArgState,
    out: &mut String,
) -> PyResult<()> {
    if chars.get(*pos) == Some(&'(') {
        let Some(dict) = state.dict.clone() else {
            return Err(PyErr::type_error("format requires a mapping"));
        };
        let start = *pos + 1;
        let mut depth = 1;
        let mut p = start;
        while p < chars.len() && depth > 0 {
            match chars[p] {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            p += 1;
        }
        if depth > 0 {
            return Err(PyErr::value_error("incomplete format key"));
        }
        let key: String = chars[start..p - 1].iter().collect();
        // A plain dict with that str key (logging's `fmt % record.__dict__`) answers without
        // a new str object and the item protocol; anything else goes the general way.
        let found = match &dict {
            Value::Dict(d) => d.get_str(&key),
            _ => None,
        };
        state.current = match found {
            Some(v) => v,
            None => vm.getitem(&dict, &Value::str(key))?,
        };
        state.arglen = -1;
        state.argidx = -2;
        *pos = p;
    }
    let mut flags = Flags::default();
    while let Some(&c) = chars.get(*pos) {
        match c {
            '-' => flags.ljust = true,
            '+' => flags.sign = true,
            ' ' => flags.blank = true,
            '#' => flags.alt = true,
            '0' => flags.zero = true,
            _ => break,
        }
        *pos += 1;
    }
    let mut width: usize = 0;
    if chars.get(*pos) == Some(&'*') {
        *pos += 1;
        let w = star_arg(state)?;
        if w < 0 {
            flags.ljust = true;
        }
        width = w.unsigned_abs() as usize;
    } else {
        width = read_number(chars, pos, "width")?.max(width);
    }
    let mut prec: Option<usize> = None;
    if chars.get(*pos) == Some(&'.') {
        *pos += 1;
        if chars.get(*pos) == Some(&'*') {
            *pos += 1;
            prec = Some(star_arg(state)?.max(0) as usize);
        } else {
            prec = Some(read_number(chars, pos, "precision")?);
        }
    }
    if matches!(chars.get(*pos), Some('h' | 'l' | 'L')) {
        *pos += 1;
    }
    let Some(&conv) = chars.get(*pos) else {
        return Err(incomplete());
    };
    let conv_index = *pos;
    *pos += 1;
    if width > MAX_FORMAT_WIDTH || prec.is_some_and(|p| p > MAX_FORMAT_WIDTH) {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    let v = state.next()?;
    let (body, numeric) = match conv {
        's' | 'r' | 'a' => {
            let s = match conv {
                's' => vm.str(&v)?,
                'r' => vm.repr(&v)?,
                _ => ascii_escape(&vm.repr(&v)?),
            };
            let s = match prec {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            };
            (s, false)
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => (format_int(vm, &v, conv, prec, &flags)?, true),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => (format_float(vm, &v, conv, prec, &flags)?, true),
        'c' => (format_char(&v)?, false),
        c => {
            return Err(PyErr::value_error(format!(
                "unsupported format character '{}' ({:#x}) at index {}",
                c, c as u32, conv_index
            )))
        }
    };
    pad(out, &body, width, &flags, numeric, conv);
    Ok(())
}

/// Writes `body` padded to `width`: zeros after the sign and prefix for numbers with `0`.
fn pad(out: &mut String, body: &str, width: usize, flags: &Flags, numeric: bool, conv: char) {
    let len = body.chars().count();
    if len >= width {
        out.push_str(body);
        return;
    }
    let fill = width - len;
    if flags.ljust {
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', fill));
    } else if flags.zero && numeric {
        let mut rest = body;
        if let Some(c @ ('-' | '+' | ' ')) = rest.chars().next() {
            out.push(c);
            rest = &rest[1..];
        }
        if flags.alt && matches!(conv, 'x' | 'X' | 'o') {
            if let Some(p) = rest.get(..2).filter(|p| p.starts_with('0')) {
                out.push_str(p);
                rest = &rest[2..];
            }
        }
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(rest);
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(body);
    }
}

fn sign_prefix(neg: bool, flags: &Flags) -> &'static str {
    if neg {
        "-"
    } else if flags.sign {
        "+"
    } else if flags.blank {
        " "
    } else {
        ""
    }
}

/// The int a `%d`-family conversion formats: ints as they are, floats truncated (for `d i u`
/// only), objects through `__index__` / `__int__`.
fn int_operand(vm: &mut Vm, v: &Value, conv: char) -> PyResult<BigInt> {
    if let Some(b) = to_bigint(v) {
        return Ok(b);
    }
    let decimal = matches!(conv, 'd' | 'i' | 'u');
    if decimal {
        if let Value::Float(f) = v {
            if f.is_nan() {
                return Err(PyErr::value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(PyErr::overflow_error(
                    "cannot convert float infinity to integer",
                ));
            }
            return Ok(num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default());
        }
    }
    if let Value::Instance(_) = v {
        let names: &[&str] = if decimal {
            &["__index__", "__int__"]
        } else {
            &["__index__"]
        };
        for name in names {
            if let Some(r) = vm.call_special(v, name, &[])? {
                if let Some(b) = to_bigint(&r) {
                    return Ok(b);
                }
            }
        }
        if let Some(b) = crate::vm::ops::base_value(v).and_then(to_bigint) {
            return Ok(b);
        }
    }
    Err(PyErr::type_error(if decimal {
        format!(
            "%{conv} format: a real number is required, not {}",
            v.type_name()
        )
    } else {
        format!(
            "%{conv} format: an integer is required, not {}",
            v.type_name()
        )
    }))
}

fn format_int(
    vm: &mut Vm,
    v: &Value,
    conv: char,
    prec: Option<usize>,
    flags: &Flags,
) -> PyResult<String> {
    let n = int_operand(vm, v, conv)?;
    let (radix, prefix) = match conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = n.abs().to_str_radix(radix);
    if conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut s = String::from(sign_prefix(n.is_negative(), flags));
    if flags.alt {
        s.push_str(prefix);
    }
    if let Some(p) = prec {
        s.extend(std::iter::repeat_n('0', p.saturating_sub(digits.len())));
    }
    s.push_str(&digits);
    Ok(s)
}

/// The float a `%e`-family conversion formats (`PyFloat_AsDouble`).
pub fn float_operand(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => b
            .to_f64()
            .filter(|f| f.is_finite())
            .ok_or_else(|| PyErr::overflow_error("int too large to convert to float")),
        Value::Instance(_) => {
            for name in ["__float__", "__index__"] {
                if let Some(r) = vm.call_special(v, name, &[])? {
                    return float_operand(vm, &r);
                }
            }
            match crate::vm::ops::base_value(v) {
                Some(b) if !b.is_none() => {
                    let b = b.clone();
                    float_operand(vm, &b)
                }
                _ => Err(PyErr::type_error(format!(
                    "must be real number, not {}",
                    v.type_name()
                ))),
            }
        }
        _ => Err(PyErr::type_error(format!(
            "must be real number, not {}",
            v.type_name()
        ))),
    }
}

fn format_float(
    vm: &mut Vm,
    v: &Value,
    conv: char,
    prec: Option<usize>,
    flags: &Flags,
) -> PyResult<String> {
    let x = float_operand(vm, v)?;
    let (neg, body) = float_to_string(
        x,
        FloatFmt {
            code: conv.to_ascii_lowercase(),
            precision: prec.unwrap_or(6),
            alt: flags.alt,
            add_dot_0: false,
            upper: conv.is_ascii_uppercase(),
        },
    );
    Ok(format!("{}{body}", sign_prefix(neg, flags)))
}

fn format_char(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) if s.char_len() == 1 => Ok(s.as_str().to_string()),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let n = to_bigint(v).and_then(|b| b.to_u32());
            n.and_then(char::from_u32)
                .map(|c| c.to_string())
                .ok_or_else(|| PyErr::overflow_error("%c arg not in range(0x110000)"))
        }
        _ => Err(PyErr::type_error("%c requires int or char")),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{i, msg, s, vm};
    use super::*;
    use crate::objects::DictObj;
    use std::sync::Arc;

    fn pf(fmt: &str, args: Value) -> String {
        let mut vm = vm();
        match percent_format(&mut vm, fmt, &args) {
            Ok(s) => s,
            Err(e) => msg(&e),
        }
    }
    fn t(items: Vec<Value>) -> Value {
        Value::tuple(items)
    }
    fn d(pairs: &[(&str, Value)]) -> Value {
        let d = DictObj::new();
        for (k, v) in pairs {
            d.set_str(k, v.clone());
        }
        Value::Dict(Arc::new(d))
    }

    #[test]
    fn conversions_match_cpython() {
        assert_eq!(pf("%e", Value::Float(1e-300)), "1.000000e-300");
        assert_eq!(pf("%g", Value::Float(0.0001)), "0.0001");
        assert_eq!(pf("%.3g", Value::Float(1234.5)), "1.23e+03");
        assert_eq!(pf("%#x", i(255)), "0xff");
        assert_eq!(pf("%5.1s|", s("abc")), "    a|");
        assert_eq!(pf("%-5d|", i(3)), "3    |");
        assert_eq!(pf("%05d", i(-3)), "-0003");
        assert_eq!(pf("%+d", i(3)), "+3");
        assert_eq!(pf("% d", i(3)), " 3");
        assert_eq!(pf("%x", i(-255)), "-ff");
        assert_eq!(pf("%#o", i(8)), "0o10");
        assert_eq!(pf("%c", i(65)), "A");
        assert_eq!(pf("%c", s("A")), "A");
        assert_eq!(pf("%r", s("a")), "'a'");
        assert_eq!(pf("%a", s("é")), "'\\xe9'");
        assert_eq!(pf("%s", Value::None), "None");
        assert_eq!(pf("%.2f%%", i(5)), "5.00%");
        assert_eq!(pf("%*d|", t(vec![i(5), i(3)])), "    3|");
        assert_eq!(pf("%-*d|", t(vec![i(5), i(3)])), "3    |");
        assert_eq!(pf("%*d", t(vec![i(-5), i(3)])), "3    ");
        assert_eq!(pf("%.*f", t(vec![i(2), Value::Float(1.23456)])), "1.23");
        assert_eq!(pf("%i %u", t(vec![i(3), i(4)])), "3 4");
        assert_eq!(pf("%E", Value::Float(1.5)), "1.500000E+00");
        assert_eq!(pf("%G", Value::Float(1e-10)), "1E-10");
        assert_eq!(pf("%F", Value::Float(f64::INFINITY)), "INF");
        assert_eq!(pf("%d", Value::Float(3.9)), "3");
        assert_eq!(pf("%x", Value::Bool(true)), "1");
        assert_eq!(pf("%s", t(vec![i(1)])), "1");
        assert_eq!(pf("%05.1f", Value::Float(-2.55)), "-02.5");
        assert_eq!(pf("% 05.1f", Value::Float(2.25)), " 02.2");
        assert_eq!(pf("%#.0f", i(2)), "2.");
        assert_eq!(pf("%#g", Value::Float(1.0)), "1.00000");
        assert_eq!(pf("%o", i(-8)), "-10");
        assert_eq!(pf("%.3d", i(5)), "005");
        assert_eq!(pf("%+.3d", i(-5)), "-005");
        assert_eq!(pf("%#5.3x|", i(5)), "0x005|");
        assert_eq!(pf("%010.3d", i(5)), "0000000005");
        assert_eq!(pf("%#08x", i(255)), "0x0000ff");
        assert_eq!(pf("%010f", Value::Float(f64::INFINITY)), "0000000inf");
        assert_eq!(pf("%-010f|", Value::Float(f64::NAN)), "nan       |");
        assert_eq!(pf("%05s|", s("a")), "    a|");
        assert_eq!(pf("%ld", i(5)), "5");
        assert_eq!(pf("%%s", t(vec![])), "%s");
        assert_eq!(pf("%s%%", i(1)), "1%");
        assert_eq!(pf("%(a)s-%(b)r", d(&[("a", i(1)), ("b", s("x"))])), "1-'x'");
        assert_eq!(pf("%s", d(&[("a", i(1))])), "{'a': 1}");
        assert_eq!(pf("hello", Value::list(vec![i(1)])), "hello");
        assert_eq!(pf("%.2s", Value::list(vec![s("abc")])), "['");
        assert_eq!(pf("%5.2s|", s("héllo")), "   hé|");
    }

    #[test]
    fn not_enough_arguments_for_format_string() {
        assert_eq!(
            pf("%s %s", t(vec![i(1)])),
            "TypeError: not enough arguments for format string"
        );
        assert_eq!(
            pf("%(a)s %s", d(&[("a", i(1))])),
            "TypeError: not enough arguments for format string"
        );
    }

    #[test]
    fn not_all_arguments_converted() {
        let m = "TypeError: not all arguments converted during string formatting";
        assert_eq!(pf("%s", t(vec![i(1), i(2)])), m);
        assert_eq!(pf("hello", i(5)), m);
        assert_eq!(pf("hello", s("x")), m);
    }

    #[test]
    fn real_number_and_integer_required() {
        assert_eq!(
            pf("%d", s("s")),
            "TypeError: %d format: a real number is required, not str"
        );
        assert_eq!(
            pf("%x", Value::Float(3.5)),
            "TypeError: %x format: an integer is required, not float"
        );
        assert_eq!(pf("%f", s("s")), "TypeError: must be real number, not str");
    }

    #[test]
    fn unsupported_format_character() {
        assert_eq!(
            pf("%z", i(1)),
            "ValueError: unsupported format character 'z' (0x7a) at index 1"
        );
        assert_eq!(
            pf("%5%|", t(vec![i(1)])),
            "ValueError: unsupported format character '%' (0x25) at index 2"
        );
    }

    #[test]
    fn format_requires_a_mapping() {
        assert_eq!(pf("%(a)s", i(5)), "TypeError: format requires a mapping");
        assert_eq!(pf("%(a)s", d(&[])), "KeyError: 'a'");
        assert_eq!(
            pf("%(a", d(&[("a", i(1))])),
            "ValueError: incomplete format key"
        );
    }

    #[test]
    fn incomplete_format_and_star_errors() {
        assert_eq!(pf("%", t(vec![])), "ValueError: incomplete format");
        assert_eq!(pf("%5", i(1)), "ValueError: incomplete format");
        assert_eq!(pf("%*d", s("x")), "TypeError: * wants int");
        assert_eq!(pf("%c", s("ab")), "TypeError: %c requires int or char");
        assert_eq!(
            pf("%c", i(-1)),
            "OverflowError: %c arg not in range(0x110000)"
        );
        assert!(pf("%99999999999d", i(1)).contains("width too big"));
    }
}

#[cfg(test)]
mod py_tests {
    use super::super::testutil::py;

    #[test]
    fn mapping_subclasses_and_classes_with_getitem() {
        assert_eq!(py("class D(dict):\n    pass\nr = '%(a)s' % D(a=1)"), "1");
        assert_eq!(
            py("class M:\n    def __getitem__(self, k):\n        return k * 2\nr = '%(ab)s' % M()"),
            "abab"
        );
    }
}
