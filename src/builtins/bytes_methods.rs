//! The methods of `bytes`: decode, hex/fromhex, join, searching and splitting, stripping,
//! ASCII case conversion and predicates, padding, and the dunders. Bytes are immutable, so
//! no lock is involved; indices are byte offsets.

use super::method_args::{bind, index_arg, operand, this, wrong_self, Sig};
use super::str_codec::decode_bytes;
use super::{add_methods, bytes_search};
use crate::objects::class::types;
use crate::objects::descr::ClassMethod;
use crate::objects::function::{Args, NativeFn};
use crate::objects::iter::IterKind;
use crate::objects::{Builtin, ExcKind, PyErr, PyResult, Value};
use crate::parser::ast::CmpOp;
use crate::vm::Vm;
use std::sync::Arc;

pub fn install() {
    let table: &[(&'static str, NativeFn)] = &[
        ("decode", decode),
        ("hex", hex),
        ("join", join),
        ("find", bytes_search::find),
        ("rfind", bytes_search::rfind),
        ("index", bytes_search::index),
        ("rindex", bytes_search::rindex),
        ("count", bytes_search::count),
        ("startswith", bytes_search::startswith),
        ("endswith", bytes_search::endswith),
        ("split", bytes_search::split),
        ("rsplit", bytes_search::rsplit),
        ("splitlines", bytes_search::splitlines),
        ("strip", bytes_search::strip),
        ("lstrip", bytes_search::lstrip),
        ("rstrip", bytes_search::rstrip),
        ("replace", bytes_search::replace),
        ("partition", bytes_search::partition),
        ("rpartition", bytes_search::rpartition),
        ("removeprefix", bytes_search::removeprefix),
        ("removesuffix", bytes_search::removesuffix),
        ("upper", upper),
        ("lower", lower),
        ("swapcase", swapcase),
        ("capitalize", capitalize),
        ("title", title),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("isascii", isascii),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("__len__", dunder_len),
        ("__getitem__", dunder_getitem),
        ("__contains__", dunder_contains),
        ("__iter__", dunder_iter),
        ("__add__", dunder_add),
        ("__mul__", dunder_mul),
        ("__rmul__", dunder_mul),
        ("__hash__", dunder_hash),
        ("__eq__", dunder_eq),
        ("__ne__", dunder_ne),
        ("__lt__", dunder_lt),
        ("__le__", dunder_le),
        ("__gt__", dunder_gt),
        ("__ge__", dunder_ge),
    ];
    let t = types();
    add_methods(&t.bytes, "bytes", table);
    let mut b = Builtin::new("fromhex", fromhex);
    b.owner = Some("bytes");
    let cm = ClassMethod {
        func: Value::Builtin(Arc::new(b)),
    };
    t.bytes.dict.set_str("fromhex", Value::Native(Arc::new(cm)));
}

/// The bytes `self` of a bytes method.
pub(super) fn me<'a>(args: &'a Args, name: &str) -> PyResult<&'a Arc<Vec<u8>>> {
    match this(args, "bytes", name)? {
        Value::Bytes(b) => Ok(b),
        other => Err(wrong_self("bytes", name, other)),
    }
}

pub(super) fn bytes(v: Vec<u8>) -> Value {
    Value::Bytes(Arc::new(v))
}

pub(super) fn sig(name: &'static str, params: &'static [&'static str], required: usize) -> Sig {
    Sig {
        name,
        params,
        required,
        keywords: false,
        clinic: false,
    }
}

/// A bytes argument (`a bytes-like object is required, not 'str'`).
pub(super) fn bytes_arg(v: &Value) -> PyResult<&[u8]> {
    match crate::vm::ops::base_value(v).unwrap_or(v) {
        Value::Bytes(b) => Ok(b),
        _ => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            v.type_name()
        ))),
    }
}

pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

pub(super) fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

pub(super) fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn decode(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(&args, "decode")?;
    let p = bind(
        &args,
        &Sig {
            name: "decode",
            params: &["encoding", "errors"],
            required: 0,
            keywords: true,
            clinic: false,
        },
    )?;
    let text = |v: Option<&Value>, what: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.as_str().to_string()),
            Some(o) => Err(PyErr::type_error(format!(
                "decode() argument '{what}' must be str, not {}",
                o.type_name()
            ))),
        }
    };
    let encoding = text(p[0], "encoding", "utf-8")?;
    let errors = text(p[1], "errors", "strict")?;
    decode_bytes(b, &encoding, &errors).map(Value::str)
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(&args, "hex")?;
    let p = bind(
        &args,
        &Sig {
            name: "hex",
            params: &["sep", "bytes_per_sep"],
            required: 0,
            keywords: true,
            clinic: false,
        },
    )?;
    let digits: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    let sep = match p[0] {
        None => return Ok(Value::str(digits.concat())),
        Some(Value::Str(s)) if s.char_len() == 1 => s.as_str().to_string(),
        Some(Value::Bytes(s)) if s.len() == 1 => (s[0] as char).to_string(),
        Some(_) => return Err(PyErr::value_error("sep must be length 1.")),
    };
    let per = match p[1] {
        Some(v) => index_arg(vm, v)?,
        None => 1,
    };
    let n = per.unsigned_abs().max(1) as usize;
    // Positive counts group from the right, negative from the left.
    let groups: Vec<String> = if per >= 0 {
        let first = digits.len() % n;
        let mut g: Vec<String> = Vec::new();
        if first > 0 {
            g.push(digits[..first].concat());
        }
        g.extend(digits[first..].chunks(n).map(|c| c.concat()));
        g
    } else {
        digits.chunks(n).map(|c| c.concat()).collect()
    };
    Ok(Value::str(groups.join(&sep)))
}

/// `bytes.fromhex(string)`, a classmethod.
fn fromhex(_vm: &mut Vm, args: Args) -> PyResult<Value> {
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
                "bytes.fromhex() takes exactly one argument (0 given)",
            ))
        }
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let bad = |i: usize| {
        PyErr::value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {i}"
        ))
    };
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).ok_or_else(|| bad(i))?;
        let lo = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16))
            .ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(bytes(out))
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sep = me(&args, "join")?;
    let p = bind(&args, &sig("bytes.join", &["iterable_of_bytes"], 1))?;
    let items = vm.collect(p[0].unwrap_or(&Value::None))?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Value::Bytes(b) = crate::vm::ops::base_value(it).unwrap_or(it) else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                it.type_name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(b);
    }
    Ok(bytes(out))
}

fn map_bytes(args: &Args, name: &'static str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let b = me(args, name)?;
    bind(args, &sig(name, &[], 0))?;
    Ok(bytes(f(b)))
}

fn upper(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(&args, "upper", |b| b.to_ascii_uppercase())
}
fn lower(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(&args, "lower", |b| b.to_ascii_lowercase())
}
fn swapcase(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(&args, "swapcase", |b| {
        b.iter()
            .map(|c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect()
    })
}
fn capitalize(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(&args, "capitalize", |b| {
        b.iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}
fn title(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(&args, "title", |b| {
        let mut prev_cased = false;
        b.iter()
            .map(|&c| {
                let r = if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev_cased = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn predicate(args: &Args, name: &'static str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let b = me(args, name)?;
    bind(args, &sig(name, &[], 0))?;
    Ok(Value::Bool(f(b)))
}

fn isdigit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "isdigit", |b| {
        !b.is_empty() && b.iter().all(u8::is_ascii_digit)
    })
}
fn isalpha(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "isalpha", |b| {
        !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic)
    })
}
fn isalnum(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "isalnum", |b| {
        !b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric)
    })
}
fn isspace(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "isspace", |b| {
        !b.is_empty() && b.iter().all(|&c| is_space(c))
    })
}
fn isupper(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "isupper", |b| {
        b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
    })
}
fn islower(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "islower", |b| {
        b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
    })
}
fn isascii(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "isascii", |b| b.is_ascii())
}

fn pad(vm: &mut Vm, args: Args, name: &'static str, how: char) -> PyResult<Value> {
    let b = me(&args, name)?;
    let p = bind(
        &args,
        &Sig {
            name,
            params: &["width", "fillchar"],
            required: 1,
            keywords: false,
            clinic: true,
        },
    )?;
    let width = index_arg(vm, p[0].unwrap_or(&Value::None))?.max(0) as usize;
    let fill = match p[1] {
        None => b' ',
        Some(Value::Bytes(f)) if f.len() == 1 => f[0],
        Some(o) => {
            return Err(PyErr::type_error(format!(
                "{name}() argument 2 must be a byte string of length 1, not {}",
                o.type_name()
            )))
        }
    };
    if width <= b.len() {
        return Ok(bytes(b.to_vec()));
    }
    if width > super::str_methods::MAX_STR_RESULT {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    let marg = width - b.len();
    let left = match how {
        '<' => 0,
        '>' => marg,
        _ => marg / 2 + (marg & width & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(b);
    out.resize(width, fill);
    Ok(bytes(out))
}

fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "center", '^')
}
fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "ljust", '<')
}
fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "rjust", '>')
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(&args, "zfill")?;
    let p = bind(&args, &sig("bytes.zfill", &["width"], 1))?;
    let width = index_arg(vm, p[0].unwrap_or(&Value::None))?.max(0) as usize;
    if width <= b.len() {
        return Ok(bytes(b.to_vec()));
    }
    if width > super::str_methods::MAX_STR_RESULT {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    let (sign, rest) = match b.first() {
        Some(b'+' | b'-') => b.split_at(1),
        _ => (&b[..0], &b[..]),
    };
    let mut out = sign.to_vec();
    out.resize(width - rest.len(), b'0');
    out.extend_from_slice(rest);
    Ok(bytes(out))
}

// ----- dunders --------------------------------------------------------------------------------

fn dunder_len(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(me(&args, "__len__")?.len() as i64))
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(&args, "__getitem__")?;
    vm.getitem(&Value::Bytes(b.clone()), operand(&args)?)
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(&args, "__contains__")?;
    vm.contains(&Value::Bytes(b.clone()), operand(&args)?)
        .map(Value::Bool)
}

fn dunder_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(&args, "__iter__")?;
    Ok(Value::new_iter(IterKind::Bytes(b.clone())))
}

fn dunder_add(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(&args, "__add__")?;
    let x = operand(&args)?;
    match crate::vm::ops::base_value(x).unwrap_or(x) {
        Value::Bytes(o) => {
            let mut v = b.to_vec();
            v.extend_from_slice(o);
            Ok(bytes(v))
        }
        _ => Err(PyErr::type_error(format!(
            "can't concat {} to bytes",
            x.type_name()
        ))),
    }
}

fn dunder_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(&args, "__mul__")?;
    let n = index_arg(vm, operand(&args)?)?.max(0) as usize;
    if b.len().saturating_mul(n) > super::str_methods::MAX_STR_RESULT {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    Ok(bytes(b.repeat(n)))
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "bytes", "__hash__")?.clone();
    vm.hash(&v).map(Value::Int)
}

fn compare(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult<Value> {
    let Value::Bytes(a) = this(&args, "bytes", "__eq__")? else {
        return Ok(Value::NotImplemented);
    };
    let x = operand(&args)?;
    match crate::vm::ops::base_value(x).unwrap_or(x) {
        y @ Value::Bytes(_) => vm.compare(op, &Value::Bytes(a.clone()), y),
        _ => Ok(Value::NotImplemented),
    }
}

fn dunder_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq)
}
fn dunder_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::NotEq)
}
fn dunder_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Lt)
}
fn dunder_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::LtE)
}
fn dunder_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Gt)
}
fn dunder_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::GtE)
}

#[cfg(test)]
#[path = "tests/bytes_methods.rs"]
mod tests;
