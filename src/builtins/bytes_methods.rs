//! The methods of `bytes`: decode, hex/fromhex, join, searching and splitting, stripping,
//! ASCII case conversion and predicates, padding, and the dunders. Bytes are immutable, so
//! no lock is involved; indices are byte offsets.

use super::add_methods;
use super::method_args::{
    adjust_indices, bind, index_arg, operand, slice_arg, this, wrong_self, Sig,
};
use super::str_codec::decode_bytes;
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
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("partition", partition),
        ("rpartition", rpartition),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
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
fn me<'a>(args: &'a Args, name: &str) -> PyResult<&'a Arc<Vec<u8>>> {
    match this(args, "bytes", name)? {
        Value::Bytes(b) => Ok(b),
        other => Err(wrong_self("bytes", name, other)),
    }
}

fn bytes(v: Vec<u8>) -> Value {
    Value::Bytes(Arc::new(v))
}

fn sig(name: &'static str, params: &'static [&'static str], required: usize) -> Sig {
    Sig {
        name,
        params,
        required,
        keywords: false,
        clinic: false,
    }
}

/// A bytes argument (`a bytes-like object is required, not 'str'`).
fn bytes_arg(v: &Value) -> PyResult<&[u8]> {
    match crate::vm::ops::base_value(v).unwrap_or(v) {
        Value::Bytes(b) => Ok(b),
        _ => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            v.type_name()
        ))),
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
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

/// The `(sub, start, end)` of the find family: sub is bytes or an int in range(256).
fn find_args(vm: &mut Vm, args: &Args, name: &'static str) -> PyResult<(Vec<u8>, usize, usize)> {
    let b = me(args, name)?;
    let p = bind(args, &sig(name, &["sub", "start", "end"], 1))?;
    let sub = match p[0].unwrap_or(&Value::None) {
        Value::Bytes(s) => s.to_vec(),
        v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
            let n = index_arg(vm, v).unwrap_or(-1);
            vec![u8::try_from(n).map_err(|_| PyErr::value_error("byte must be in range(0, 256)"))?]
        }
        other => {
            return Err(PyErr::type_error(format!(
                "argument should be integer or bytes-like object, not '{}'",
                other.type_name()
            )))
        }
    };
    let start = slice_arg(vm, p[1])?;
    let end = slice_arg(vm, p[2])?;
    let (start, end) = adjust_indices(start, end, b.len());
    Ok((sub, start, end))
}

fn search(vm: &mut Vm, args: &Args, name: &'static str, right: bool) -> PyResult<i64> {
    let (sub, start, end) = find_args(vm, args, name)?;
    let b = me(args, name)?;
    if end < start || end - start < sub.len() {
        return Ok(-1);
    }
    let window = &b[start..end];
    let found = if right {
        rfind_sub(window, &sub)
    } else {
        find_sub(window, &sub)
    };
    Ok(found.map_or(-1, |i| (start + i) as i64))
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    search(vm, &args, "find", false).map(Value::Int)
}
fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    search(vm, &args, "rfind", true).map(Value::Int)
}

fn must_find(i: i64) -> PyResult<Value> {
    if i < 0 {
        return Err(PyErr::value_error("subsection not found"));
    }
    Ok(Value::Int(i))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    must_find(search(vm, &args, "index", false)?)
}
fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    must_find(search(vm, &args, "rindex", true)?)
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sub, start, end) = find_args(vm, &args, "count")?;
    let b = me(&args, "count")?;
    if end < start {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::Int((end - start + 1) as i64));
    }
    let mut window = &b[start..end];
    let mut n = 0;
    while let Some(i) = find_sub(window, &sub) {
        n += 1;
        window = &window[i + sub.len()..];
    }
    Ok(Value::Int(n))
}

fn tailmatch(vm: &mut Vm, args: Args, name: &'static str, suffix: bool) -> PyResult<Value> {
    let b = me(&args, name)?;
    let p = bind(&args, &sig(name, &["prefix", "start", "end"], 1))?;
    let start = slice_arg(vm, p[1])?;
    let end = slice_arg(vm, p[2])?;
    let (start, end) = adjust_indices(start, end, b.len());
    let one = |sub: &[u8]| {
        if end < start + sub.len() {
            return false;
        }
        let w = &b[start..end];
        if suffix {
            w.ends_with(sub)
        } else {
            w.starts_with(sub)
        }
    };
    match p[0].unwrap_or(&Value::None) {
        Value::Bytes(s) => Ok(Value::Bool(one(s))),
        Value::Tuple(t) => {
            for item in t.items.iter() {
                let s = match item {
                    Value::Bytes(s) => s,
                    other => {
                        return Err(PyErr::type_error(format!(
                            "a bytes-like object is required, not '{}'",
                            other.type_name()
                        )))
                    }
                };
                if one(s) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(PyErr::type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            other.type_name()
        ))),
    }
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    tailmatch(vm, args, "startswith", false)
}
fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    tailmatch(vm, args, "endswith", true)
}

fn split_args(vm: &mut Vm, args: &Args, name: &'static str) -> PyResult<(Option<Vec<u8>>, usize)> {
    let p = bind(
        args,
        &Sig {
            name,
            params: &["sep", "maxsplit"],
            required: 0,
            keywords: true,
            clinic: false,
        },
    )?;
    let sep = match p[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = bytes_arg(v)?;
            if s.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(s.to_vec())
        }
    };
    let max = match p[1] {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    Ok((sep, if max < 0 { usize::MAX } else { max as usize }))
}

fn list_of(parts: Vec<&[u8]>) -> Value {
    Value::list(parts.into_iter().map(|p| bytes(p.to_vec())).collect())
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(&args, "split")?;
    let (sep, mut max) = split_args(vm, &args, "split")?;
    let mut out: Vec<&[u8]> = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            let n = b.len();
            while max > 0 {
                while i < n && is_space(b[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                let j = i;
                while i < n && !is_space(b[i]) {
                    i += 1;
                }
                out.push(&b[j..i]);
                max -= 1;
            }
            while i < n && is_space(b[i]) {
                i += 1;
            }
            if i < n {
                out.push(&b[i..]);
            }
        }
        Some(sep) => {
            let mut rest: &[u8] = b;
            while max > 0 {
                match find_sub(rest, &sep) {
                    Some(i) => {
                        out.push(&rest[..i]);
                        rest = &rest[i + sep.len()..];
                        max -= 1;
                    }
                    None => break,
                }
            }
            out.push(rest);
        }
    }
    Ok(list_of(out))
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(&args, "rsplit")?;
    let (sep, mut max) = split_args(vm, &args, "rsplit")?;
    let mut out: Vec<&[u8]> = Vec::new();
    match sep {
        None => {
            let mut end = b.len();
            while max > 0 {
                while end > 0 && is_space(b[end - 1]) {
                    end -= 1;
                }
                if end == 0 {
                    break;
                }
                let mut j = end;
                while j > 0 && !is_space(b[j - 1]) {
                    j -= 1;
                }
                out.push(&b[j..end]);
                end = j;
                max -= 1;
            }
            while end > 0 && is_space(b[end - 1]) {
                end -= 1;
            }
            if end > 0 {
                out.push(&b[..end]);
            }
        }
        Some(sep) => {
            let mut rest: &[u8] = b;
            while max > 0 {
                match rfind_sub(rest, &sep) {
                    Some(i) => {
                        out.push(&rest[i + sep.len()..]);
                        rest = &rest[..i];
                        max -= 1;
                    }
                    None => break,
                }
            }
            out.push(rest);
        }
    }
    out.reverse();
    Ok(list_of(out))
}

fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(&args, "splitlines")?;
    let p = bind(
        &args,
        &Sig {
            name: "splitlines",
            params: &["keepends"],
            required: 0,
            keywords: true,
            clinic: false,
        },
    )?;
    let keep = match p[0] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out: Vec<&[u8]> = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        let c = b[i];
        if c == b'\n' || c == b'\r' {
            let mut end = i + 1;
            if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            out.push(&b[start..if keep { end } else { i }]);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        out.push(&b[start..]);
    }
    Ok(list_of(out))
}

fn strip_impl(args: Args, name: &'static str, left: bool, right: bool) -> PyResult<Value> {
    let b = me(&args, name)?;
    let p = bind(&args, &sig(name, &["bytes"], 0))?;
    let set: Option<&[u8]> = match p[0] {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_arg(v)?),
    };
    let strip_it = |c: u8| match set {
        None => is_space(c),
        Some(s) => s.contains(&c),
    };
    let (mut lo, mut hi) = (0, b.len());
    if left {
        while lo < hi && strip_it(b[lo]) {
            lo += 1;
        }
    }
    if right {
        while hi > lo && strip_it(b[hi - 1]) {
            hi -= 1;
        }
    }
    Ok(bytes(b[lo..hi].to_vec()))
}

fn strip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(args, "strip", true, true)
}
fn lstrip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(args, "lstrip", true, false)
}
fn rstrip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(args, "rstrip", false, true)
}

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = me(&args, "replace")?;
    let p = bind(&args, &sig("replace", &["old", "new", "count"], 2))?;
    let old = bytes_arg(p[0].unwrap_or(&Value::None))?;
    let new = bytes_arg(p[1].unwrap_or(&Value::None))?;
    let mut left = match p[2] {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        for &c in b.iter() {
            if left != 0 {
                out.extend_from_slice(new);
                left -= 1;
            }
            out.push(c);
        }
        if left != 0 {
            out.extend_from_slice(new);
        }
        return Ok(bytes(out));
    }
    let mut rest: &[u8] = b;
    while left != 0 {
        match find_sub(rest, old) {
            Some(i) => {
                out.extend_from_slice(&rest[..i]);
                out.extend_from_slice(new);
                rest = &rest[i + old.len()..];
                left -= 1;
                if out.len() > super::str_methods::MAX_STR_RESULT {
                    return Err(PyErr::overflow_error("replace bytes is too long"));
                }
            }
            None => break,
        }
    }
    out.extend_from_slice(rest);
    Ok(bytes(out))
}

fn partition_impl(args: Args, name: &'static str, right: bool) -> PyResult<Value> {
    let b = me(&args, name)?;
    let p = bind(&args, &sig(name, &["sep"], 1))?;
    let sep = bytes_arg(p[0].unwrap_or(&Value::None))?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let found = if right {
        rfind_sub(b, sep)
    } else {
        find_sub(b, sep)
    };
    let parts = match found {
        Some(i) => vec![
            bytes(b[..i].to_vec()),
            bytes(sep.to_vec()),
            bytes(b[i + sep.len()..].to_vec()),
        ],
        None if right => vec![bytes(vec![]), bytes(vec![]), bytes(b.to_vec())],
        None => vec![bytes(b.to_vec()), bytes(vec![]), bytes(vec![])],
    };
    Ok(Value::tuple(parts))
}

fn partition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(args, "partition", false)
}
fn rpartition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(args, "rpartition", true)
}

fn affix(args: Args, name: &'static str, suffix: bool) -> PyResult<Value> {
    let b = me(&args, name)?;
    let p = bind(&args, &sig(name, &["affix"], 1))?;
    let a = bytes_arg(p[0].unwrap_or(&Value::None))?;
    let r = if suffix {
        b.strip_suffix(a)
    } else {
        b.strip_prefix(a)
    };
    Ok(bytes(r.unwrap_or(b).to_vec()))
}

fn removeprefix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(args, "removeprefix", false)
}
fn removesuffix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(args, "removesuffix", true)
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
mod tests {
    use super::super::testutil::{i, py, s, show, vm};
    use crate::objects::Value;

    #[test]
    fn bytes_methods_match_cpython() {
        let mut vm = vm();
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x63\x61\x66\xc3\xa9".to_vec())),
                "decode",
                &[]
            ),
            "'caf\u{e9}'"
        );
        assert_eq!(show(&mut vm, &Value::Bytes(std::sync::Arc::new(b"\xff".to_vec())), "decode", &[]), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\xe9".to_vec())),
                "decode",
                &[s("latin-1")]
            ),
            "'\u{e9}'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
                "decode",
                &[s("xyz")]
            ),
            "LookupError: unknown encoding: xyz"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\xde\xad\xbe\xef\x01".to_vec())),
                "hex",
                &[]
            ),
            "'deadbeef01'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\xde\xad\xbe\xef\x01".to_vec())),
                "hex",
                &[s(":")]
            ),
            "'de:ad:be:ef:01'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\xde\xad\xbe\xef\x01".to_vec())),
                "hex",
                &[s(":"), i(2)]
            ),
            "'de:adbe:ef01'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\xde\xad\xbe\xef\x01".to_vec())),
                "hex",
                &[s(":"), i(-2)]
            ),
            "'dead:beef:01'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"".to_vec())),
                "hex",
                &[]
            ),
            "''"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x2d".to_vec())),
                "join",
                &[Value::list(vec![
                    Value::Bytes(std::sync::Arc::new(b"\x61".to_vec())),
                    Value::Bytes(std::sync::Arc::new(b"\x62".to_vec()))
                ])]
            ),
            "b'a-b'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x2d".to_vec())),
                "join",
                &[Value::list(vec![s("a")])]
            ),
            "TypeError: sequence item 0: expected a bytes-like object, str found"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"".to_vec())),
                "join",
                &[Value::list(vec![])]
            ),
            "b''"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
                "find",
                &[Value::Bytes(std::sync::Arc::new(b"\x6c".to_vec()))]
            ),
            "2"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
                "find",
                &[i(108)]
            ),
            "2"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
                "find",
                &[Value::Bytes(std::sync::Arc::new(b"\x6c".to_vec())), i(3)]
            ),
            "3"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
                "find",
                &[i(300)]
            ),
            "ValueError: byte must be in range(0, 256)"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
                "find",
                &[s("l")]
            ),
            "TypeError: argument should be integer or bytes-like object, not 'str'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
                "rfind",
                &[Value::Bytes(std::sync::Arc::new(b"\x6c".to_vec()))]
            ),
            "3"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
                "index",
                &[Value::Bytes(std::sync::Arc::new(b"\x7a".to_vec()))]
            ),
            "ValueError: subsection not found"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
                "rindex",
                &[Value::Bytes(std::sync::Arc::new(b"\x6c".to_vec()))]
            ),
            "3"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
                "count",
                &[Value::Bytes(std::sync::Arc::new(b"\x6c".to_vec()))]
            ),
            "2"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
                "count",
                &[Value::Bytes(std::sync::Arc::new(b"".to_vec()))]
            ),
            "3"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x61\x61\x61".to_vec())),
                "count",
                &[Value::Bytes(std::sync::Arc::new(b"\x61\x61".to_vec()))]
            ),
            "2"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
                "startswith",
                &[Value::Bytes(std::sync::Arc::new(b"\x68\x65".to_vec()))]
            ),
            "True"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
                "startswith",
                &[Value::tuple(vec![
                    Value::Bytes(std::sync::Arc::new(b"\x78".to_vec())),
                    Value::Bytes(std::sync::Arc::new(b"\x68".to_vec()))
                ])]
            ),
            "True"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
                "startswith",
                &[s("h")]
            ),
            "TypeError: startswith first arg must be bytes or a tuple of bytes, not str"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
                "endswith",
                &[Value::Bytes(std::sync::Arc::new(b"\x6c\x6f".to_vec()))]
            ),
            "True"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
                "endswith",
                &[
                    Value::Bytes(std::sync::Arc::new(b"\x6c".to_vec())),
                    i(0),
                    i(3)
                ]
            ),
            "True"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x20\x61\x20\x20\x62\x20".to_vec())),
                "split",
                &[]
            ),
            "[b'a', b'b']"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x20\x61\x20\x20\x62\x20".to_vec())),
                "split",
                &[Value::None, i(1)]
            ),
            "[b'a', b'b ']"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x2c\x62\x2c\x2c\x63".to_vec())),
                "split",
                &[Value::Bytes(std::sync::Arc::new(b"\x2c".to_vec()))]
            ),
            "[b'a', b'b', b'', b'c']"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x2c\x62\x2c\x2c\x63".to_vec())),
                "split",
                &[Value::Bytes(std::sync::Arc::new(b"\x2c".to_vec())), i(1)]
            ),
            "[b'a', b'b,,c']"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x78".to_vec())),
                "split",
                &[Value::Bytes(std::sync::Arc::new(b"".to_vec()))]
            ),
            "ValueError: empty separator"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x20\x61\x20\x20\x62\x20".to_vec())),
                "rsplit",
                &[Value::None, i(1)]
            ),
            "[b' a', b'b']"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x2c\x62\x2c\x2c\x63".to_vec())),
                "rsplit",
                &[Value::Bytes(std::sync::Arc::new(b"\x2c".to_vec())), i(1)]
            ),
            "[b'a,b,', b'c']"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x61\x61".to_vec())),
                "rsplit",
                &[Value::Bytes(std::sync::Arc::new(b"\x61\x61".to_vec()))]
            ),
            "[b'a', b'']"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(
                    b"\x61\x0a\x62\x0d\x0a\x63\x0d".to_vec()
                )),
                "splitlines",
                &[]
            ),
            "[b'a', b'b', b'c']"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x0a\x62\x0d\x0a".to_vec())),
                "splitlines",
                &[Value::Bool(true)]
            ),
            "[b'a\\n', b'b\\r\\n']"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x20\x20\x61\x62\x20\x20".to_vec())),
                "strip",
                &[]
            ),
            "b'ab'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62\x63\x62\x61".to_vec())),
                "strip",
                &[Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec()))]
            ),
            "b'c'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62\x63".to_vec())),
                "strip",
                &[s("a")]
            ),
            "TypeError: a bytes-like object is required, not 'str'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x20\x20\x61\x62\x20\x20".to_vec())),
                "lstrip",
                &[]
            ),
            "b'ab  '"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x20\x20\x61\x62\x20\x20".to_vec())),
                "rstrip",
                &[]
            ),
            "b'  ab'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
                "replace",
                &[
                    Value::Bytes(std::sync::Arc::new(b"\x6c".to_vec())),
                    Value::Bytes(std::sync::Arc::new(b"\x4c".to_vec()))
                ]
            ),
            "b'heLLo'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x68\x65\x6c\x6c\x6f".to_vec())),
                "replace",
                &[
                    Value::Bytes(std::sync::Arc::new(b"\x6c".to_vec())),
                    Value::Bytes(std::sync::Arc::new(b"\x4c".to_vec())),
                    i(1)
                ]
            ),
            "b'heLlo'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
                "replace",
                &[
                    Value::Bytes(std::sync::Arc::new(b"".to_vec())),
                    Value::Bytes(std::sync::Arc::new(b"\x2d".to_vec()))
                ]
            ),
            "b'-a-b-'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
                "replace",
                &[
                    Value::Bytes(std::sync::Arc::new(b"".to_vec())),
                    Value::Bytes(std::sync::Arc::new(b"\x2d".to_vec())),
                    i(1)
                ]
            ),
            "b'-ab'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x2c\x62\x2c\x63".to_vec())),
                "partition",
                &[Value::Bytes(std::sync::Arc::new(b"\x2c".to_vec()))]
            ),
            "(b'a', b',', b'b,c')"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62\x63".to_vec())),
                "partition",
                &[Value::Bytes(std::sync::Arc::new(b"\x2c".to_vec()))]
            ),
            "(b'abc', b'', b'')"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x2c\x62\x2c\x63".to_vec())),
                "rpartition",
                &[Value::Bytes(std::sync::Arc::new(b"\x2c".to_vec()))]
            ),
            "(b'a,b', b',', b'c')"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62\x63".to_vec())),
                "rpartition",
                &[Value::Bytes(std::sync::Arc::new(b"\x2c".to_vec()))]
            ),
            "(b'', b'', b'abc')"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61".to_vec())),
                "partition",
                &[Value::Bytes(std::sync::Arc::new(b"".to_vec()))]
            ),
            "ValueError: empty separator"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62\x63".to_vec())),
                "removeprefix",
                &[Value::Bytes(std::sync::Arc::new(b"\x61".to_vec()))]
            ),
            "b'bc'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62\x63".to_vec())),
                "removesuffix",
                &[Value::Bytes(std::sync::Arc::new(b"\x62\x63".to_vec()))]
            ),
            "b'a'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(
                    b"\x68\x65\x6c\x6c\x6f\x20\x57\x6f\x72\x6c\x64".to_vec()
                )),
                "upper",
                &[]
            ),
            "b'HELLO WORLD'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x48\x65\x6c\x6c\x6f".to_vec())),
                "lower",
                &[]
            ),
            "b'hello'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x42\x63".to_vec())),
                "swapcase",
                &[]
            ),
            "b'AbC'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(
                    b"\x68\x45\x4c\x4c\x4f\x20\x77\x4f\x52\x4c\x44".to_vec()
                )),
                "capitalize",
                &[]
            ),
            "b'Hello world'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(
                    b"\x68\x65\x6c\x6c\x6f\x20\x77\x6f\x72\x6c\x64".to_vec()
                )),
                "title",
                &[]
            ),
            "b'Hello World'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x31\x32".to_vec())),
                "isdigit",
                &[]
            ),
            "True"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"".to_vec())),
                "isdigit",
                &[]
            ),
            "False"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
                "isalpha",
                &[]
            ),
            "True"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x31".to_vec())),
                "isalnum",
                &[]
            ),
            "True"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x20\x09".to_vec())),
                "isspace",
                &[]
            ),
            "True"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x41\x42\x31".to_vec())),
                "isupper",
                &[]
            ),
            "True"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62\x31".to_vec())),
                "islower",
                &[]
            ),
            "True"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x80".to_vec())),
                "isascii",
                &[]
            ),
            "False"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
                "center",
                &[i(6)]
            ),
            "b'  ab  '"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
                "center",
                &[i(5), Value::Bytes(std::sync::Arc::new(b"\x2a".to_vec()))]
            ),
            "b'**ab*'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
                "center",
                &[i(6), s("*")]
            ),
            "TypeError: center() argument 2 must be a byte string of length 1, not str"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
                "ljust",
                &[i(4)]
            ),
            "b'ab  '"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
                "rjust",
                &[i(4), Value::Bytes(std::sync::Arc::new(b"\x30".to_vec()))]
            ),
            "b'00ab'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x2d\x34".to_vec())),
                "zfill",
                &[i(4)]
            ),
            "b'-004'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
                "zfill",
                &[i(1)]
            ),
            "b'ab'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
                "__len__",
                &[]
            ),
            "2"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
                "__getitem__",
                &[i(0)]
            ),
            "97"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
                "__getitem__",
                &[i(5)]
            ),
            "IndexError: index out of range"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
                "__contains__",
                &[i(97)]
            ),
            "True"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
                "__contains__",
                &[Value::Bytes(std::sync::Arc::new(b"\x62".to_vec()))]
            ),
            "True"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61".to_vec())),
                "__add__",
                &[Value::Bytes(std::sync::Arc::new(b"\x62".to_vec()))]
            ),
            "b'ab'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61".to_vec())),
                "__add__",
                &[s("b")]
            ),
            "TypeError: can't concat str to bytes"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61\x62".to_vec())),
                "__mul__",
                &[i(2)]
            ),
            "b'abab'"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61".to_vec())),
                "__eq__",
                &[Value::Bytes(std::sync::Arc::new(b"\x61".to_vec()))]
            ),
            "True"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61".to_vec())),
                "__eq__",
                &[s("a")]
            ),
            "NotImplemented"
        );
        assert_eq!(
            show(
                &mut vm,
                &Value::Bytes(std::sync::Arc::new(b"\x61".to_vec())),
                "__lt__",
                &[Value::Bytes(std::sync::Arc::new(b"\x62".to_vec()))]
            ),
            "True"
        );
    }

    #[test]
    fn fromhex_is_a_classmethod() {
        assert_eq!(py("r = bytes.fromhex('de ad  be')"), "b'\\xde\\xad\\xbe'");
        assert_eq!(py("r = b''.fromhex('41')"), "b'A'");
        assert_eq!(
            py("r = bytes.fromhex('dex')"),
            "ValueError: non-hexadecimal number found in fromhex() arg at position 2"
        );
        assert_eq!(
            py("r = bytes.fromhex('d')"),
            "ValueError: non-hexadecimal number found in fromhex() arg at position 1"
        );
        assert_eq!(
            py("r = bytes.fromhex(5)"),
            "TypeError: fromhex() argument must be str, not int"
        );
    }
}
