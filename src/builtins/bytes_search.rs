//! Searching, splitting and stripping methods of `bytes` (find/count/index, startswith,
//! split/rsplit/splitlines, strip, replace, partition, removeprefix/removesuffix). Indices
//! are byte offsets.

use super::bytes_methods::{bytes, bytes_arg, find_sub, is_space, me, rfind_sub, sig};
use super::method_args::{adjust_indices, bind, index_arg, slice_arg, Sig};
use crate::objects::function::Args;
use crate::objects::{PyErr, PyResult, Value};
use crate::vm::Vm;

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

pub fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    search(vm, &args, "find", false).map(Value::Int)
}
pub fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    search(vm, &args, "rfind", true).map(Value::Int)
}

fn must_find(i: i64) -> PyResult<Value> {
    if i < 0 {
        return Err(PyErr::value_error("subsection not found"));
    }
    Ok(Value::Int(i))
}

pub fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    must_find(search(vm, &args, "index", false)?)
}
pub fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    must_find(search(vm, &args, "rindex", true)?)
}

pub fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

pub fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    tailmatch(vm, args, "startswith", false)
}
pub fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

pub fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

pub fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

pub fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

pub fn strip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(args, "strip", true, true)
}
pub fn lstrip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(args, "lstrip", true, false)
}
pub fn rstrip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(args, "rstrip", false, true)
}

pub fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

pub fn partition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(args, "partition", false)
}
pub fn rpartition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
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

pub fn removeprefix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(args, "removeprefix", false)
}
pub fn removesuffix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(args, "removesuffix", true)
}
