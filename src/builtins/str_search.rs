//! Searching and splitting methods of `str`: find/rfind/index/rindex/count,
//! startswith/endswith, split/rsplit/splitlines, strip/lstrip/rstrip, replace,
//! partition/rpartition. Start/end arguments and results are character indices; the searches
//! themselves run on UTF-8 bytes, which is exact because matches fall on char boundaries.

use super::method_args::{adjust_indices, bind, index_arg, slice_arg, Sig};
use super::str_methods::{me, py_isspace, str_param, MAX_STR_RESULT};
use crate::objects::function::{Args, NativeFn};
use crate::objects::{PyErr, PyResult, PyStr, Value};
use crate::vm::Vm;

pub const TABLE: &[(&str, NativeFn)] = &[
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
];

/// Byte offset of character `ci` (clamped to the end).
fn byte_at(s: &PyStr, ci: usize) -> usize {
    let t = s.as_str();
    if s.is_ascii() {
        return ci.min(t.len());
    }
    t.char_indices().nth(ci).map_or(t.len(), |(b, _)| b)
}

/// Character index of byte offset `bi` (a char boundary).
fn char_index(s: &PyStr, bi: usize) -> usize {
    if s.is_ascii() {
        bi
    } else {
        s.as_str()[..bi].chars().count()
    }
}

/// The `(sub, start, end)` of the find family, with the window as char indices.
fn find_args<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    name: &'static str,
) -> PyResult<(&'a str, Option<i64>, Option<i64>)> {
    let sig = Sig {
        name,
        params: &["sub", "start", "end"],
        required: 1,
        keywords: false,
        clinic: false,
    };
    let b = bind(args, &sig)?;
    let sub = str_param(b[0].unwrap_or(&Value::None))?;
    Ok((sub, slice_arg(vm, b[1])?, slice_arg(vm, b[2])?))
}

/// Position (chars) of `sub` within `s[start:end]`, searching from the left or right.
fn search(s: &PyStr, sub: &str, start: Option<i64>, end: Option<i64>, right: bool) -> i64 {
    let n = s.char_len();
    let (start, end) = adjust_indices(start, end, n);
    let sub_len = if s.is_ascii() || sub.is_ascii() {
        sub.len()
    } else {
        sub.chars().count()
    };
    if end < start || end - start < sub_len {
        return -1;
    }
    let (bs, be) = (byte_at(s, start), byte_at(s, end));
    let window = &s.as_str()[bs..be];
    let found = if right {
        window.rfind(sub)
    } else {
        window.find(sub)
    };
    match found {
        Some(b) => char_index(s, bs + b) as i64,
        None => -1,
    }
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "find")?;
    let (sub, a, b) = find_args(vm, &args, "find")?;
    Ok(Value::Int(search(s, sub, a, b, false)))
}

fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "rfind")?;
    let (sub, a, b) = find_args(vm, &args, "rfind")?;
    Ok(Value::Int(search(s, sub, a, b, true)))
}

fn not_found(i: i64) -> PyResult<Value> {
    if i < 0 {
        return Err(PyErr::value_error("substring not found"));
    }
    Ok(Value::Int(i))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "index")?;
    let (sub, a, b) = find_args(vm, &args, "index")?;
    not_found(search(s, sub, a, b, false))
}

fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "rindex")?;
    let (sub, a, b) = find_args(vm, &args, "rindex")?;
    not_found(search(s, sub, a, b, true))
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "count")?;
    let (sub, a, b) = find_args(vm, &args, "count")?;
    let (start, end) = adjust_indices(a, b, s.char_len());
    if end < start {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::Int((end - start + 1) as i64));
    }
    let window = &s.as_str()[byte_at(s, start)..byte_at(s, end)];
    Ok(Value::Int(window.matches(sub).count() as i64))
}

/// startswith/endswith: `affix` is a str or a tuple of strs.
fn tailmatch(vm: &mut Vm, args: Args, name: &'static str, suffix: bool) -> PyResult<Value> {
    let s = me(&args, name)?;
    let sig = Sig {
        name,
        params: &["prefix", "start", "end"],
        required: 1,
        keywords: false,
        clinic: false,
    };
    let b = bind(&args, &sig)?;
    let start = slice_arg(vm, b[1])?;
    let end = slice_arg(vm, b[2])?;
    let one = |sub: &str| -> bool {
        let (start, end) = adjust_indices(start, end, s.char_len());
        let sub_chars = sub.chars().count();
        if end < start + sub_chars {
            return false;
        }
        let window = &s.as_str()[byte_at(s, start)..byte_at(s, end)];
        if suffix {
            window.ends_with(sub)
        } else {
            window.starts_with(sub)
        }
    };
    match b[0].unwrap_or(&Value::None) {
        Value::Str(sub) => Ok(Value::Bool(one(sub.as_str()))),
        Value::Tuple(t) => {
            for item in t.items.iter() {
                match item {
                    Value::Str(sub) => {
                        if one(sub.as_str()) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    other => {
                        return Err(PyErr::type_error(format!(
                            "tuple for {name} must only contain str, not {}",
                            other.type_name()
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(PyErr::type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
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

/// The `(sep, maxsplit)` of split/rsplit; maxsplit < 0 means no limit.
fn split_args<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    name: &'static str,
) -> PyResult<(Option<&'a str>, usize)> {
    let sig = Sig {
        name,
        params: &["sep", "maxsplit"],
        required: 0,
        keywords: true,
        clinic: false,
    };
    let b = bind(args, &sig)?;
    let sep = match b[0] {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => {
            if s.as_str().is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(s.as_str())
        }
        Some(o) => {
            return Err(PyErr::type_error(format!(
                "must be str or None, not {}",
                o.type_name()
            )))
        }
    };
    let max = match b[1] {
        None => -1,
        Some(v) => index_arg(vm, v)?,
    };
    Ok((sep, if max < 0 { usize::MAX } else { max as usize }))
}

fn strs(parts: Vec<&str>) -> Value {
    Value::list(parts.into_iter().map(Value::str).collect())
}

/// `str.split()` without a separator (CPython's `split_whitespace`).
fn split_whitespace(s: &str, max: usize) -> Vec<&str> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map_or(s.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut i = 0;
    let mut left = max;
    while left > 0 {
        while i < n && py_isspace(chars[i].1) {
            i += 1;
        }
        if i == n {
            break;
        }
        let j = i;
        i += 1;
        while i < n && !py_isspace(chars[i].1) {
            i += 1;
        }
        out.push(&s[at(j)..at(i)]);
        left -= 1;
    }
    if i < n {
        while i < n && py_isspace(chars[i].1) {
            i += 1;
        }
        if i != n {
            out.push(&s[at(i)..]);
        }
    }
    out
}

/// `str.rsplit()` without a separator.
fn rsplit_whitespace(s: &str, max: usize) -> Vec<&str> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let at = |i: usize| chars.get(i).map_or(s.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut i = chars.len() as i64 - 1;
    let mut left = max;
    let space = |i: i64| py_isspace(chars[i as usize].1);
    while left > 0 {
        while i >= 0 && space(i) {
            i -= 1;
        }
        if i < 0 {
            break;
        }
        let j = i;
        i -= 1;
        while i >= 0 && !space(i) {
            i -= 1;
        }
        out.push(&s[at((i + 1) as usize)..at((j + 1) as usize)]);
        left -= 1;
    }
    if i >= 0 {
        while i >= 0 && space(i) {
            i -= 1;
        }
        if i >= 0 {
            out.push(&s[..at((i + 1) as usize)]);
        }
    }
    out.reverse();
    out
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "split")?;
    let (sep, max) = split_args(vm, &args, "split")?;
    let t = s.as_str();
    Ok(strs(match sep {
        None => split_whitespace(t, max),
        Some(sep) => t.splitn(max.saturating_add(1), sep).collect(),
    }))
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "rsplit")?;
    let (sep, max) = split_args(vm, &args, "rsplit")?;
    let t = s.as_str();
    Ok(strs(match sep {
        None => rsplit_whitespace(t, max),
        Some(sep) => {
            let mut v: Vec<&str> = t.rsplitn(max.saturating_add(1), sep).collect();
            v.reverse();
            v
        }
    }))
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "splitlines")?;
    let sig = Sig {
        name: "splitlines",
        params: &["keepends"],
        required: 0,
        keywords: true,
        clinic: false,
    };
    let b = bind(&args, &sig)?;
    let keep = match b[0] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let t = s.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = t.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = iter.peek() {
                iter.next();
                end += 1;
            }
        }
        out.push(&t[start..if keep { end } else { i }]);
        start = end;
    }
    if start < t.len() {
        out.push(&t[start..]);
    }
    Ok(strs(out))
}

/// strip/lstrip/rstrip: whitespace, or any of the given characters.
fn strip_impl(args: Args, name: &'static str, left: bool, right: bool) -> PyResult<Value> {
    let s = me(&args, name)?;
    let sig = Sig {
        name,
        params: &["chars"],
        required: 0,
        keywords: false,
        clinic: true,
    };
    let b = bind(&args, &sig)?;
    let t = s.as_str();
    let r = match b[0] {
        None | Some(Value::None) => {
            let mut r = t;
            if left {
                r = r.trim_start_matches(py_isspace);
            }
            if right {
                r = r.trim_end_matches(py_isspace);
            }
            r
        }
        Some(Value::Str(chars)) => {
            let set: Vec<char> = chars.as_str().chars().collect();
            let mut r = t;
            if left {
                r = r.trim_start_matches(set.as_slice());
            }
            if right {
                r = r.trim_end_matches(set.as_slice());
            }
            r
        }
        Some(_) => return Err(PyErr::type_error(format!("{name} arg must be None or str"))),
    };
    if r.len() == t.len() {
        return Ok(Value::Str(s.clone()));
    }
    Ok(Value::str(r))
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
    let s = me(&args, "replace")?;
    let sig = Sig {
        name: "replace",
        params: &["old", "new", "count"],
        required: 2,
        keywords: false,
        clinic: true,
    };
    let b = bind(&args, &sig)?;
    let old = str_param(b[0].unwrap_or(&Value::None))?;
    let new = str_param(b[1].unwrap_or(&Value::None))?;
    let count = match b[2] {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let t = s.as_str();
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let matches = if old.is_empty() {
        s.char_len() + 1
    } else {
        t.matches(old).count()
    }
    .min(limit);
    if matches == 0 {
        return Ok(Value::Str(s.clone()));
    }
    let grow = new.len().saturating_sub(old.len()).saturating_mul(matches);
    if t.len().saturating_add(grow) > MAX_STR_RESULT {
        return Err(PyErr::overflow_error("replace string is too long"));
    }
    Ok(Value::str(t.replacen(old, new, matches)))
}

fn partition_impl(args: Args, name: &'static str, right: bool) -> PyResult<Value> {
    let s = me(&args, name)?;
    let sig = Sig {
        name: if right {
            "str.rpartition"
        } else {
            "str.partition"
        },
        params: &["sep"],
        required: 1,
        keywords: false,
        clinic: false,
    };
    let b = bind(&args, &sig)?;
    let sep = str_param(b[0].unwrap_or(&Value::None))?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let t = s.as_str();
    let found = if right { t.rfind(sep) } else { t.find(sep) };
    let parts = match found {
        Some(i) => [
            Value::str(&t[..i]),
            Value::str(sep),
            Value::str(&t[i + sep.len()..]),
        ],
        None if right => [Value::str(""), Value::str(""), Value::Str(s.clone())],
        None => [Value::Str(s.clone()), Value::str(""), Value::str("")],
    };
    Ok(Value::tuple(parts.to_vec()))
}

fn partition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(args, "partition", false)
}

fn rpartition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(args, "rpartition", true)
}

#[cfg(test)]
#[path = "tests/str_search.rs"]
mod tests;
