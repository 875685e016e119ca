//! The methods of `int` (and so `bool`) and `float`: `bit_length`, `to_bytes`/`from_bytes`,
//! `as_integer_ratio`, `is_integer`, `hex`/`fromhex`, and the numeric dunders, which forward
//! to the VM's arithmetic and return `NotImplemented` for operands of foreign types (as
//! `int.__add__(1, 1.5)` does in CPython).

use super::add_methods;
use super::float_hex;
use super::method_args::{index_arg, this, wrong_self};
use crate::objects::class::types;
use crate::objects::descr::ClassMethod;
use crate::objects::function::{Args, NativeFn};
use crate::objects::int::to_bigint;
use crate::objects::{Builtin, ExcKind, PyErr, PyResult, Value};
use crate::parser::ast::{BinOp, CmpOp};
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};
use std::sync::Arc;

/// `to_bytes` refuses lengths above this many bytes (CPython would try to allocate them).
const MAX_TO_BYTES: usize = 1 << 28;

macro_rules! binops {
    ($($name:ident, $rname:ident, $op:expr);* $(;)?) => {
        $(
            fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                arith(vm, &args, $op, false)
            }
            fn $rname(vm: &mut Vm, args: Args) -> PyResult<Value> {
                arith(vm, &args, $op, true)
            }
        )*
    };
}

binops! {
    add, radd, BinOp::Add;
    sub, rsub, BinOp::Sub;
    mul, rmul, BinOp::Mult;
    truediv, rtruediv, BinOp::Div;
    floordiv, rfloordiv, BinOp::FloorDiv;
    modulo, rmodulo, BinOp::Mod;
    lshift, rlshift, BinOp::LShift;
    rshift, rrshift, BinOp::RShift;
    and, rand, BinOp::BitAnd;
    or, ror, BinOp::BitOr;
    xor, rxor, BinOp::BitXor;
}

macro_rules! cmps {
    ($($name:ident, $op:expr);* $(;)?) => {
        $(
            fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                compare(vm, &args, $op)
            }
        )*
    };
}

cmps! {
    eq, CmpOp::Eq;
    ne, CmpOp::NotEq;
    lt, CmpOp::Lt;
    le, CmpOp::LtE;
    gt, CmpOp::Gt;
    ge, CmpOp::GtE;
}

pub fn install() {
    let shared: &[(&'static str, NativeFn)] = &[
        ("__add__", add),
        ("__radd__", radd),
        ("__sub__", sub),
        ("__rsub__", rsub),
        ("__mul__", mul),
        ("__rmul__", rmul),
        ("__truediv__", truediv),
        ("__rtruediv__", rtruediv),
        ("__floordiv__", floordiv),
        ("__rfloordiv__", rfloordiv),
        ("__mod__", modulo),
        ("__rmod__", rmodulo),
        ("__divmod__", divmod),
        ("__rdivmod__", rdivmod),
        ("__pow__", pow),
        ("__rpow__", rpow),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__hash__", hash),
        ("__neg__", neg),
        ("__pos__", pos),
        ("__abs__", abs),
        ("__bool__", bool_),
        ("__int__", int_),
        ("__float__", float_),
        ("__trunc__", trunc),
        ("__floor__", floor),
        ("__ceil__", ceil),
        ("__round__", round),
        ("conjugate", conjugate),
        ("as_integer_ratio", as_integer_ratio),
    ];
    let int_only: &[(&'static str, NativeFn)] = &[
        ("__lshift__", lshift),
        ("__rlshift__", rlshift),
        ("__rshift__", rshift),
        ("__rrshift__", rrshift),
        ("__and__", and),
        ("__rand__", rand),
        ("__or__", or),
        ("__ror__", ror),
        ("__xor__", xor),
        ("__rxor__", rxor),
        ("__invert__", invert),
        ("__index__", int_),
        ("bit_length", bit_length),
        ("bit_count", bit_count),
        ("to_bytes", to_bytes),
    ];
    let float_only: &[(&'static str, NativeFn)] =
        &[("is_integer", is_integer), ("hex", float_hex::hex)];
    let t = types();
    add_methods(&t.int, "int", shared);
    add_methods(&t.int, "int", int_only);
    add_methods(&t.float, "float", shared);
    add_methods(&t.float, "float", float_only);
    for (cls, name, f) in [
        (&t.int, "from_bytes", from_bytes as NativeFn),
        (&t.float, "fromhex", float_hex::fromhex as NativeFn),
    ] {
        let mut b = Builtin::new(name, f);
        b.owner = Some(if name == "fromhex" { "float" } else { "int" });
        let cm = ClassMethod {
            func: Value::Builtin(Arc::new(b)),
        };
        cls.dict.set_str(name, Value::Native(Arc::new(cm)));
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

/// The number inside `v` (itself, or a subclass instance's payload).
fn inner(v: &Value) -> &Value {
    crate::vm::ops::base_value(v).unwrap_or(v)
}

/// `self` of an int or float method, and whether it is a float.
fn me<'a>(args: &'a Args, name: &str) -> PyResult<(&'a Value, bool)> {
    let v = this(args, "int", name)?;
    match v {
        Value::Float(_) => Ok((v, true)),
        v if is_int(v) => Ok((v, false)),
        other => Err(wrong_self("int", name, other)),
    }
}

/// An operand the receiving type can combine with (ints with ints; floats with both).
fn accepts(float_self: bool, v: &Value) -> bool {
    is_int(v) || (float_self && matches!(v, Value::Float(_)))
}

fn arith(vm: &mut Vm, args: &Args, op: BinOp, reflected: bool) -> PyResult<Value> {
    let (a, fl) = me(args, op.symbol())?;
    let Some(b) = args.pos.get(1).map(inner) else {
        return Err(PyErr::type_error("expected 1 argument, got 0"));
    };
    if !accepts(fl, b) {
        return Ok(Value::NotImplemented);
    }
    let (a, b) = if fl && is_int(b) {
        (a.clone(), Value::Float(to_f64(b)?))
    } else {
        (a.clone(), b.clone())
    };
    if reflected {
        vm.binop(op, &b, &a)
    } else {
        vm.binop(op, &a, &b)
    }
}

fn to_f64(v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => b
            .to_f64()
            .filter(|f| f.is_finite())
            .ok_or_else(|| PyErr::overflow_error("int too large to convert to float")),
        other => Err(PyErr::type_error(format!(
            "must be real number, not {}",
            other.type_name()
        ))),
    }
}

fn divmod_of(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let q = vm.binop(BinOp::FloorDiv, a, b)?;
    let r = vm.binop(BinOp::Mod, a, b)?;
    Ok(Value::tuple(vec![q, r]))
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, fl) = me(&args, "__divmod__")?;
    match args.pos.get(1).map(inner) {
        Some(b) if accepts(fl, b) => divmod_of(vm, &a.clone(), &b.clone()),
        _ => Ok(Value::NotImplemented),
    }
}

fn rdivmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, fl) = me(&args, "__rdivmod__")?;
    match args.pos.get(1).map(inner) {
        Some(b) if accepts(fl, b) => divmod_of(vm, &b.clone(), &a.clone()),
        _ => Ok(Value::NotImplemented),
    }
}

/// `__pow__(other[, mod])`: the three-argument form goes to the builtin `pow`.
fn pow_impl(vm: &mut Vm, args: &Args, reflected: bool) -> PyResult<Value> {
    let (a, fl) = me(args, "__pow__")?;
    let Some(b) = args.pos.get(1).map(inner) else {
        return Err(PyErr::type_error("expected 1 argument, got 0"));
    };
    if !accepts(fl, b) {
        return Ok(Value::NotImplemented);
    }
    let (x, y) = if reflected {
        (b.clone(), a.clone())
    } else {
        (a.clone(), b.clone())
    };
    match args.pos.get(2) {
        Some(m) if !m.is_none() => {
            let f = vm
                .builtins_dict()
                .get_str("pow")
                .ok_or_else(|| PyErr::type_error("pow unavailable"))?;
            vm.call(&f, Args::new(&[x, y, m.clone()]))
        }
        _ => vm.binop(BinOp::Pow, &x, &y),
    }
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pow_impl(vm, &args, false)
}

fn rpow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pow_impl(vm, &args, true)
}

fn compare(vm: &mut Vm, args: &Args, op: CmpOp) -> PyResult<Value> {
    let Ok((a, fl)) = me(args, "__eq__") else {
        return Ok(Value::NotImplemented);
    };
    match args.pos.get(1).map(inner) {
        Some(b) if accepts(fl, b) => vm.compare(op, &a.clone(), &b.clone()),
        _ => Ok(Value::NotImplemented),
    }
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "int", "__hash__")?.clone();
    vm.hash(&v).map(Value::Int)
}

/// The value as a plain int (bools become 0/1).
fn as_plain_int(v: &Value) -> Value {
    match v {
        Value::Bool(b) => Value::Int(*b as i64),
        other => other.clone(),
    }
}

fn neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = me(&args, "__neg__")?;
    vm.neg(&a.clone())
}

fn pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = me(&args, "__pos__")?;
    vm.pos(&a.clone())
}

fn invert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = me(&args, "__invert__")?;
    vm.invert(&a.clone())
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = me(&args, "__abs__")?;
    Ok(match a {
        Value::Float(f) => Value::Float(f.abs()),
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        Value::Int(i) if *i < 0 => vm.neg(a)?,
        other => as_plain_int(other),
    })
}

fn bool_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = me(&args, "__bool__")?;
    vm.truthy(a).map(Value::Bool)
}

/// `__int__`, `__index__`, `__trunc__` and friends of an int; for a float, truncation.
fn int_(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = me(&args, "__int__")?;
    to_int(a, f64::trunc)
}

fn to_int(v: &Value, round: fn(f64) -> f64) -> PyResult<Value> {
    match v {
        Value::Float(f) => {
            if f.is_nan() {
                return Err(PyErr::value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(PyErr::overflow_error(
                    "cannot convert float infinity to integer",
                ));
            }
            Ok(super::functions::float_to_int(round(*f)))
        }
        other => Ok(as_plain_int(other)),
    }
}

fn float_(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = me(&args, "__float__")?;
    to_f64(a).map(Value::Float)
}

fn trunc(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = me(&args, "__trunc__")?;
    to_int(a, f64::trunc)
}

fn floor(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = me(&args, "__floor__")?;
    to_int(a, f64::floor)
}

fn ceil(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = me(&args, "__ceil__")?;
    to_int(a, f64::ceil)
}

/// `__round__([ndigits])`: the builtin `round` on the number itself.
fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = me(&args, "__round__")?;
    let f = vm
        .builtins_dict()
        .get_str("round")
        .ok_or_else(|| PyErr::type_error("round unavailable"))?;
    let mut call = vec![a.clone()];
    call.extend(args.pos.get(1).cloned());
    vm.call(&f, Args::new(&call))
}

fn conjugate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = me(&args, "conjugate")?;
    Ok(as_plain_int(a))
}

fn as_integer_ratio(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = me(&args, "as_integer_ratio")?;
    match a {
        Value::Float(f) => float_hex::float_ratio(*f),
        other => Ok(Value::tuple(vec![as_plain_int(other), Value::Int(1)])),
    }
}

fn is_integer(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = me(&args, "is_integer")?;
    Ok(Value::Bool(match a {
        Value::Float(f) => f.is_finite() && f.fract() == 0.0,
        _ => true,
    }))
}

fn big_of(v: &Value) -> BigInt {
    to_bigint(v).unwrap_or_default()
}

fn bit_length(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = me(&args, "bit_length")?;
    Ok(Value::Int(big_of(a).bits() as i64))
}

fn bit_count(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = me(&args, "bit_count")?;
    let ones: u64 = big_of(a)
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::Int(ones as i64))
}

/// Parses `byteorder` (default `'big'`): true for little-endian.
fn little_endian(v: Option<&Value>, fname: &str) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(Value::Str(s)) => match s.as_str() {
            "little" => Ok(true),
            "big" => Ok(false),
            _ => Err(PyErr::value_error(
                "byteorder must be either 'little' or 'big'",
            )),
        },
        Some(o) => Err(PyErr::type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            o.type_name()
        ))),
    }
}

/// Splits `(positional, keyword)` arguments of to_bytes/from_bytes into named slots.
fn named_args<'a>(
    args: &Args<'a>,
    fname: &str,
    positional: &[&str],
    keyword_only: &[&str],
) -> PyResult<Vec<Option<&'a Value>>> {
    let pos = args.pos.get(1..).unwrap_or(&[]);
    if pos.len() > positional.len() {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {} positional arguments ({} given)",
            positional.len(),
            pos.len()
        )));
    }
    let mut out: Vec<Option<&Value>> = vec![None; positional.len() + keyword_only.len()];
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(v);
    }
    for (k, v) in args.kw() {
        let Some(i) = positional.iter().chain(keyword_only).position(|p| *p == k) else {
            return Err(PyErr::type_error(format!(
                "{fname}() got an unexpected keyword argument '{k}'"
            )));
        };
        if out[i].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for {fname}() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        out[i] = Some(v);
    }
    Ok(out)
}

fn to_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = me(&args, "to_bytes")?;
    let n = big_of(a);
    let b = named_args(&args, "to_bytes", &["length", "byteorder"], &["signed"])?;
    let length = match b[0] {
        Some(v) => index_arg(vm, v)?,
        None => 1,
    };
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let little = little_endian(b[1], "to_bytes")?;
    let signed = match b[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if !signed && n.is_negative() {
        return Err(PyErr::overflow_error(
            "can't convert negative int to unsigned",
        ));
    }
    let length = length as usize;
    let fits = if signed {
        // The two's-complement form needs bits() + 1 bits, except for -2**(8k-1).
        let bits = if n.is_negative() {
            (-&n - 1u32).bits() + 1
        } else {
            n.bits() + 1
        };
        bits <= 8 * length as u64
    } else {
        n.bits() <= 8 * length as u64
    };
    if !fits {
        return Err(PyErr::overflow_error("int too big to convert"));
    }
    if length > MAX_TO_BYTES {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    let mut bytes = n.to_signed_bytes_le();
    let pad = if n.is_negative() { 0xff } else { 0 };
    bytes.resize(length, pad);
    bytes.truncate(length);
    if !little {
        bytes.reverse();
    }
    Ok(Value::Bytes(Arc::new(bytes)))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, a classmethod.
fn from_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = named_args(&args, "from_bytes", &["bytes", "byteorder"], &["signed"])?;
    let Some(src) = b[0] else {
        return Err(PyErr::type_error(
            "from_bytes() missing required argument 'bytes' (pos 1)",
        ));
    };
    let little = little_endian(b[1], "from_bytes")?;
    let signed = match b[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut data: Vec<u8> = match src {
        Value::Bytes(b) => b.to_vec(),
        Value::Str(_) => return Err(PyErr::type_error("cannot convert 'str' object to bytes")),
        other => {
            let mut out = Vec::new();
            for x in vm.collect(other)? {
                let n = index_arg(vm, &x)?;
                out.push(
                    u8::try_from(n)
                        .map_err(|_| PyErr::value_error("bytes must be in range(0, 256)"))?,
                );
            }
            out
        }
    };
    if !little {
        data.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&data)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &data)
    };
    let result = Value::from_bigint(n);
    match args.pos.first() {
        Some(Value::Class(c))
            if !Arc::ptr_eq(c, &types().int) && !Arc::ptr_eq(c, &types().bool) =>
        {
            vm.call(&Value::Class(c.clone()), Args::new(&[result]))
        }
        _ => Ok(result),
    }
}

#[cfg(test)]
#[path = "tests/num_methods.rs"]
mod tests;
