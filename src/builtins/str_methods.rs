//! The methods of `str` (except searching and splitting, in `str_search`): formatting,
//! `join`, case conversion, the `is*` predicates, padding, `encode`, `maketrans`/`translate`
//! and the dunder methods that forward to the object protocol. Indices count characters,
//! not bytes; ASCII strings take byte fast paths.

use super::method_args::{bind, index_arg, operand, this, wrong_self, Sig};
use super::unicode_tables::{in_table, ALPHA, DECIMAL, DIGIT_EXTRA, NONPRINTABLE, NUMERIC_EXTRA};
use super::{add_methods, str_codec, str_search};
use crate::objects::class::types;
use crate::objects::descr::StaticMethod;
use crate::objects::function::{Args, NativeFn};
use crate::objects::{Builtin, ExcKind, PyErr, PyResult, PyStr, Value};
use crate::parser::ast::{BinOp, CmpOp};
use crate::vm::Vm;
use parking_lot::RwLock;
use std::sync::Arc;

/// Results longer than this many bytes (from padding, `expandtabs`, `*`) raise MemoryError
/// instead of trying to allocate them.
pub const MAX_STR_RESULT: usize = 1 << 30;

pub fn install() {
    let t = types();
    let table: &[(&'static str, NativeFn)] = &[
        ("format", format),
        ("format_map", format_map),
        ("join", join),
        ("upper", upper),
        ("lower", lower),
        ("title", title),
        ("capitalize", capitalize),
        ("swapcase", swapcase),
        ("casefold", casefold),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
        ("isprintable", isprintable),
        ("isascii", isascii),
        ("zfill", zfill),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("expandtabs", expandtabs),
        ("encode", str_codec::encode),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("translate", str_codec::translate),
        ("__len__", dunder_len),
        ("__contains__", dunder_contains),
        ("__getitem__", dunder_getitem),
        ("__iter__", dunder_iter),
        ("__add__", dunder_add),
        ("__mul__", dunder_mul),
        ("__rmul__", dunder_mul),
        ("__mod__", dunder_mod),
        ("__eq__", dunder_eq),
        ("__ne__", dunder_ne),
        ("__lt__", dunder_lt),
        ("__le__", dunder_le),
        ("__gt__", dunder_gt),
        ("__ge__", dunder_ge),
        ("__hash__", dunder_hash),
    ];
    add_methods(&t.str, "str", table);
    add_methods(&t.str, "str", str_search::TABLE);
    let mut b = Builtin::new("maketrans", str_codec::maketrans);
    b.owner = Some("str");
    let sm = StaticMethod {
        func: Value::Builtin(Arc::new(b)),
        dict: RwLock::new(Vec::new()),
    };
    t.str.dict.set_str("maketrans", Value::Native(Arc::new(sm)));
}

/// The str `self` of a str method.
pub fn me<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Arc<PyStr>> {
    match this(args, "str", name)? {
        Value::Str(s) => Ok(s),
        other => Err(wrong_self("str", name, other)),
    }
}

/// A str argument, or the CPython TypeError `must be str, not int`.
pub fn str_param(v: &Value) -> PyResult<&str> {
    match crate::vm::ops::base_value(v).unwrap_or(v) {
        Value::Str(s) => Ok(s.as_str()),
        _ => Err(PyErr::type_error(format!(
            "must be str, not {}",
            v.type_name()
        ))),
    }
}

fn no_args(args: &Args, name: &'static str) -> PyResult<()> {
    let n = args.pos.len().saturating_sub(1) + args.kwnames.len();
    if n > 0 {
        return Err(PyErr::type_error(format!(
            "str.{name}() takes no arguments ({n} given)"
        )));
    }
    Ok(())
}

fn too_long() -> PyErr {
    PyErr::new(ExcKind::MemoryError, "")
}

// ----- formatting and join ------------------------------------------------------------------

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "format")?;
    let pos = args.pos.get(1..).unwrap_or(&[]);
    super::str_format::str_format(
        vm,
        s.as_str(),
        pos,
        Args::with_kw(&[], args.kwnames, args.kwvals),
    )
    .map(Value::str)
}

fn format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "format_map")?;
    let sig = Sig {
        name: "str.format_map",
        params: &["mapping"],
        required: 1,
        keywords: false,
        clinic: false,
    };
    let b = bind(&args, &sig)?;
    let mapping = b[0].cloned().unwrap_or(Value::None);
    super::str_format::str_format_map(vm, s.as_str(), mapping).map(Value::str)
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sep = me(&args, "join")?;
    let sig = Sig {
        name: "str.join",
        params: &["iterable"],
        required: 1,
        keywords: false,
        clinic: false,
    };
    let b = bind(&args, &sig)?;
    let src = b[0].cloned().unwrap_or(Value::None);
    let items = match &src {
        Value::List(_) | Value::Tuple(_) => vm.collect(&src)?,
        _ => {
            let it = vm.get_iter(&src).map_err(|e| {
                if e.is(ExcKind::TypeError) {
                    PyErr::type_error("can only join an iterable")
                } else {
                    e
                }
            })?;
            let mut v = Vec::new();
            while let Some(x) = vm.next(&it)? {
                v.push(x);
            }
            v
        }
    };
    let mut total = 0usize;
    for (i, it) in items.iter().enumerate() {
        match crate::vm::ops::base_value(it).unwrap_or(it) {
            Value::Str(s) => total = total.saturating_add(s.as_str().len()),
            _ => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    it.type_name()
                )))
            }
        }
    }
    total = total.saturating_add(sep.as_str().len().saturating_mul(items.len()));
    if total > MAX_STR_RESULT {
        return Err(too_long());
    }
    let mut out = String::with_capacity(total);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        if let Value::Str(s) = crate::vm::ops::base_value(it).unwrap_or(it) {
            out.push_str(s.as_str());
        }
    }
    Ok(Value::str(out))
}

// ----- case -----------------------------------------------------------------------------------

/// Titlecase letters (category Lt): neither upper nor lower, but cased.
pub fn is_title_char(c: char) -> bool {
    matches!(c as u32,
        0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF
            | 0x1FBC | 0x1FCC | 0x1FFC)
}

pub fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_title_char(c)
}

/// The titlecase mapping of a character (its uppercase, except for digraphs and `ß`).
fn push_title(out: &mut String, c: char) {
    match c as u32 {
        0x1C4..=0x1C6 => out.push('\u{1C5}'),
        0x1C7..=0x1C9 => out.push('\u{1C8}'),
        0x1CA..=0x1CC => out.push('\u{1CB}'),
        0x1F1..=0x1F3 => out.push('\u{1F2}'),
        0xDF => out.push_str("Ss"),
        0xFB00 => out.push_str("Ff"),
        0xFB01 => out.push_str("Fi"),
        0xFB02 => out.push_str("Fl"),
        0xFB03 => out.push_str("Ffi"),
        0xFB04 => out.push_str("Ffl"),
        0xFB05 | 0xFB06 => out.push_str("St"),
        0x587 => out.push_str("\u{535}\u{582}"),
        _ => out.extend(c.to_uppercase()),
    }
}

/// Characters that case mapping looks through when deciding on a final sigma (an
/// approximation of Unicode's Case_Ignorable: apostrophes, periods, colons, modifier
/// letters and combining marks).
fn case_ignorable(c: char) -> bool {
    matches!(
        c as u32,
        0x27 | 0x2E | 0x3A | 0x5E | 0x60 | 0xA8 | 0xAD | 0xAF | 0xB4 | 0xB7 | 0xB8 | 0x2B0
            ..=0x36F | 0x2018 | 0x2019 | 0x2024 | 0x2027
    )
}

/// Lowercases `chars[i]` into `out`; a capital sigma that ends a word becomes `ς`, as in
/// CPython's `handle_capital_sigma`.
fn push_lower(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c != '\u{3A3}' {
        out.extend(c.to_lowercase());
        return;
    }
    let before = chars[..i].iter().rev().find(|&&c| !case_ignorable(c));
    let after = chars[i + 1..].iter().find(|&&c| !case_ignorable(c));
    let final_sigma = before.is_some_and(|&c| is_cased(c)) && !after.is_some_and(|&c| is_cased(c));
    out.push(if final_sigma { '\u{3C2}' } else { '\u{3C3}' });
}

fn map_str(args: &Args, name: &'static str, f: fn(&str) -> String) -> PyResult<Value> {
    let s = me(args, name)?;
    no_args(args, name)?;
    Ok(Value::str(f(s.as_str())))
}

fn upper(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_str(&args, "upper", |s| {
        if s.is_ascii() {
            s.to_ascii_uppercase()
        } else {
            s.to_uppercase()
        }
    })
}

fn lower(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_str(&args, "lower", |s| {
        if s.is_ascii() {
            s.to_ascii_lowercase()
        } else {
            s.to_lowercase()
        }
    })
}

fn casefold(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_str(&args, "casefold", |s| {
        s.to_lowercase()
            .replace('ß', "ss")
            .replace('ς', "σ")
            .replace('ﬁ', "fi")
            .replace('ﬂ', "fl")
    })
}

fn swapcase(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_str(&args, "swapcase", |s| {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        for (i, &c) in chars.iter().enumerate() {
            if c.is_uppercase() {
                push_lower(&mut out, &chars, i);
            } else if c.is_lowercase() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        out
    })
}

fn title(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_str(&args, "title", |s| {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for (i, &c) in chars.iter().enumerate() {
            if prev_cased {
                push_lower(&mut out, &chars, i);
            } else {
                push_title(&mut out, c);
            }
            prev_cased = is_cased(c);
        }
        out
    })
}

fn capitalize(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_str(&args, "capitalize", |s| {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        if let Some(&c) = chars.first() {
            push_title(&mut out, c);
        }
        for i in 1..chars.len() {
            push_lower(&mut out, &chars, i);
        }
        out
    })
}

// ----- predicates -------------------------------------------------------------------------------

fn predicate(args: &Args, name: &'static str, empty: bool, f: fn(&str) -> bool) -> PyResult<Value> {
    let s = me(args, name)?;
    no_args(args, name)?;
    let s = s.as_str();
    Ok(Value::Bool(if s.is_empty() { empty } else { f(s) }))
}

pub fn py_isspace(c: char) -> bool {
    matches!(c as u32, 9..=13 | 28..=32 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029
        | 0x202F | 0x205F | 0x3000)
}

pub fn py_isdecimal(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_table(DECIMAL, c))
}

pub fn py_isdigit(c: char) -> bool {
    py_isdecimal(c) || (!c.is_ascii() && in_table(DIGIT_EXTRA, c))
}

pub fn py_isnumeric(c: char) -> bool {
    py_isdigit(c) || (!c.is_ascii() && in_table(NUMERIC_EXTRA, c))
}

pub fn py_isalpha(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && in_table(ALPHA, c))
}

fn isdigit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "isdigit", false, |s| s.chars().all(py_isdigit))
}
fn isdecimal(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "isdecimal", false, |s| s.chars().all(py_isdecimal))
}
fn isnumeric(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "isnumeric", false, |s| s.chars().all(py_isnumeric))
}
fn isalpha(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "isalpha", false, |s| s.chars().all(py_isalpha))
}
fn isalnum(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "isalnum", false, |s| {
        s.chars().all(|c| py_isalpha(c) || py_isnumeric(c))
    })
}
fn isspace(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "isspace", false, |s| s.chars().all(py_isspace))
}
fn isascii(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "isascii", true, |s| s.is_ascii())
}
fn isprintable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "isprintable", true, |s| {
        s.chars().all(|c| !in_table(NONPRINTABLE, c))
    })
}

fn isupper(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "isupper", false, |s| {
        let mut cased = false;
        for c in s.chars() {
            if c.is_lowercase() || is_title_char(c) {
                return false;
            }
            cased |= c.is_uppercase();
        }
        cased
    })
}

fn islower(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "islower", false, |s| {
        let mut cased = false;
        for c in s.chars() {
            if c.is_uppercase() || is_title_char(c) {
                return false;
            }
            cased |= c.is_lowercase();
        }
        cased
    })
}

fn istitle(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "istitle", false, |s| {
        let (mut cased, mut prev_cased) = (false, false);
        for c in s.chars() {
            if c.is_uppercase() || is_title_char(c) {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if c.is_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

/// An approximation of XID_Continue: letters, digits, `_`, combining marks and connectors.
fn ident_continue(c: char) -> bool {
    c == '_'
        || py_isalpha(c)
        || py_isdecimal(c)
        || (!c.is_ascii()
            && c.is_alphanumeric()
            && !in_table(DIGIT_EXTRA, c)
            && !in_table(NUMERIC_EXTRA, c))
        || matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
            | 0xFE20..=0xFE2F | 0x203F | 0x2040 | 0x2054 | 0xFE33 | 0xFE34 | 0xFE4D..=0xFE4F | 0xFF3F)
}

fn isidentifier(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(&args, "isidentifier", false, |s| {
        let mut chars = s.chars();
        let first_ok = chars
            .next()
            .is_some_and(|c| c == '_' || py_isalpha(c) || matches!(c as u32, 0x2160..=0x2188));
        first_ok && chars.all(ident_continue)
    })
}

// ----- padding ------------------------------------------------------------------------------------

/// The `(width, fillchar)` of center/ljust/rjust.
fn pad_args(vm: &mut Vm, args: &Args, name: &'static str) -> PyResult<(usize, char)> {
    let sig = Sig {
        name,
        params: &["width", "fillchar"],
        required: 1,
        keywords: false,
        clinic: true,
    };
    let b = bind(args, &sig)?;
    let width = index_arg(vm, b[0].unwrap_or(&Value::None))?.max(0) as usize;
    let fill = match b[1] {
        None => ' ',
        Some(Value::Str(f)) => {
            let mut cs = f.as_str().chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(PyErr::type_error(
                        "The fill character must be exactly one character long",
                    ))
                }
            }
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "The fill character must be a unicode character, not {}",
                other.type_name()
            )))
        }
    };
    if width.saturating_mul(fill.len_utf8()) > MAX_STR_RESULT {
        return Err(too_long());
    }
    Ok((width, fill))
}

fn padded(s: &PyStr, left: usize, right: usize, fill: char) -> Value {
    let mut out = String::with_capacity(s.as_str().len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat_n(fill, right));
    Value::str(out)
}

fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "center")?;
    let (width, fill) = pad_args(vm, &args, "center")?;
    let len = s.char_len();
    if len >= width {
        return Ok(Value::Str(s.clone()));
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    Ok(padded(s, left, marg - left, fill))
}

fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "ljust")?;
    let (width, fill) = pad_args(vm, &args, "ljust")?;
    let len = s.char_len();
    if len >= width {
        return Ok(Value::Str(s.clone()));
    }
    Ok(padded(s, 0, width - len, fill))
}

fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "rjust")?;
    let (width, fill) = pad_args(vm, &args, "rjust")?;
    let len = s.char_len();
    if len >= width {
        return Ok(Value::Str(s.clone()));
    }
    Ok(padded(s, width - len, 0, fill))
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "zfill")?;
    let sig = Sig {
        name: "str.zfill",
        params: &["width"],
        required: 1,
        keywords: false,
        clinic: false,
    };
    let b = bind(&args, &sig)?;
    let width = index_arg(vm, b[0].unwrap_or(&Value::None))?.max(0) as usize;
    let len = s.char_len();
    if len >= width {
        return Ok(Value::Str(s.clone()));
    }
    if width > MAX_STR_RESULT {
        return Err(too_long());
    }
    let text = s.as_str();
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'+' | b'-') => text.split_at(1),
        _ => ("", text),
    };
    let mut out = String::with_capacity(width + text.len());
    out.push_str(sign);
    out.extend(std::iter::repeat_n('0', width - len));
    out.push_str(rest);
    Ok(Value::str(out))
}

fn expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "expandtabs")?;
    let sig = Sig {
        name: "expandtabs",
        params: &["tabsize"],
        required: 0,
        keywords: true,
        clinic: false,
    };
    let b = bind(&args, &sig)?;
    let tabsize = match b[0] {
        Some(v) => index_arg(vm, v)?,
        None => 8,
    };
    let mut out = String::with_capacity(s.as_str().len());
    let mut col: i64 = 0;
    for c in s.as_str().chars() {
        if c == '\t' {
            if tabsize > 0 {
                let incr = tabsize - col % tabsize;
                if out.len() as i64 + incr > MAX_STR_RESULT as i64 {
                    return Err(PyErr::overflow_error("result too long"));
                }
                col += incr;
                out.extend(std::iter::repeat_n(' ', incr as usize));
            }
        } else {
            out.push(c);
            col += 1;
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
    }
    Ok(Value::str(out))
}

fn removeprefix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(&args, "removeprefix", |s, p| s.strip_prefix(p))
}

fn removesuffix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(&args, "removesuffix", |s, p| s.strip_suffix(p))
}

fn affix(
    args: &Args,
    name: &'static str,
    f: for<'x> fn(&'x str, &str) -> Option<&'x str>,
) -> PyResult<Value> {
    let s = me(args, name)?;
    let sig = Sig {
        name: if name == "removeprefix" {
            "str.removeprefix"
        } else {
            "str.removesuffix"
        },
        params: &["affix"],
        required: 1,
        keywords: false,
        clinic: false,
    };
    let b = bind(args, &sig)?;
    let arg = b[0].unwrap_or(&Value::None);
    let Value::Str(p) = arg else {
        return Err(PyErr::type_error(format!(
            "{name}() argument must be str, not {}",
            arg.type_name()
        )));
    };
    Ok(match f(s.as_str(), p.as_str()) {
        Some(rest) if !p.as_str().is_empty() => Value::str(rest),
        _ => Value::Str(s.clone()),
    })
}

// ----- dunders ------------------------------------------------------------------------------------

fn dunder_len(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "__len__")?;
    Ok(Value::Int(s.char_len() as i64))
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "__contains__")?;
    let x = operand(&args)?;
    vm.contains(&Value::Str(s.clone()), x).map(Value::Bool)
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "__getitem__")?;
    let x = operand(&args)?;
    vm.getitem(&Value::Str(s.clone()), x)
}

fn dunder_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "__iter__")?;
    vm.get_iter(&Value::Str(s.clone()))
}

fn dunder_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "__add__")?;
    let x = operand(&args)?;
    match crate::vm::ops::base_value(x).unwrap_or(x) {
        y @ Value::Str(_) => vm.binop(BinOp::Add, &Value::Str(s.clone()), y),
        _ => Err(PyErr::type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            x.type_name()
        ))),
    }
}

fn dunder_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "__mul__")?;
    let x = operand(&args)?;
    let n = index_arg(vm, x)?.max(0) as usize;
    if s.as_str().len().saturating_mul(n) > MAX_STR_RESULT {
        return Err(too_long());
    }
    Ok(Value::str(s.as_str().repeat(n)))
}

fn dunder_mod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "__mod__")?;
    let x = operand(&args)?;
    super::percent::percent_format(vm, s.as_str(), x).map(Value::str)
}

fn compare(vm: &mut Vm, args: Args, op: CmpOp, name: &str) -> PyResult<Value> {
    let Value::Str(s) = this(&args, "str", name)? else {
        return Ok(Value::NotImplemented);
    };
    let x = operand(&args)?;
    match crate::vm::ops::base_value(x).unwrap_or(x) {
        y @ Value::Str(_) => vm.compare(op, &Value::Str(s.clone()), y),
        _ => Ok(Value::NotImplemented),
    }
}

fn dunder_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq, "__eq__")
}
fn dunder_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::NotEq, "__ne__")
}
fn dunder_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Lt, "__lt__")
}
fn dunder_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::LtE, "__le__")
}
fn dunder_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Gt, "__gt__")
}
fn dunder_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::GtE, "__ge__")
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "str", "__hash__")?.clone();
    vm.hash(&v).map(Value::Int)
}

#[cfg(test)]
#[path = "tests/str_methods.rs"]
mod tests;

#[cfg(test)]
mod error_tests {
    use super::super::testutil::py;

    #[test]
    fn join_sequence_item_expected_str_instance() {
        assert_eq!(
            py("r = ', '.join(['a', 1])"),
            "TypeError: sequence item 1: expected str instance, int found"
        );
        assert_eq!(py("r = ''.join(5)"), "TypeError: can only join an iterable");
    }

    #[test]
    fn split_empty_separator() {
        assert_eq!(py("r = 'a'.split('')"), "ValueError: empty separator");
        assert_eq!(py("r = 'a'.rpartition('')"), "ValueError: empty separator");
    }

    #[test]
    fn fill_character_must_be_exactly_one_character_long() {
        assert_eq!(
            py("r = 'a'.center(5, 'xy')"),
            "TypeError: The fill character must be exactly one character long"
        );
        assert_eq!(
            py("r = 'a'.ljust(5, 1)"),
            "TypeError: The fill character must be a unicode character, not int"
        );
    }

    #[test]
    fn index_substring_not_found() {
        assert_eq!(
            py("r = 'abc'.index('z')"),
            "ValueError: substring not found"
        );
        assert_eq!(
            py("r = 'abc'.rindex('z', 1)"),
            "ValueError: substring not found"
        );
    }

    #[test]
    fn unicode_encode_error() {
        assert_eq!(
            py("r = 'aé€'.encode('ascii')"),
            "UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)"
        );
    }

    #[test]
    fn descriptor_applied_to_the_wrong_type() {
        assert_eq!(
            py("r = str.upper(5)"),
            "TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object"
        );
        assert_eq!(
            py("r = str.upper()"),
            "TypeError: unbound method str.upper() needs an argument"
        );
    }

    #[test]
    fn huge_padding_is_memory_error() {
        assert_eq!(py("r = 'a'.center(10 ** 12)"), "MemoryError");
        assert_eq!(py("r = format(1, '99999999999')"), "MemoryError");
        assert_eq!(
            py("r = format(1, '9999999999999999999999')"),
            "ValueError: Too many decimal digits in format string"
        );
    }
}
