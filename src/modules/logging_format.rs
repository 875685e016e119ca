//! `_pyt_logging.format(formatter, record)`: `logging.Formatter.format` done natively for an
//! untouched `Formatter` with a `%`-style format and a plain `LogRecord` whose values format
//! without Python code (see `logging_fast` for when a class counts as untouched). Answers the
//! formatted text, or None before any visible effect, and then the Python method runs.

use super::logging_fast::{local_keys, plain_truth, setup_ref, Converter, Setup, RECORD_KEYS};
use crate::builtins::percent::percent_format;
use crate::objects::dict::DictInner;
use crate::objects::function::Args;
use crate::objects::str::{hash_bytes, intern};
use crate::objects::{DictObj, PyResult, PyStr, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::fmt::Write;
use std::sync::{Arc, LazyLock};

/// `Formatter.default_time_format` and `default_msec_format` as `logging` defines them (the
/// fast path runs only while the Formatter class is untouched, so these are current).
const DEFAULT_TIME_FORMAT: &str = "%Y-%m-%d %H:%M:%S";
/// `PercentStyle.asctime_search`.
const ASCTIME_SEARCH: &str = "%(asctime)";
/// The attributes `Formatter.__init__` gives an instance; any other instance attribute could
/// shadow a method, so a formatter with more takes the Python path.
const FORMATTER_ATTRS: usize = 4;
/// `PercentStyle.__init__`'s attributes (`_fmt`, `_defaults`).
const STYLE_ATTRS: usize = 2;
/// Values of a dict used as the `%` mapping checked one by one; a bigger dict argument takes
/// the Python path.
const MAX_MAPPING_CHECK: usize = 64;

/// The date text of the last second formatted on this thread: records come in bursts within
/// one second, so the C time conversion and `strftime` run about once a second.
struct TimeCache {
    second: i64,
    conv: Converter,
    datefmt: Option<String>,
    text: String,
}

thread_local! {
    static TIME_CACHE: RefCell<Option<TimeCache>> = const { RefCell::new(None) };
}

/// A value whose `str`, `repr` and numeric `%` conversions run no Python code.
fn plain(v: &Value) -> bool {
    matches!(
        v,
        Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Str(_)
    )
}

/// The names this module reads, interned once (their hashes cached).
struct Keys {
    msg: Arc<PyStr>,
    args: Arc<PyStr>,
    exc_info: Arc<PyStr>,
    exc_text: Arc<PyStr>,
    stack_info: Arc<PyStr>,
    created: Arc<PyStr>,
    msecs: Arc<PyStr>,
    get_message: Arc<PyStr>,
    style: Arc<PyStr>,
    fmt: Arc<PyStr>,
    datefmt: Arc<PyStr>,
    time_cache: Arc<PyStr>,
    defaults: Arc<PyStr>,
}

static KEYS: LazyLock<Keys> = LazyLock::new(|| Keys {
    msg: intern("msg"),
    args: intern("args"),
    exc_info: intern("exc_info"),
    exc_text: intern("exc_text"),
    stack_info: intern("stack_info"),
    created: intern("created"),
    msecs: intern("msecs"),
    get_message: intern("getMessage"),
    style: intern("_style"),
    fmt: intern("_fmt"),
    datefmt: intern("datefmt"),
    time_cache: intern("_time_cache"),
    defaults: intern("_defaults"),
});

fn get(d: &DictInner, k: &Arc<PyStr>) -> Option<Value> {
    d.get_str(k.as_str(), k.hash()).cloned()
}

/// Appends `v` as `%s` (`str(v)`) would, for the values that need no float formatting.
fn push_str_conv(out: &mut String, v: &Value) -> Option<()> {
    match v {
        Value::Str(s) => out.push_str(s.as_str()),
        Value::Int(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::None => out.push_str("None"),
        _ => return None,
    }
    Some(())
}

/// `%d`/`%i` of an int or bool.
fn push_int_conv(out: &mut String, v: &Value) -> Option<()> {
    match v {
        Value::Int(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Bool(b) => out.push(if *b { '1' } else { '0' }),
        _ => return None,
    }
    Some(())
}

/// Where `simple_percent` takes its values from.
enum Operands<'a> {
    Items(&'a [Value]),
    Mapping(&'a DictInner),
}

/// `fmt % operands` for the common subset (`%s`, `%d`, `%i`, `%(key)s`, `%%`, no flags,
/// widths or precisions, exactly as many items as conversions, str/int/bool/None values):
/// the text, or None when `percent_format` must decide (which then gives the same text or
/// CPython's error).
fn simple_percent(fmt: &str, ops: Operands) -> Option<String> {
    let b = fmt.as_bytes();
    let mut out = String::with_capacity(fmt.len() + 32);
    let mut next = 0;
    let mut i = 0;
    let mut lit = 0;
    while i < b.len() {
        if b[i] != b'%' {
            i += 1;
            continue;
        }
        out.push_str(&fmt[lit..i]);
        let c = *b.get(i + 1)?;
        let (v, conv, end) = if c == b'%' {
            out.push('%');
            i += 2;
            lit = i;
            continue;
        } else if c == b'(' {
            let Operands::Mapping(d) = &ops else {
                return None;
            };
            let close = i + 2 + fmt[i + 2..].find(')')?;
            let key = &fmt[i + 2..close];
            if key.contains('(') {
                return None;
            }
            let v = d.get_str(key, hash_bytes(key.as_bytes()))?;
            (v, *b.get(close + 1)?, close + 2)
        } else {
            let Operands::Items(items) = &ops else {
                return None;
            };
            let v = items.get(next)?;
            next += 1;
            (v, c, i + 2)
        };
        match conv {
            b's' => push_str_conv(&mut out, v)?,
            b'd' | b'i' => push_int_conv(&mut out, v)?,
            _ => return None,
        }
        i = end;
        lit = i;
    }
    out.push_str(&fmt[lit..]);
    match ops {
        Operands::Items(items) if next != items.len() => None,
        _ => Some(out),
    }
}

/// `Formatter.formatTime(record, datefmt)` for a converter that is `time.localtime` or
/// `time.gmtime`: None when a value is out of the plain range (the Python code then raises).
fn format_time(conv: Converter, created: f64, msecs: f64, datefmt: Option<&str>) -> Option<String> {
    if !created.is_finite() || created.abs() > 1e17 || !(0.0..1000.0).contains(&msecs) {
        return None;
    }
    let second = created.floor() as i64;
    let hit = TIME_CACHE.with(|c| {
        c.borrow().as_ref().and_then(|t| {
            (t.second == second && t.conv == conv && t.datefmt.as_deref() == datefmt)
                .then(|| t.text.clone())
        })
    });
    let date = match hit {
        Some(t) => t,
        None => {
            let tm = match conv {
                Converter::Local => super::time::local_tm(second as libc::time_t),
                Converter::Gm => super::time::gm_tm(second as libc::time_t),
            }
            .ok()?;
            let text =
                super::time::strftime_tm(datefmt.unwrap_or(DEFAULT_TIME_FORMAT), &tm).ok()?;
            TIME_CACHE.with(|c| {
                *c.borrow_mut() = Some(TimeCache {
                    second,
                    conv,
                    datefmt: datefmt.map(str::to_string),
                    text: text.clone(),
                })
            });
            text
        }
    };
    Some(match datefmt {
        Some(_) => date,
        None => {
            let mut s = String::with_capacity(date.len() + 4);
            s.push_str(&date);
            let _ = write!(s, ",{:03}", msecs as i64);
            s
        }
    })
}

/// The keys a `%`-format names (`%(key)...`); None for a nested parenthesis.
fn format_keys(fmt: &str) -> Option<Vec<&str>> {
    let mut keys = Vec::new();
    let mut rest = fmt;
    while let Some(i) = rest.find("%(") {
        let after = &rest[i + 2..];
        let end = after.find(')')?;
        let key = &after[..end];
        if key.contains('(') {
            return None;
        }
        keys.push(key);
        rest = &after[end + 1..];
    }
    Some(keys)
}

/// `record.getMessage()` for a str message and plain arguments.
fn message(vm: &mut Vm, msg: &Value, args: &Value) -> Option<String> {
    let Value::Str(m) = msg else { return None };
    let has_args = match args {
        Value::Tuple(t) => {
            if !t.items.iter().all(plain) {
                return None;
            }
            !t.is_empty()
        }
        Value::Dict(d) => {
            let g = d.lock();
            if g.len() > MAX_MAPPING_CHECK || !g.iter().all(|e| plain(&e.value)) {
                return None;
            }
            !g.is_empty()
        }
        other if plain(other) => plain_truth(other)?,
        _ => return None,
    };
    if !has_args {
        return Some(m.as_str().to_string());
    }
    let simple = match args {
        Value::Tuple(t) => simple_percent(m.as_str(), Operands::Items(&t.items)),
        _ => None,
    };
    match simple {
        Some(s) => Some(s),
        None => percent_format(vm, m.as_str(), args).ok(),
    }
}

fn set(d: &DictObj, key: &Arc<PyStr>, v: Value) {
    let old = d.set_str_key(key, v);
    drop(old);
}

/// The parts of an untouched Formatter: its style's format and its datefmt.
fn formatter_parts(s: &Setup, f: &Value) -> Option<(Converter, Arc<PyStr>, Option<String>)> {
    let Value::Instance(fi) = f else { return None };
    let k = &*KEYS;
    if !Arc::ptr_eq(&fi.class_ref(), &s.formatter_cls) {
        return None;
    }
    let conv = s.formatter_converter()?;
    if !s.style_intact() || !s.record_intact() {
        return None;
    }
    let (style, datefmt) = {
        let d = fi.dict.lock();
        if d.len() != FORMATTER_ATTRS
            || get(&d, &k.fmt).is_none()
            || get(&d, &k.time_cache).is_none()
        {
            return None;
        }
        (get(&d, &k.style)?, get(&d, &k.datefmt)?)
    };
    let datefmt = match datefmt {
        Value::None => None,
        Value::Str(s) if s.as_str().is_empty() => None,
        Value::Str(s) => Some(s.as_str().to_string()),
        _ => return None,
    };
    let Value::Instance(si) = &style else {
        return None;
    };
    if !Arc::ptr_eq(&si.class_ref(), &s.style_cls) {
        return None;
    }
    let d = si.dict.lock();
    if d.len() != STYLE_ATTRS || plain_truth(&get(&d, &k.defaults)?) != Some(false) {
        return None;
    }
    match get(&d, &k.fmt)? {
        Value::Str(fmt) => Some((conv, fmt, datefmt)),
        _ => None,
    }
}

/// `format(formatter, record)`: the text `formatter.format(record)` would return, with the
/// same `message`/`asctime` attributes set on the record; None when the Python method must run.
pub fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(s), [f, r]) = (setup_ref(), args.pos) else {
        return Ok(Value::None);
    };
    Ok(format_record(vm, s, f, r).map_or(Value::None, Value::str))
}

/// What `format` answers, as text.
pub(super) fn format_record(vm: &mut Vm, s: &Setup, f: &Value, r: &Value) -> Option<String> {
    let (conv, fmt, datefmt) = formatter_parts(s, f)?;
    let Value::Instance(ri) = r else {
        return None;
    };
    if !Arc::ptr_eq(&ri.class_ref(), &s.record_cls) {
        return None;
    }
    let k = &*KEYS;
    let (msg, margs, created, msecs) = {
        let d = ri.dict.lock();
        let quiet = |key| get(&d, key).as_ref().and_then(plain_truth) == Some(false);
        if get(&d, &k.get_message).is_some()
            || !quiet(&k.exc_info)
            || !quiet(&k.exc_text)
            || !quiet(&k.stack_info)
        {
            return None;
        }
        let (Some(msg), Some(margs)) = (get(&d, &k.msg), get(&d, &k.args)) else {
            return None;
        };
        (msg, margs, get(&d, &k.created), get(&d, &k.msecs))
    };
    let text = message(vm, &msg, &margs)?;
    let fmt = fmt.as_str();
    let asctime = if fmt.contains(ASCTIME_SEARCH) {
        let num = |v: Option<Value>| match v {
            Some(Value::Float(x)) => Some(x),
            Some(Value::Int(n)) => Some(n as f64),
            _ => None,
        };
        let (Some(created), Some(msecs)) = (num(created), num(msecs)) else {
            return None;
        };
        Some(format_time(conv, created, msecs, datefmt.as_deref())?)
    } else {
        None
    };
    let n = RECORD_KEYS.len();
    let keys = local_keys();
    if let Some(key) = keys.get(n) {
        set(&ri.dict, key, Value::str(text));
    }
    if let (Some(t), Some(key)) = (asctime, keys.get(n + 1)) {
        set(&ri.dict, key, Value::str(t));
    }
    // Any failure from here on leaves only `message`/`asctime` set, which the Python method
    // sets again to the same values before it raises.
    let simple = simple_percent(fmt, Operands::Mapping(&ri.dict.lock()));
    if simple.is_some() {
        return simple;
    }
    let keys = format_keys(fmt)?;
    {
        let d = ri.dict.lock();
        let plain_at = |key: &&str| {
            d.get_str(key, hash_bytes(key.as_bytes()))
                .is_some_and(plain)
        };
        if !keys.iter().all(plain_at) {
            return None;
        }
    }
    percent_format(vm, fmt, &Value::Dict(ri.dict.clone())).ok()
}
