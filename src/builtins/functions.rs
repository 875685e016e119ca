//! Builtin functions: `print`, `len`, `sorted`, `isinstance` ... (one table, `TABLE`).

use super::{arg, check_max_args, no_kwargs, opt_arg};
use crate::objects::class::types;
use crate::objects::function::{Args, NativeFn};
use crate::objects::int::{self, as_number, Num};
use crate::objects::iter::IterKind;
use crate::objects::{float, ExcKind, PyErr, PyResult, Value};
use crate::vm::output::{flush_file, write_to};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::sync::Arc;

/// Every builtin function, in CPython's `builtins` order (suggestions break ties by order).
pub const TABLE: &[(&str, NativeFn)] = &[
    ("__import__", builtin_import),
    ("abs", abs),
    ("all", all),
    ("any", any),
    ("ascii", ascii),
    ("bin", bin),
    ("callable", callable),
    ("chr", chr),
    ("delattr", delattr),
    ("dir", dir),
    ("divmod", divmod),
    ("format", format),
    ("getattr", getattr),
    ("globals", globals),
    ("hasattr", hasattr),
    ("hash", hash),
    ("hex", hex),
    ("id", id),
    ("input", input),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("iter", iter),
    ("len", len),
    ("locals", locals),
    ("max", max),
    ("min", min),
    ("next", next),
    ("oct", oct),
    ("ord", ord),
    ("pow", pow),
    ("print", print),
    ("repr", repr),
    ("round", round),
    ("setattr", setattr),
    ("sorted", sorted),
    ("sum", sum),
    ("vars", vars),
];

/// `exit` and `quit`: callables whose repr is CPython's hint, so that typing a bare `exit` at
/// the REPL says how to leave (CPython's `_sitebuiltins.Quitter`).
pub fn make_exiter(name: &'static str) -> Value {
    Value::Native(Arc::new(Quitter { name }))
}

struct Quitter {
    name: &'static str,
}

impl crate::objects::NativeObject for Quitter {
    fn class(&self) -> Arc<crate::objects::Class> {
        static CLASS: std::sync::OnceLock<Arc<crate::objects::Class>> = std::sync::OnceLock::new();
        CLASS
            .get_or_init(|| {
                let c = crate::objects::Class::new_builtin("Quitter", Some(&types().object));
                c.dict.set_str("__module__", Value::str("_sitebuiltins"));
                // `__call__` on the class, so `callable(exit)` is true as in CPython.
                let call = crate::objects::Builtin::new("__call__", quitter_call);
                c.dict.set_str("__call__", Value::Builtin(Arc::new(call)));
                c
            })
            .clone()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn repr(&self, _vm: &mut Vm, _me: &Value) -> PyResult<Option<String>> {
        Ok(Some(format!(
            "Use {}() or Ctrl-D (i.e. EOF) to exit",
            self.name
        )))
    }
}

/// `Quitter.__call__(self, code=None)`: raises SystemExit(code).
fn quitter_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.pos.get(1..).unwrap_or(&[]);
    exit(vm, Args::new(rest))
}

fn exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let code = args.pos.first().cloned();
    Err(PyErr::with_args(
        ExcKind::SystemExit,
        code.into_iter().collect(),
    ))
}

fn builtin_import(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = super::str_arg(
        arg(&args, 0, "__import__", "name")?,
        "__import__() argument 1",
    )?
    .to_string();
    let fromlist = opt_arg(&args, 3, "fromlist")
        .cloned()
        .unwrap_or(Value::None);
    let level = match opt_arg(&args, 4, "level") {
        Some(Value::Int(i)) => *i as u32,
        _ => 0,
    };
    let globals = crate::objects::DictObj::new();
    crate::vm::import::import_name(vm, &name, level, &fromlist, &globals)
}

fn print(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::None;
    let mut flush = false;
    for (k, v) in args.kw() {
        match k {
            "sep" => match v {
                Value::None => {}
                Value::Str(s) => sep = s.as_str().to_string(),
                o => {
                    return Err(PyErr::type_error(format!(
                        "sep must be None or a string, not {}",
                        o.type_name()
                    )))
                }
            },
            "end" => match v {
                Value::None => {}
                Value::Str(s) => end = s.as_str().to_string(),
                o => {
                    return Err(PyErr::type_error(format!(
                        "end must be None or a string, not {}",
                        o.type_name()
                    )))
                }
            },
            "file" => file = v.clone(),
            "flush" => flush = vm.truthy(v)?,
            other => {
                return Err(PyErr::type_error(format!(
                    "'{other}' is an invalid keyword argument for print()"
                )))
            }
        }
    }
    if file.is_none() {
        file = vm.interp.sys.get("stdout").unwrap_or(Value::None);
    }
    let mut text = String::new();
    for (i, a) in args.pos.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        text.push_str(&vm.str(a)?);
    }
    // Two writes, as CPython: the text, then the line end. Lines from threads can merge.
    write_to(vm, &file, &text)?;
    write_to(vm, &file, &end)?;
    if flush {
        flush_file(vm, &file)?;
    }
    Ok(Value::None)
}

fn input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_max_args(&args, "input", 1)?;
    let stdout = vm.interp.sys.get("stdout").unwrap_or(Value::None);
    if let Some(p) = args.pos.first() {
        let p = vm.str(p)?;
        write_to(vm, &stdout, &p)?;
    }
    flush_file(vm, &stdout)?;
    vm.interp.out.flush_all();
    let mut line = String::new();
    // Shown by thread dumps; never counted towards a deadlock.
    let _reading =
        crate::modules::deadlock::begin_sleep(vm, "reading standard input in input()", None);
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(PyErr::new(ExcKind::EOFError, "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(Value::str(line))
        }
        Err(e) => Err(PyErr::new(ExcKind::OSError, e.to_string())),
    }
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs(&args, "len")?;
    if args.pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "len() takes exactly one argument ({} given)",
            args.pos.len()
        )));
    }
    Ok(Value::Int(vm.len(&args.pos[0])? as i64))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "repr")?;
    Ok(Value::str(vm.repr(v)?))
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "ascii")?;
    let r = vm.repr(v)?;
    let mut out = String::new();
    for c in r.chars() {
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
    Ok(Value::str(out))
}

fn one_arg<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    no_kwargs(args, name)?;
    match args.pos {
        [v] => Ok(v),
        _ => Err(PyErr::type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.pos.len()
        ))),
    }
}

fn id(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "id")?;
    Ok(Value::Int(match v.heap_ptr() {
        Some(p) => p as i64,
        None => match v {
            Value::None => 0x0005_f5e1_f3d0,
            Value::Bool(b) => 0x5f5e_2000 + *b as i64,
            Value::Int(i) => 0x7f00_0000_0000 + i.wrapping_mul(32),
            Value::Float(f) => 0x7e00_0000_0000 + (f.to_bits() as i64 & 0xffff_ffff) * 16,
            _ => 1,
        },
    }))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "hash")?;
    Ok(Value::Int(vm.hash(v)?))
}

fn callable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "callable")?;
    Ok(Value::Bool(match v {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::Instance(_) | Value::Native(_) => {
            v.class().lookup("__call__").is_some() || {
                let _ = vm;
                false
            }
        }
        _ => false,
    }))
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "abs")?;
    match v {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => int::normalize(BigInt::from(*i).abs()),
        }),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::BigInt(b) => Ok(int::normalize(b.abs())),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        _ => match vm.call_special(v, "__abs__", &[])? {
            Some(r) => Ok(r),
            None => Err(PyErr::type_error(format!(
                "bad operand type for abs(): '{}'",
                v.type_name()
            ))),
        },
    }
}

fn all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "all")?;
    let it = vm.get_iter(v)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "any")?;
    let it = vm.get_iter(v)?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match int::to_bigint(v) {
        Some(b) => Ok(b),
        None => match vm.call_special(v, "__index__", &[])? {
            Some(r) => {
                int::to_bigint(&r).ok_or_else(|| PyErr::type_error("__index__ returned non-int"))
            }
            None => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            ))),
        },
    }
}

fn radix(vm: &mut Vm, args: Args, name: &str, prefix: &str, base: u32) -> PyResult<Value> {
    let v = one_arg(&args, name)?;
    let n = int_arg(vm, v)?;
    let digits = n.abs().to_str_radix(base);
    Ok(Value::str(format!(
        "{}{}{}",
        if n.is_negative() { "-" } else { "" },
        prefix,
        digits
    )))
}

fn bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "bin", "0b", 2)
}
fn oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "oct", "0o", 8)
}
fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "hex", "0x", 16)
}

fn chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "chr")?;
    let n = int_arg(vm, v)?;
    match n.to_u32().and_then(char::from_u32) {
        Some(c) => Ok(Value::str(c.to_string())),
        None => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "ord")?;
    match v {
        Value::Str(s) => {
            let n = s.char_len();
            if n != 1 {
                return Err(PyErr::type_error(format!(
                    "ord() expected a character, but string of length {n} found"
                )));
            }
            Ok(Value::Int(
                s.as_str().chars().next().map_or(0, |c| c as i64),
            ))
        }
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        Value::Bytes(b) => Err(PyErr::type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        ))),
        other => Err(PyErr::type_error(format!(
            "ord() expected string of length 1, but {} found",
            other.type_name()
        ))),
    }
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs(&args, "divmod")?;
    let [a, b] = args.pos else {
        return Err(PyErr::type_error(format!(
            "divmod expected 2 arguments, got {}",
            args.pos.len()
        )));
    };
    if let (Some(_), Some(_)) = (as_number(a), as_number(b)) {
        let q = vm.binop(crate::parser::ast::BinOp::FloorDiv, a, b)?;
        let r = vm.binop(crate::parser::ast::BinOp::Mod, a, b)?;
        return Ok(Value::tuple(vec![q, r]));
    }
    if let Some(r) = vm.call_special(a, "__divmod__", std::slice::from_ref(b))? {
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    if let Some(r) = vm.call_special(b, "__rdivmod__", std::slice::from_ref(a))? {
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        a.type_name(),
        b.type_name()
    )))
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let base = arg(&args, 0, "pow", "base")?;
    let exp = arg(&args, 1, "pow", "exp")?;
    match opt_arg(&args, 2, "mod") {
        None | Some(Value::None) => vm.binop(crate::parser::ast::BinOp::Pow, base, exp),
        Some(m) => {
            let (Some(b), Some(e), Some(m)) =
                (int::to_bigint(base), int::to_bigint(exp), int::to_bigint(m))
            else {
                return Err(PyErr::type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            if m.is_zero() {
                return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
            }
            let m_abs = m.abs();
            let (b, e) = if e.is_negative() {
                (mod_inverse(&b, &m_abs)?, -e)
            } else {
                (b, e)
            };
            let r = num_integer::Integer::mod_floor(&b, &m_abs).modpow(&e, &m_abs);
            // The result takes the sign of the modulus, as CPython's.
            let r = if m.is_negative() && !r.is_zero() {
                r + &m
            } else {
                r
            };
            Ok(int::normalize(r))
        }
    }
}

fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = arg(&args, 0, "round", "number")?;
    let nd = opt_arg(&args, 1, "ndigits").filter(|v| !v.is_none());
    match (x, nd) {
        (Value::Float(f), None) => {
            if f.is_nan() {
                return Err(PyErr::value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(PyErr::overflow_error(
                    "cannot convert float infinity to integer",
                ));
            }
            let r = float::round_half_even(*f);
            Ok(float_to_int(r))
        }
        (Value::Float(f), Some(n)) => {
            let n = vm.index_of(n, "'float' object cannot be interpreted as an integer")?;
            Ok(Value::Float(float::round_digits(*f, n)))
        }
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), None) => Ok(match x {
            Value::Bool(b) => Value::Int(*b as i64),
            _ => x.clone(),
        }),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), Some(n)) => {
            let n = vm.index_of(n, "integer argument expected")?;
            if n >= 0 {
                return Ok(x.clone());
            }
            let v = int::to_bigint(x).unwrap_or_default();
            let p = num_traits::pow(BigInt::from(10), (-n).min(4000) as usize);
            let (q, r) = num_integer::Integer::div_mod_floor(&v, &p);
            let twice = &r * 2;
            let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) {
                q + 1
            } else {
                q
            };
            Ok(int::normalize(q * p))
        }
        _ => {
            let mut extra = vec![];
            if let Some(n) = nd {
                extra.push(n.clone());
            }
            match vm.call_special(x, "__round__", &extra)? {
                Some(r) => Ok(r),
                // A subclass of int or float rounds its payload.
                None if crate::vm::ops::base_value(x).is_some_and(|b| !b.is_none()) => {
                    let mut call = vec![crate::vm::ops::base_value(x)
                        .cloned()
                        .unwrap_or(Value::None)];
                    call.extend(extra);
                    round(vm, Args::new(&call))
                }
                None => Err(PyErr::type_error(format!(
                    "type {} doesn't define __round__ method",
                    x.type_name()
                ))),
            }
        }
    }
}

/// An integral float as an int value (exact, arbitrarily large).
pub fn float_to_int(f: f64) -> Value {
    if f.abs() < 9.0e18 {
        Value::Int(f as i64)
    } else {
        int::normalize(num_traits::FromPrimitive::from_f64(f).unwrap_or_default())
    }
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arg(&args, 0, "format", "value")?;
    let spec = match opt_arg(&args, 1, "format_spec") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(o) => {
            return Err(PyErr::type_error(format!(
                "format() argument 2 must be str, not {}",
                o.type_name()
            )))
        }
        None => String::new(),
    };
    Ok(Value::str(super::format::format_value(vm, v, &spec)?))
}

fn attr_name(v: &Value) -> PyResult<&str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        o => Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            o.type_name()
        ))),
    }
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = arg(&args, 0, "getattr", "object")?;
    let name = attr_name(arg(&args, 1, "getattr", "name")?)?;
    match args.pos.get(2) {
        Some(default) => match vm.getattr_opt(obj, name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(default.clone()),
            Err(e) if e.is(ExcKind::AttributeError) => Ok(default.clone()),
            Err(e) => Err(e),
        },
        None => vm.getattr(obj, name),
    }
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, name, v] = args.pos else {
        return Err(PyErr::type_error(format!(
            "setattr expected 3 arguments, got {}",
            args.pos.len()
        )));
    };
    let name = attr_name(name)?;
    vm.setattr(obj, name, v.clone())?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, name] = args.pos else {
        return Err(PyErr::type_error(format!(
            "hasattr expected 2 arguments, got {}",
            args.pos.len()
        )));
    };
    let name = attr_name(name)?;
    match vm.getattr_opt(obj, name) {
        Ok(v) => Ok(Value::Bool(v.is_some())),
        Err(e) if e.is(ExcKind::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, name] = args.pos else {
        return Err(PyErr::type_error(format!(
            "delattr expected 2 arguments, got {}",
            args.pos.len()
        )));
    };
    vm.delattr(obj, attr_name(name)?)?;
    Ok(Value::None)
}

fn globals(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    // Replaced by the eval loop, which knows the calling frame (see eval::frame_intrinsic).
    Err(PyErr::runtime_error("globals(): no current frame"))
}

fn locals(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(PyErr::runtime_error("locals(): no current frame"))
}

fn vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::check_max_args(&args, "vars", 1)?;
    let v = one_arg(&args, "vars")?;
    match vm.getattr_opt(v, "__dict__")? {
        Some(d) => Ok(d),
        None => Err(PyErr::type_error(
            "vars() argument must have __dict__ attribute",
        )),
    }
}

fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "dir")?;
    let names = super::dir_of(vm, v)?;
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}

fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs(&args, "isinstance")?;
    let [obj, cls] = args.pos else {
        return Err(PyErr::type_error(format!(
            "isinstance expected 2 arguments, got {}",
            args.pos.len()
        )));
    };
    Ok(Value::Bool(instance_check(vm, obj, cls)?))
}

pub fn instance_check(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    match cls {
        Value::Class(c) => {
            let oc = obj.class();
            if oc.is_subclass(c) {
                return Ok(true);
            }
            // bool is an int, and a subclass instance of a builtin counts via its payload.
            if let Some(m) = &c.meta {
                if let Some(f) = m.lookup("__instancecheck__") {
                    let r = vm.call(&f, Args::new(&[cls.clone(), obj.clone()]))?;
                    return vm.truthy(&r);
                }
            }
            Ok(false)
        }
        Value::Tuple(t) => {
            for c in t.items.iter() {
                if instance_check(vm, obj, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(PyErr::type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        )),
    }
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs(&args, "issubclass")?;
    let [sub, cls] = args.pos else {
        return Err(PyErr::type_error(format!(
            "issubclass expected 2 arguments, got {}",
            args.pos.len()
        )));
    };
    let Value::Class(s) = sub else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    fn check(vm: &mut Vm, s: &Arc<crate::objects::Class>, cls: &Value) -> PyResult<bool> {
        match cls {
            Value::Class(c) => {
                if s.is_subclass(c) {
                    return Ok(true);
                }
                // A metaclass's `__subclasscheck__` (abc.ABCMeta's registered virtual subclasses).
                if let Some(m) = &c.meta {
                    if let Some(f) = m.lookup("__subclasscheck__") {
                        let r = vm.call(&f, Args::new(&[cls.clone(), Value::Class(s.clone())]))?;
                        return vm.truthy(&r);
                    }
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                for c in t.items.iter() {
                    if check(vm, s, c)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(PyErr::type_error(
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            )),
        }
    }
    Ok(Value::Bool(check(vm, s, cls)?))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs(&args, "iter")?;
    match args.pos {
        [v] => vm.get_iter(v),
        [f, sentinel] => {
            let ok = callable(vm, Args::new(std::slice::from_ref(f)))?;
            if !matches!(ok, Value::Bool(true)) {
                return Err(PyErr::type_error("iter(v, w): v must be callable"));
            }
            Ok(Value::new_iter(IterKind::Callable {
                func: f.clone(),
                sentinel: sentinel.clone(),
            }))
        }
        _ => Err(PyErr::type_error(format!(
            "iter expected at most 2 arguments, got {}",
            args.pos.len()
        ))),
    }
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs(&args, "next")?;
    let (it, default) = match args.pos {
        [it] => (it, None),
        [it, d] => (it, Some(d)),
        _ => {
            return Err(PyErr::type_error(format!(
                "next expected at most 2 arguments, got {}",
                args.pos.len()
            )))
        }
    };
    let is_iter = matches!(it, Value::Native(_)) || vm.special(it, "__next__").is_some();
    if !is_iter {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            it.type_name()
        )));
    }
    if default.is_none() {
        if let Some(g) = it.as_native::<crate::vm::generator::Generator>() {
            // A generator's return value travels in the StopIteration.
            return match g.resume(vm, Value::None, None)? {
                crate::vm::generator::Resumed::Yield(v) => Ok(v),
                crate::vm::generator::Resumed::Return(v) => {
                    Err(PyErr::stop_iteration(if v.is_none() {
                        None
                    } else {
                        Some(v)
                    }))
                }
            };
        }
    }
    match it {
        // A user iterator's StopIteration (with its value) propagates unchanged.
        Value::Instance(_) if default.is_none() => {
            let f = vm.special(it, "__next__").unwrap_or(Value::None);
            vm.call(&f, Args::new(std::slice::from_ref(it)))
        }
        _ => match vm.next(it)? {
            Some(v) => Ok(v),
            None => match default {
                Some(d) => Ok(d.clone()),
                None => Err(PyErr::stop_iteration(None)),
            },
        },
    }
}

/// A stable merge sort whose comparison may fail or be inconsistent without panicking.
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let keys: Vec<Value> = match key {
        Some(k) if !k.is_none() => {
            let mut ks = Vec::with_capacity(items.len());
            for it in &items {
                ks.push(vm.call(k, Args::new(std::slice::from_ref(it)))?);
            }
            ks
        }
        _ => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut err: Option<PyErr> = None;
    // before(a, b): must a come before b? Ties keep their order (stable).
    let mut before = |vm: &mut Vm, a: usize, b: usize| -> bool {
        if err.is_some() {
            return false;
        }
        let r = if reverse {
            vm.less_than(&keys[b], &keys[a])
        } else {
            vm.less_than(&keys[a], &keys[b])
        };
        match r {
            Ok(v) => v,
            Err(e) => {
                err = Some(e);
                false
            }
        }
    };
    merge_sort(vm, &mut idx, &mut before);
    if let Some(e) = err {
        return Err(e);
    }
    let mut slots: Vec<Option<Value>> = items.into_iter().map(Some).collect();
    Ok(idx
        .into_iter()
        .map(|i| slots[i].take().unwrap_or(Value::None))
        .collect())
}

fn merge_sort(vm: &mut Vm, v: &mut [usize], before: &mut dyn FnMut(&mut Vm, usize, usize) -> bool) {
    let n = v.len();
    if n <= 16 {
        // Insertion sort: moves an element left only past elements it strictly precedes.
        for i in 1..n {
            let mut j = i;
            while j > 0 && before(vm, v[j], v[j - 1]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mid = n / 2;
    merge_sort(vm, &mut v[..mid], before);
    merge_sort(vm, &mut v[mid..], before);
    let left = v[..mid].to_vec();
    let right = v[mid..].to_vec();
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        // Take from the right only when it strictly precedes: stability.
        if before(vm, right[j], left[i]) {
            v[k] = right[j];
            j += 1;
        } else {
            v[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    while i < left.len() {
        v[k] = left[i];
        i += 1;
        k += 1;
    }
    while j < right.len() {
        v[k] = right[j];
        j += 1;
        k += 1;
    }
}

fn sorted(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "sorted expected 1 argument, got {}",
            args.pos.len()
        )));
    }
    let mut key = None;
    let mut reverse = false;
    for (k, v) in args.kw() {
        match k {
            "key" => key = Some(v),
            "reverse" => reverse = vm.truthy(v)?,
            other => {
                return Err(PyErr::type_error(format!(
                    "sort() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let items = vm.collect(&args.pos[0])?;
    Ok(Value::list(sort_values(vm, items, key, reverse)?))
}

fn sum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = arg(&args, 0, "sum", "iterable")?;
    let mut acc = opt_arg(&args, 1, "start").cloned().unwrap_or(Value::Int(0));
    match &acc {
        Value::Str(_) => {
            return Err(PyErr::type_error(
                "sum() can't sum strings [use ''.join(seq) instead]",
            ))
        }
        Value::Bytes(_) => {
            return Err(PyErr::type_error(
                "sum() can't sum bytes [use b''.join(seq) instead]",
            ))
        }
        _ => {}
    }
    // Lists and tuples are read by index, as their iterators do; runs of machine ints or
    // floats are added under one lock session (no Python code can run for those).
    if matches!(it, Value::List(_) | Value::Tuple(_)) {
        let mut i = 0;
        loop {
            let next = match it {
                Value::List(l) => {
                    let g = l.lock();
                    add_native_run(&mut acc, &g, &mut i);
                    g.get(i).cloned()
                }
                Value::Tuple(t) => {
                    add_native_run(&mut acc, &t.items, &mut i);
                    t.items.get(i).cloned()
                }
                _ => None,
            };
            let Some(x) = next else {
                return Ok(acc);
            };
            i += 1;
            acc = vm.binop(crate::parser::ast::BinOp::Add, &acc, &x)?;
        }
    }
    let iter = vm.get_iter(it)?;
    while let Some(x) = vm.next(&iter)? {
        acc = match (&acc, &x) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            _ => vm.binop(crate::parser::ast::BinOp::Add, &acc, &x)?,
        };
    }
    Ok(acc)
}

/// Adds `items[*i..]` to `acc` while both are machine ints (without overflow) or floats;
/// leaves `*i` at the first item that needs the general `+`.
fn add_native_run(acc: &mut Value, items: &[Value], i: &mut usize) {
    while let Some(x) = items.get(*i) {
        *acc = match (&*acc, x) {
            (Value::Int(a), Value::Int(b)) => match a.checked_add(*b) {
                Some(r) => Value::Int(r),
                None => return,
            },
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            _ => return,
        };
        *i += 1;
    }
}

fn min_max(vm: &mut Vm, args: Args, is_max: bool) -> PyResult<Value> {
    let name = if is_max { "max" } else { "min" };
    let mut key = None;
    let mut default = None;
    for (k, v) in args.kw() {
        match k {
            "key" => key = Some(v.clone()).filter(|v| !v.is_none()),
            "default" => default = Some(v.clone()),
            other => {
                return Err(PyErr::type_error(format!(
                    "{name}() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let items = match args.pos {
        [] => {
            return Err(PyErr::type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )))
        }
        [single] => vm.collect(single)?,
        many => {
            if default.is_some() {
                return Err(PyErr::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            many.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let k = match &key {
            Some(f) => vm.call(f, Args::new(std::slice::from_ref(&it)))?,
            None => it.clone(),
        };
        match &best {
            None => best = Some((k, it)),
            Some((bk, _)) => {
                // CPython asks `item > best` for max and `item < best` for min.
                let op = if is_max {
                    crate::parser::ast::CmpOp::Gt
                } else {
                    crate::parser::ast::CmpOp::Lt
                };
                let r = vm.compare(op, &k, bk)?;
                let better = vm.truthy(&r)?;
                if better {
                    best = Some((k, it));
                }
            }
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(PyErr::value_error(format!(
                "{name}() arg is an empty sequence"
            ))),
        },
    }
}

fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, true)
}
fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, false)
}

/// Number helpers other builtins share.
pub fn num_to_float(v: &Value) -> Option<f64> {
    match as_number(v)? {
        Num::I(i) => Some(i as f64),
        Num::B(b) => b.to_f64(),
        Num::F(f) => Some(f),
    }
}

/// The inverse of `b` modulo `m` (for `pow(b, -e, m)`), by the extended Euclidean algorithm.
fn mod_inverse(b: &BigInt, m: &BigInt) -> PyResult<BigInt> {
    let (mut old_r, mut r) = (num_integer::Integer::mod_floor(b, m), m.clone());
    let (mut old_s, mut s) = (BigInt::from(1), BigInt::zero());
    while !r.is_zero() {
        let q = num_integer::Integer::div_floor(&old_r, &r);
        let nr = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, nr);
        let ns = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, ns);
    }
    if old_r != BigInt::from(1) {
        return Err(PyErr::value_error(
            "base is not invertible for the given modulus",
        ));
    }
    Ok(num_integer::Integer::mod_floor(&old_s, m))
}
