//! Text codecs and character mapping for `str`: `str.encode` (UTF-8, ASCII, Latin-1 with the
//! strict/ignore/replace/backslashreplace/xmlcharrefreplace handlers and CPython's
//! `UnicodeEncodeError` messages), `str.maketrans` and `str.translate`.

use super::method_args::{bind, index_arg, Sig};
use super::str_methods::me;
use crate::objects::function::Args;
use crate::objects::{DictObj, ExcKind, PyErr, PyResult, Value};
use crate::vm::Vm;
use std::sync::Arc;

// ----- encode ---------------------------------------------------------------------------------

/// The canonical name of a supported codec (`utf-8`, `ascii`, `latin-1`).
pub fn normalize_encoding(name: &str) -> Option<&'static str> {
    let n = name.trim().to_ascii_lowercase().replace('_', "-");
    Some(match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => "utf-8",
        "ascii" | "us-ascii" | "646" => "ascii",
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "l1" | "cp819" | "latin" => {
            "latin-1"
        }
        "utf-16" | "utf16" | "u16" => "utf-16",
        "utf-16-le" | "utf-16le" | "utf16le" => "utf-16-le",
        "utf-16-be" | "utf-16be" | "utf16be" => "utf-16-be",
        "utf-32" | "utf32" | "u32" => "utf-32",
        "utf-32-le" | "utf-32le" | "utf32le" => "utf-32-le",
        "utf-32-be" | "utf-32be" | "utf32be" => "utf-32-be",
        _ => return None,
    })
}

pub fn char_escape(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

pub fn encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "encode")?;
    let sig = Sig {
        name: "encode",
        params: &["encoding", "errors"],
        required: 0,
        keywords: true,
        clinic: false,
    };
    let b = bind(&args, &sig)?;
    let text_arg = |v: Option<&Value>, what: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.as_str().to_string()),
            Some(o) => Err(PyErr::type_error(format!(
                "encode() argument '{what}' must be str, not {}",
                o.type_name()
            ))),
        }
    };
    let encoding = text_arg(b[0], "encoding", "utf-8")?;
    let errors = text_arg(b[1], "errors", "strict")?;
    let _ = vm;
    let Some(codec) = normalize_encoding(&encoding) else {
        return Err(PyErr::new(
            ExcKind::LookupError,
            format!("unknown encoding: {encoding}"),
        ));
    };
    let text = s.as_str();
    if codec.starts_with("utf-16") || codec.starts_with("utf-32") {
        return Ok(Value::Bytes(Arc::new(encode_wide(text, codec))));
    }
    if codec == "utf-8" || text.is_ascii() {
        return Ok(Value::Bytes(Arc::new(text.as_bytes().to_vec())));
    }
    let limit: u32 = if codec == "ascii" { 0x80 } else { 0x100 };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&j| (chars[j] as u32) < limit)
            .unwrap_or(chars.len());
        match errors.as_str() {
            "strict" => {
                let what = if end - i == 1 {
                    format!("character '{}' in position {i}", char_escape(c))
                } else {
                    format!("characters in position {i}-{}", end - 1)
                };
                return Err(PyErr::new(
                    ExcKind::UnicodeEncodeError,
                    format!("'{codec}' codec can't encode {what}: ordinal not in range({limit})"),
                ));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(char_escape(c).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            other => {
                return Err(PyErr::new(
                    ExcKind::LookupError,
                    format!("unknown error handler name '{other}'"),
                ))
            }
        }
        i = end;
    }
    Ok(Value::Bytes(Arc::new(out)))
}

// ----- maketrans / translate --------------------------------------------------------------------

pub fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kw() {
        return Err(PyErr::type_error("maketrans() takes no keyword arguments"));
    }
    let d = Arc::new(DictObj::new());
    match args.pos {
        [x] => {
            let Value::Dict(src) = x else {
                return Err(PyErr::type_error(
                    "if you give only one argument to maketrans it must be a dict",
                ));
            };
            for (k, v) in src.items() {
                let key = match &k {
                    Value::Str(s) => {
                        let mut cs = s.as_str().chars();
                        match (cs.next(), cs.next()) {
                            (Some(c), None) => Value::Int(c as i64),
                            _ => {
                                return Err(PyErr::value_error(
                                    "string keys in translate table must be of length 1",
                                ))
                            }
                        }
                    }
                    Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => k.clone(),
                    _ => {
                        return Err(PyErr::type_error(
                            "keys in translate table must be strings or integers",
                        ))
                    }
                };
                vm.dict_set(&d, key, v)?;
            }
        }
        [x, y] | [x, y, _] => {
            let Value::Str(x) = x else {
                return Err(PyErr::type_error(
                    "first maketrans argument must be a string if there is a second argument",
                ));
            };
            let Value::Str(y) = y else {
                return Err(PyErr::type_error(format!(
                    "maketrans() argument 2 must be str, not {}",
                    y.type_name()
                )));
            };
            if x.char_len() != y.char_len() {
                return Err(PyErr::value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (a, b) in x.as_str().chars().zip(y.as_str().chars()) {
                vm.dict_set(&d, Value::Int(a as i64), Value::Int(b as i64))?;
            }
            if let Some(z) = args.pos.get(2) {
                let Value::Str(z) = z else {
                    return Err(PyErr::type_error(format!(
                        "maketrans() argument 3 must be str, not {}",
                        z.type_name()
                    )));
                };
                for c in z.as_str().chars() {
                    vm.dict_set(&d, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "maketrans() takes at most 3 arguments ({} given)",
                args.pos.len()
            )))
        }
    }
    Ok(Value::Dict(d))
}

pub fn translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "translate")?;
    let sig = Sig {
        name: "str.translate",
        params: &["table"],
        required: 1,
        keywords: false,
        clinic: false,
    };
    let b = bind(&args, &sig)?;
    let table = b[0].cloned().unwrap_or(Value::None);
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        let key = Value::Int(c as i64);
        let mapped = match &table {
            Value::Dict(d) => vm.dict_get(d, &key)?,
            _ => match vm.getitem(&table, &key) {
                Ok(v) => Some(v),
                Err(e) if e.is(ExcKind::LookupError) => None,
                Err(e) => return Err(e),
            },
        };
        match mapped {
            None => out.push(c),
            Some(Value::None) => {}
            Some(Value::Str(r)) => out.push_str(r.as_str()),
            Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => {
                let n = index_arg(vm, &v).unwrap_or(-1);
                match u32::try_from(n).ok().and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(PyErr::value_error(
                            "character mapping must be in range(0x110000)",
                        ))
                    }
                }
            }
            Some(_) => {
                return Err(PyErr::type_error(
                    "character mapping must return integer, None or str",
                ))
            }
        }
    }
    Ok(Value::str(out))
}

/// UTF-16 and UTF-32 (the unmarked forms little-endian with a byte order mark, as CPython
/// writes them on little-endian machines).
fn encode_wide(text: &str, codec: &str) -> Vec<u8> {
    let big = codec.ends_with("-be");
    let bom = !codec.ends_with("-le") && !big;
    let mut out = Vec::with_capacity(text.len() * 4 + 4);
    let unit = |u: u32, width: usize, out: &mut Vec<u8>| {
        let bytes = u.to_le_bytes();
        if big {
            out.extend(bytes[..width].iter().rev());
        } else {
            out.extend_from_slice(&bytes[..width]);
        }
    };
    if codec.starts_with("utf-16") {
        if bom {
            unit(0xfeff, 2, &mut out);
        }
        for u in text.encode_utf16() {
            unit(u as u32, 2, &mut out);
        }
    } else {
        if bom {
            unit(0xfeff, 4, &mut out);
        }
        for c in text.chars() {
            unit(c as u32, 4, &mut out);
        }
    }
    out
}

/// Decodes UTF-16 or UTF-32; the unmarked forms honour a byte order mark.
fn decode_wide(data: &[u8], codec: &str, errors: &str) -> PyResult<String> {
    let width = if codec.starts_with("utf-16") { 2 } else { 4 };
    let mut big = codec.ends_with("-be");
    let mut pos = 0;
    let mut name = codec.to_string();
    if !codec.ends_with("-le") && !big {
        name = format!("{codec}-le");
        if width == 2 && data.starts_with(&[0xfe, 0xff]) {
            big = true;
            name = format!("{codec}-be");
            pos = 2;
        } else if width == 2 && data.starts_with(&[0xff, 0xfe]) {
            pos = 2;
        } else if width == 4 && data.starts_with(&[0, 0, 0xfe, 0xff]) {
            big = true;
            name = format!("{codec}-be");
            pos = 4;
        } else if width == 4 && data.starts_with(&[0xff, 0xfe, 0, 0]) {
            pos = 4;
        }
    }
    let read = |at: usize| -> u32 {
        let mut v: u32 = 0;
        for k in 0..width {
            let b = data[at + if big { k } else { width - 1 - k }] as u32;
            v = (v << 8) | b;
        }
        v
    };
    let mut out = String::with_capacity(data.len() / width);
    while pos < data.len() {
        let fail = |start: usize, end: usize, reason: &str| -> PyResult<Option<String>> {
            match decode_replacement(errors, &data[start..end])? {
                Some(r) => Ok(Some(r)),
                None => Err(decode_error(&name, data, start, end, reason)),
            }
        };
        if pos + width > data.len() {
            let r = fail(pos, data.len(), "truncated data")?;
            out.push_str(&r.unwrap_or_default());
            break;
        }
        let u = read(pos);
        if width == 4 {
            match char::from_u32(u) {
                Some(c) => out.push(c),
                None => {
                    let r = fail(pos, pos + 4, "code point not in range(0x110000)")?;
                    out.push_str(&r.unwrap_or_default());
                }
            }
            pos += 4;
            continue;
        }
        if !(0xd800..0xe000).contains(&u) {
            out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
            pos += 2;
            continue;
        }
        if u >= 0xdc00 || pos + 4 > data.len() {
            let (end, reason) = if u < 0xdc00 {
                (data.len().min(pos + 2), "unexpected end of data")
            } else {
                (pos + 2, "illegal encoding")
            };
            let r = fail(pos, end, reason)?;
            out.push_str(&r.unwrap_or_default());
            pos = end;
            continue;
        }
        let lo = read(pos + 2);
        if !(0xdc00..0xe000).contains(&lo) {
            let r = fail(pos, pos + 2, "illegal UTF-16 surrogate")?;
            out.push_str(&r.unwrap_or_default());
            pos += 2;
            continue;
        }
        let c = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
        out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
        pos += 4;
    }
    Ok(out)
}

// ----- decode ---------------------------------------------------------------------------------

/// A UnicodeDecodeError for bytes `start..end` of the input.
fn decode_error(codec: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let what = if end - start <= 1 {
        format!(
            "byte 0x{:02x} in position {start}",
            data.get(start).copied().unwrap_or(0)
        )
    } else {
        format!("bytes in position {start}-{}", end - 1)
    };
    PyErr::new(
        ExcKind::UnicodeDecodeError,
        format!("'{codec}' codec can't decode {what}: {reason}"),
    )
}

/// What an error handler puts in place of undecodable bytes (None: strict, raise).
fn decode_replacement(errors: &str, bad: &[u8]) -> PyResult<Option<String>> {
    Ok(Some(match errors {
        "strict" => return Ok(None),
        "ignore" => String::new(),
        "replace" => "\u{fffd}".into(),
        "backslashreplace" => bad.iter().map(|b| format!("\\x{b:02x}")).collect(),
        other => {
            return Err(PyErr::new(
                ExcKind::LookupError,
                format!("unknown error handler name '{other}'"),
            ))
        }
    }))
}

/// `bytes.decode(encoding, errors)`: UTF-8, ASCII and Latin-1 with CPython's messages.
pub fn decode_bytes(data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let Some(codec) = normalize_encoding(encoding) else {
        return Err(PyErr::new(
            ExcKind::LookupError,
            format!("unknown encoding: {encoding}"),
        ));
    };
    if codec == "latin-1" {
        return Ok(data.iter().map(|&b| b as char).collect());
    }
    if codec.starts_with("utf-16") || codec.starts_with("utf-32") {
        return decode_wide(data, codec, errors);
    }
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        let rest = &data[pos..];
        let (good, bad_len, reason) = if codec == "ascii" {
            let n = rest.iter().take_while(|b| b.is_ascii()).count();
            (n, 1, "ordinal not in range(128)")
        } else {
            match std::str::from_utf8(rest) {
                Ok(_) => (rest.len(), 0, ""),
                Err(e) => {
                    let at = e.valid_up_to();
                    match e.error_len() {
                        None => (at, rest.len() - at, "unexpected end of data"),
                        Some(n) => {
                            let b = rest[at];
                            let bad_start = (0x80..=0xc1).contains(&b) || b >= 0xf5;
                            let reason = if n == 1 && bad_start {
                                "invalid start byte"
                            } else {
                                "invalid continuation byte"
                            };
                            (at, n, reason)
                        }
                    }
                }
            }
        };
        // The prefix is valid UTF-8 (ASCII is too).
        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
        pos += good;
        if pos >= data.len() {
            break;
        }
        let bad = &data[pos..pos + bad_len];
        match decode_replacement(errors, bad)? {
            Some(r) => out.push_str(&r),
            None => return Err(decode_error(codec, data, pos, pos + bad_len, reason)),
        }
        pos += bad_len;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::msg;
    use super::*;

    fn dec(b: &[u8], enc: &str, errors: &str) -> String {
        match decode_bytes(b, enc, errors) {
            Ok(s) => s,
            Err(e) => msg(&e),
        }
    }

    #[test]
    fn decode_matches_cpython() {
        assert_eq!(dec(b"caf\xc3\xa9", "utf-8", "strict"), "café");
        assert_eq!(dec(b"\xe9", "latin-1", "strict"), "é");
        assert_eq!(dec(b"\xff\xfe", "utf-8", "replace"), "\u{fffd}\u{fffd}");
        assert_eq!(dec(b"\xe2\x82x", "utf-8", "replace"), "\u{fffd}x");
        assert_eq!(dec(b"\xffa", "utf-8", "backslashreplace"), "\\xffa");
        assert_eq!(dec(b"a\xffb", "utf-8", "ignore"), "ab");
    }

    #[test]
    fn unicode_decode_error_messages() {
        assert_eq!(
            dec(b"\xff", "utf-8", "strict"),
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
        );
        assert_eq!(
            dec(b"\xe2\x82", "utf-8", "strict"),
            "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"
        );
        assert_eq!(
            dec(b"\xe2\x82\x28", "utf-8", "strict"),
            "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"
        );
        assert_eq!(
            dec(b"\xe0\x80", "utf-8", "strict"),
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe0 in position 0: invalid continuation byte"
        );
        assert_eq!(
            dec(b"a\xe9b", "ascii", "strict"),
            "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 1: ordinal not in range(128)"
        );
    }

    #[test]
    fn utf16_and_utf32() {
        assert_eq!(dec(b"\xff\xfeH\x00", "utf-16", "strict"), "H");
        assert_eq!(dec(b"\xd8\x3d\xde\x00", "utf-16-be", "strict"), "\u{1f600}");
        assert_eq!(dec(b"H\x00\x00\x00", "utf-32", "strict"), "H");
        assert_eq!(
            dec(b"H\x00i", "utf-16-le", "strict"),
            "UnicodeDecodeError: 'utf-16-le' codec can't decode byte 0x69 in position 2: truncated data"
        );
        assert_eq!(
            dec(b"\x00\xd8a\x00", "utf-16-le", "strict"),
            "UnicodeDecodeError: 'utf-16-le' codec can't decode bytes in position 0-1: illegal UTF-16 surrogate"
        );
        assert_eq!(
            dec(b"\x00\x00\x11\x00", "utf-32-le", "strict"),
            "UnicodeDecodeError: 'utf-32-le' codec can't decode bytes in position 0-3: code point not in range(0x110000)"
        );
        assert_eq!(dec(b"abc", "utf-16-be", "replace"), "\u{6162}\u{fffd}");
        assert_eq!(encode_wide("a", "utf-32"), b"\xff\xfe\x00\x00a\x00\x00\x00");
        assert_eq!(
            encode_wide("a\u{1f600}", "utf-16-be"),
            b"\x00a\xd8=\xde\x00"
        );
    }

    #[test]
    fn unknown_encoding_and_handler() {
        assert_eq!(
            dec(b"ab", "xyz", "strict"),
            "LookupError: unknown encoding: xyz"
        );
        assert_eq!(
            dec(b"\xff", "utf-8", "xyz"),
            "LookupError: unknown error handler name 'xyz'"
        );
    }
}
