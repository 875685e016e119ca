//! Constructors of the builtin types: what `int(...)`, `list(...)`, `type(...)` do.

use super::{arg, check_max_args, opt_arg};
use crate::objects::class::types;
use crate::objects::descr::{ClassMethod, Property, StaticMethod, Super};
use crate::objects::function::{Args, NativeFn};
use crate::objects::int::{self, parse_int};
use crate::objects::iter::{IterKind, IterObj};
use crate::objects::{Class, DictObj, ExcKind, PyErr, PyResult, RangeObj, SetObj, SliceObj, Value};
use crate::vm::Vm;
use parking_lot::RwLock;
use std::sync::Arc;

pub fn constructor(cls: &Arc<Class>) -> Option<NativeFn> {
    let t = types();
    let table: [(&Arc<Class>, NativeFn); 20] = [
        (&t.int, new_int),
        (&t.bool, new_bool),
        (&t.float, new_float),
        (&t.str, new_str),
        (&t.list, new_list),
        (&t.tuple, new_tuple),
        (&t.dict, new_dict),
        (&t.set, new_set),
        (&t.frozenset, new_frozenset),
        (&t.range, new_range),
        (&t.slice, new_slice),
        (&t.object, new_object),
        (&t.type_, new_type),
        (&t.bytes, new_bytes),
        (&t.property, new_property),
        (&t.staticmethod, new_staticmethod),
        (&t.classmethod, new_classmethod),
        (&t.super_, new_super),
        (&t.complex, new_complex),
        (&t.none_type, |_, _| Ok(Value::None)),
    ];
    for (c, f) in table {
        if Arc::ptr_eq(c, cls) {
            return Some(f);
        }
    }
    match &*cls.name {
        "enumerate" => Some(new_enumerate),
        "zip" => Some(new_zip),
        "map" => Some(new_map),
        "filter" => Some(new_filter),
        "reversed" => Some(new_reversed),
        _ => None,
    }
}

fn new_int(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_max_args(&args, "int", 2)?;
    let Some(x) = opt_arg(&args, 0, "x") else {
        return Ok(Value::Int(0));
    };
    let base = opt_arg(&args, 1, "base");
    if let Some(b) = base {
        let b = vm.index_of(b, "'base' must be an integer")?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(PyErr::value_error(
                "int() base must be >= 2 and <= 36, or 0",
            ));
        }
        let text = match x {
            Value::Str(s) => s.as_str().to_string(),
            Value::Bytes(b) => String::from_utf8_lossy(b).to_string(),
            _ => {
                return Err(PyErr::type_error(
                    "int() can't convert non-string with explicit base",
                ))
            }
        };
        return parse_int(&text, b as u32).ok_or_else(|| {
            PyErr::value_error(format!(
                "invalid literal for int() with base {}: {}",
                b,
                crate::objects::str::repr(&text)
            ))
        });
    }
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(PyErr::value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(PyErr::overflow_error(
                    "cannot convert float infinity to integer",
                ));
            }
            Ok(super::functions::float_to_int(f.trunc()))
        }
        Value::Str(s) => parse_int(s.as_str(), 10).ok_or_else(|| {
            PyErr::value_error(format!(
                "invalid literal for int() with base 10: {}",
                crate::objects::str::repr(s.as_str())
            ))
        }),
        Value::Bytes(b) => parse_int(&String::from_utf8_lossy(b), 10).ok_or_else(|| {
            PyErr::value_error(format!(
                "invalid literal for int() with base 10: {}",
                crate::objects::str::bytes_repr(b)
            ))
        }),
        _ => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(r) = vm.call_special(x, name, &[])? {
                    return Ok(r);
                }
            }
            if let Some(b) = crate::vm::ops::base_value(x).cloned() {
                return new_int(vm, Args::new(&[b]));
            }
            Err(PyErr::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                x.type_name()
            )))
        }
    }
}

fn new_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_max_args(&args, "bool", 1)?;
    match args.pos.first() {
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
        None => Ok(Value::Bool(false)),
    }
}

/// Parses a float literal as `float()` accepts it.
pub fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    let special = match body {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if neg { -v } else { v });
    }
    if t.is_empty() || t.contains("__") || t.starts_with('_') || t.ends_with('_') {
        return None;
    }
    let clean: String = t.chars().filter(|&c| c != '_').collect();
    if !clean
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
    {
        return None;
    }
    clean.parse::<f64>().ok()
}

fn new_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_max_args(&args, "float", 1)?;
    let Some(x) = args.pos.first() else {
        return Ok(Value::Float(0.0));
    };
    match x {
        Value::Float(_) => Ok(x.clone()),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        Value::BigInt(_) => {
            let n = int::as_number(x).ok_or_else(|| PyErr::type_error("bad int"))?;
            Ok(Value::Float(crate::vm::ops::num_to_f64(&n)?))
        }
        Value::Str(s) => parse_float(s.as_str()).map(Value::Float).ok_or_else(|| {
            PyErr::value_error(format!(
                "could not convert string to float: {}",
                crate::objects::str::repr(s.as_str())
            ))
        }),
        _ => {
            if let Some(r) = vm.call_special(x, "__float__", &[])? {
                return Ok(r);
            }
            if let Some(r) = vm.call_special(x, "__index__", &[])? {
                return new_float(vm, Args::new(&[r]));
            }
            Err(PyErr::type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                x.type_name()
            )))
        }
    }
}

fn new_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_max_args(&args, "str", 3)?;
    let Some(x) = opt_arg(&args, 0, "object") else {
        return Ok(Value::str(""));
    };
    if let (Value::Bytes(b), Some(_)) = (x, opt_arg(&args, 1, "encoding")) {
        return match String::from_utf8(b.to_vec()) {
            Ok(s) => Ok(Value::str(s)),
            Err(_) => Err(PyErr::new(
                ExcKind::UnicodeDecodeError,
                "'utf-8' codec can't decode bytes",
            )),
        };
    }
    Ok(Value::str(vm.str(x)?))
}

fn new_list(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_max_args(&args, "list", 1)?;
    match args.pos.first() {
        Some(v) => Ok(Value::list(vm.collect(v)?)),
        None => Ok(Value::list(vec![])),
    }
}

fn new_tuple(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_max_args(&args, "tuple", 1)?;
    match args.pos.first() {
        Some(v @ Value::Tuple(_)) => Ok(v.clone()),
        Some(v) => Ok(Value::tuple(vm.collect(v)?)),
        None => Ok(Value::tuple(vec![])),
    }
}

fn new_dict(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_max_args(&args, "dict", 1)?;
    let d = Arc::new(DictObj::new());
    if let Some(src) = args.pos.first() {
        vm.dict_update(&d, src)?;
    }
    for (k, v) in args.kw() {
        d.set_str(k, v.clone());
    }
    Ok(Value::Dict(d))
}

pub fn set_from(vm: &mut Vm, src: Option<&Value>, frozen: bool) -> PyResult<Value> {
    let s = Arc::new(SetObj::new(frozen));
    if let Some(src) = src {
        if let Value::Set(o) = src {
            // Laid out as CPython's set_copy does, for the same iteration order.
            return Ok(Value::Set(super::set_methods::copy_set(o, frozen)));
        }
        for x in vm.collect(src)? {
            vm.set_add(&s, x)?;
        }
    }
    Ok(Value::Set(s))
}

fn new_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_max_args(&args, "set", 1)?;
    if args.has_kw() {
        return Err(PyErr::type_error("set() takes no keyword arguments"));
    }
    set_from(vm, args.pos.first(), false)
}

fn new_frozenset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_max_args(&args, "frozenset", 1)?;
    set_from(vm, args.pos.first(), true)
}

fn new_range(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kw() {
        return Err(PyErr::type_error("range() takes no keyword arguments"));
    }
    let msg = |v: &Value| {
        format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        )
    };
    let mut ints = Vec::with_capacity(3);
    for a in args.pos {
        ints.push(match a {
            Value::Int(i) => Value::Int(*i),
            Value::Bool(b) => Value::Int(*b as i64),
            Value::BigInt(b) => Value::BigInt(b.clone()),
            other => match vm.opt_index_big(other, &msg(other)) {
                Ok(Some(b)) => crate::objects::int::normalize(b),
                Ok(None) => return Err(PyErr::type_error(msg(other))),
                Err(e) => return Err(e),
            },
        });
    }
    let zero = Value::Int(0);
    let one = Value::Int(1);
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (&zero, stop, &one),
        [start, stop] => (start, stop, &one),
        [start, stop, step] => (start, stop, step),
        [] => {
            return Err(PyErr::type_error(
                "range expected at least 1 argument, got 0",
            ))
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "range expected at most 3 arguments, got {}",
                ints.len()
            )))
        }
    };
    if matches!(step, Value::Int(0)) {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    let r = match (start, stop, step) {
        (Value::Int(start), Value::Int(stop), Value::Int(step)) => RangeObj::Small {
            start: *start,
            stop: *stop,
            step: *step,
        },
        _ => {
            let big = |v: &Value| crate::objects::int::to_bigint(v).unwrap_or_default();
            RangeObj::new(big(start), big(stop), big(step))
        }
    };
    Ok(Value::Range(Arc::new(r)))
}

fn new_slice(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (start, stop, step) = match args.pos {
        [stop] => (Value::None, stop.clone(), Value::None),
        [a, b] => (a.clone(), b.clone(), Value::None),
        [a, b, c] => (a.clone(), b.clone(), c.clone()),
        _ => {
            return Err(PyErr::type_error(
                "slice expected at least 1 argument, got 0",
            ))
        }
    };
    Ok(Value::Slice(Arc::new(SliceObj { start, stop, step })))
}

fn new_object(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.pos.is_empty() || args.has_kw() {
        return Err(PyErr::type_error("object() takes no arguments"));
    }
    Ok(crate::vm::call::new_instance(&types().object, &[]))
}

fn new_type(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::vm::typenew::type_call_builtin(vm, args)
}

fn new_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(x) = opt_arg(&args, 0, "source") else {
        return Ok(Value::Bytes(Arc::new(vec![])));
    };
    match x {
        Value::Str(s) => {
            if opt_arg(&args, 1, "encoding").is_none() {
                return Err(PyErr::type_error("string argument without an encoding"));
            }
            Ok(Value::Bytes(Arc::new(s.as_str().as_bytes().to_vec())))
        }
        Value::Int(n) => {
            if *n < 0 {
                return Err(PyErr::value_error("negative count"));
            }
            Ok(Value::Bytes(Arc::new(vec![0; *n as usize])))
        }
        Value::Bytes(_) => Ok(x.clone()),
        _ => {
            let mut out = Vec::new();
            for v in vm.collect(x)? {
                match v {
                    Value::Int(i) if (0..256).contains(&i) => out.push(i as u8),
                    Value::Int(_) => {
                        return Err(PyErr::value_error("bytes must be in range(0, 256)"))
                    }
                    other => {
                        return Err(PyErr::type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            other.type_name()
                        )))
                    }
                }
            }
            Ok(Value::Bytes(Arc::new(out)))
        }
    }
}

fn new_property(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let get = |i, n| opt_arg(&args, i, n).cloned().unwrap_or(Value::None);
    Ok(Value::Native(Arc::new(Property::new(
        get(0, "fget"),
        get(1, "fset"),
        get(2, "fdel"),
        get(3, "doc"),
    ))))
}

fn new_staticmethod(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = arg(&args, 0, "staticmethod", "function")?.clone();
    Ok(Value::Native(Arc::new(StaticMethod {
        func: f,
        dict: RwLock::new(vec![]),
    })))
}

fn new_classmethod(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = arg(&args, 0, "classmethod", "function")?.clone();
    Ok(Value::Native(Arc::new(ClassMethod { func: f })))
}

fn new_super(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos {
        [Value::Class(c), obj] => make_super(c.clone(), obj.clone()),
        [] => Err(PyErr::runtime_error("super(): no arguments")),
        [_, _] => Err(PyErr::type_error("super() argument 1 must be a type")),
        _ => Err(PyErr::type_error("super() takes 1 or 2 arguments")),
    }
}

pub fn make_super(this: Arc<Class>, obj: Value) -> PyResult<Value> {
    let obj_class = match &obj {
        Value::Class(c) if c.is_subclass(&this) => c.clone(),
        other => {
            let c = other.class();
            if !c.is_subclass(&this) {
                return Err(PyErr::type_error(
                    "super(type, obj): obj must be an instance or subtype of type",
                ));
            }
            c
        }
    };
    Ok(Value::Native(Arc::new(Super {
        this_class: this,
        obj,
        obj_class,
    })))
}

fn new_complex(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(PyErr::new(
        ExcKind::NotImplementedError,
        "complex numbers are not supported by pyt",
    ))
}

fn new_enumerate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = arg(&args, 0, "enumerate", "iterable")?;
    let start = match opt_arg(&args, 1, "start") {
        Some(v) => vm.index_of(
            v,
            &format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            ),
        )?,
        None => 0,
    };
    let inner = vm.get_iter(it)?;
    Ok(Value::Native(Arc::new(IterObj::with_pos(
        IterKind::Enumerate(inner),
        start,
    ))))
}

fn new_zip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let strict = match args.get_kw("strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut iters = Vec::with_capacity(args.pos.len());
    for (i, a) in args.pos.iter().enumerate() {
        iters.push(vm.get_iter(a).map_err(|e| {
            if e.is(ExcKind::TypeError) {
                PyErr::type_error(format!("zip argument #{} must support iteration", i + 1))
            } else {
                e
            }
        })?);
    }
    Ok(Value::new_iter(IterKind::Zip { iters, strict }))
}

fn new_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let func = args.pos[0].clone();
    let mut iters = Vec::new();
    for a in &args.pos[1..] {
        iters.push(vm.get_iter(a)?);
    }
    Ok(Value::new_iter(IterKind::Map { func, iters }))
}

fn new_filter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [func, it] = args.pos else {
        return Err(PyErr::type_error(format!(
            "filter expected 2 arguments, got {}",
            args.pos.len()
        )));
    };
    let iter = vm.get_iter(it)?;
    Ok(Value::new_iter(IterKind::Filter {
        func: func.clone(),
        iter,
    }))
}

fn new_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [seq] = args.pos else {
        return Err(PyErr::type_error(format!(
            "reversed expected 1 argument, got {}",
            args.pos.len()
        )));
    };
    match seq {
        Value::List(l) => Ok(Value::new_iter(IterKind::ListReversed(l.clone()))),
        Value::Range(r) => Ok(Value::new_iter(r.reversed_kind())),
        Value::Dict(d) => {
            let keys: Vec<Value> = d.keys().into_iter().rev().collect();
            Ok(Value::new_iter(IterKind::Tuple(Arc::new(
                crate::objects::TupleObj::new(keys),
            ))))
        }
        _ => {
            if let Some(r) = vm.call_special(seq, "__reversed__", &[])? {
                return Ok(r);
            }
            let has_getitem = matches!(seq, Value::Tuple(_) | Value::Str(_) | Value::Bytes(_))
                || vm.special(seq, "__getitem__").is_some();
            if !has_getitem {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not reversible",
                    seq.type_name()
                )));
            }
            let n = vm.len(seq)?;
            let it = IterObj::new(IterKind::SeqReversed(seq.clone()));
            it.state.lock().version = Some(n as u64);
            Ok(Value::Native(Arc::new(it)))
        }
    }
}
