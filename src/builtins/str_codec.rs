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
