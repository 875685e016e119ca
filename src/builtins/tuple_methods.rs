//! The methods of `tuple`: `index`, `count` and the dunders (tuples are immutable, so no
//! lock is involved; comparisons may run Python `__eq__`).

use super::add_methods;
use super::method_args::{
    adjust_indices, bind, index_arg, operand, slice_arg, this, wrong_self, Sig,
};
use crate::objects::class::types;
use crate::objects::function::{Args, NativeFn};
use crate::objects::iter::IterKind;
use crate::objects::{ExcKind, PyErr, PyResult, TupleObj, Value};
use crate::parser::ast::CmpOp;
use crate::vm::Vm;
use std::sync::Arc;

pub fn install() {
    let table: &[(&'static str, NativeFn)] = &[
        ("index", index),
        ("count", count),
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
    add_methods(&types().tuple, "tuple", table);
}

fn me<'a>(args: &'a Args, name: &str) -> PyResult<&'a Arc<TupleObj>> {
    match this(args, "tuple", name)? {
        Value::Tuple(t) => Ok(t),
        other => Err(wrong_self("tuple", name, other)),
    }
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = me(&args, "index")?;
    let b = bind(
        &args,
        &Sig {
            name: "index",
            params: &["value", "start", "stop"],
            required: 1,
            keywords: false,
            clinic: true,
        },
    )?;
    let x = b[0].unwrap_or(&Value::None);
    let start = slice_arg(vm, b[1])?;
    let stop = slice_arg(vm, b[2])?;
    let (start, stop) = adjust_indices(start, stop, t.len());
    for i in start..stop.min(t.len()) {
        if vm.eq(&t.items[i], x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = me(&args, "count")?;
    let b = bind(
        &args,
        &Sig {
            name: "tuple.count",
            params: &["value"],
            required: 1,
            keywords: false,
            clinic: false,
        },
    )?;
    let x = b[0].unwrap_or(&Value::None);
    let mut n = 0;
    for item in t.items.iter() {
        if vm.eq(item, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn dunder_len(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(me(&args, "__len__")?.len() as i64))
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = me(&args, "__getitem__")?;
    vm.getitem(&Value::Tuple(t.clone()), operand(&args)?)
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = me(&args, "__contains__")?;
    vm.contains(&Value::Tuple(t.clone()), operand(&args)?)
        .map(Value::Bool)
}

fn dunder_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = me(&args, "__iter__")?;
    Ok(Value::new_iter(IterKind::Tuple(t.clone())))
}

fn as_tuple(v: &Value) -> Option<&Arc<TupleObj>> {
    match crate::vm::ops::base_value(v).unwrap_or(v) {
        Value::Tuple(t) => Some(t),
        _ => None,
    }
}

fn dunder_add(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = me(&args, "__add__")?;
    let x = operand(&args)?;
    match as_tuple(x) {
        Some(o) => {
            let mut v = t.items.to_vec();
            v.extend(o.items.iter().cloned());
            Ok(Value::tuple(v))
        }
        None => Err(PyErr::type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            x.type_name()
        ))),
    }
}

fn dunder_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = me(&args, "__mul__")?;
    let n = index_arg(vm, operand(&args)?)?.max(0) as usize;
    if t.len().saturating_mul(n) > super::str_methods::MAX_STR_RESULT / 8 {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    if n == 1 {
        return Ok(Value::Tuple(t.clone()));
    }
    let mut v = Vec::with_capacity(t.len() * n);
    for _ in 0..n {
        v.extend(t.items.iter().cloned());
    }
    Ok(Value::tuple(v))
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = me(&args, "__hash__")?;
    vm.hash(&Value::Tuple(t.clone())).map(Value::Int)
}

fn compare(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult<Value> {
    let Value::Tuple(t) = this(&args, "tuple", "__eq__")? else {
        return Ok(Value::NotImplemented);
    };
    match as_tuple(operand(&args)?) {
        Some(o) => vm.compare(op, &Value::Tuple(t.clone()), &Value::Tuple(o.clone())),
        None => Ok(Value::NotImplemented),
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
#[path = "tests/tuple_methods.rs"]
mod tests;
