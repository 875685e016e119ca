//! The methods of `set` and `frozenset`. Results are built by inserting through
//! `vm.set_add` in the order CPython's `setobject.c` inserts (which side it iterates, which
//! set it copies first), so that sets of ints iterate in CPython's order. No set's lock is
//! held while `__hash__`/`__eq__` run.

use super::add_methods;
use super::method_args::{operand, this, wrong_self};
use crate::objects::class::types;
use crate::objects::function::{Args, NativeFn};
use crate::objects::iter::IterKind;
use crate::objects::set::SetInner;
use crate::objects::{PyErr, PyResult, SetObj, Value};
use crate::parser::ast::BinOp;
use crate::vm::Vm;
use std::sync::Arc;

pub fn install() {
    let shared: &[(&'static str, NativeFn)] = &[
        ("copy", copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
        ("__len__", dunder_len),
        ("__contains__", dunder_contains),
        ("__iter__", dunder_iter),
    ];
    let mutating: &[(&'static str, NativeFn)] = &[
        ("add", add),
        ("discard", discard),
        ("remove", remove),
        ("pop", pop),
        ("clear", clear),
        ("update", update),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("symmetric_difference_update", symmetric_difference_update),
        ("__init__", init),
    ];
    let t = types();
    add_methods(&t.set, "set", shared);
    add_methods(&t.set, "set", mutating);
    add_methods(&t.frozenset, "frozenset", shared);
    t.set.dict.set_str("__hash__", Value::None);
}

fn owner(v: &Value) -> &'static str {
    match v {
        Value::Set(s) if s.frozen => "frozenset",
        _ => "set",
    }
}

/// The set `self` of a set or frozenset method.
fn me<'a>(args: &'a Args, name: &str) -> PyResult<&'a Arc<SetObj>> {
    let v = this(args, "set", name)?;
    match v {
        Value::Set(s) => Ok(s),
        other => Err(wrong_self(owner(other), name, other)),
    }
}

/// `self` of a mutating method (never a frozenset).
fn me_mut<'a>(args: &'a Args, name: &str) -> PyResult<&'a Arc<SetObj>> {
    let s = me(args, name)?;
    if s.frozen {
        return Err(PyErr::type_error(format!(
            "descriptor '{name}' for 'set' objects doesn't apply to a 'frozenset' object"
        )));
    }
    Ok(s)
}

fn one<'a>(args: &'a Args, qualname: &str) -> PyResult<&'a Value> {
    match args.pos {
        [_, x] if !args.has_kw() => Ok(x),
        _ => Err(PyErr::type_error(format!(
            "{qualname}() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1) + args.kwnames.len()
        ))),
    }
}

fn none_args(args: &Args, qualname: &str) -> PyResult<()> {
    let n = args.pos.len().saturating_sub(1) + args.kwnames.len();
    if n > 0 {
        return Err(PyErr::type_error(format!(
            "{qualname}() takes no arguments ({n} given)"
        )));
    }
    Ok(())
}

fn others<'a>(args: &'a Args, name: &str) -> PyResult<&'a [Value]> {
    if args.has_kw() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    Ok(args.pos.get(1..).unwrap_or(&[]))
}

/// A new set or frozenset with `s`'s items, laid out as CPython's `set_copy` lays them out:
/// a merge into an empty table (a slot-for-slot copy when the sizes agree, else the items
/// re-inserted in table order after one resize).
pub fn copy_set(s: &SetObj, frozen: bool) -> Arc<SetObj> {
    let src = s.lock().clone();
    let mut inner = SetInner::default();
    if !inner.begin_merge(&src) {
        for (h, k) in src.iter() {
            inner.insert_new(h, k.clone());
        }
    }
    Arc::new(SetObj::from_inner(frozen, inner))
}

fn copy_of(s: &SetObj, frozen: bool) -> Arc<SetObj> {
    copy_set(s, frozen)
}

/// The items of an operand in the order CPython iterates it.
fn items_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match crate::vm::ops::base_value(v).unwrap_or(v) {
        Value::Set(s) => Ok(s.keys()),
        Value::Dict(d) => Ok(d.keys()),
        _ => vm.collect(v),
    }
}

/// An operand as a set (itself when it already is one).
fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Arc<SetObj>> {
    if let Value::Set(s) = crate::vm::ops::base_value(v).unwrap_or(v) {
        return Ok(s.clone());
    }
    let s = Arc::new(SetObj::new(false));
    for x in vm.collect(v)? {
        vm.set_add(&s, x)?;
    }
    Ok(s)
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me_mut(&args, "add")?;
    let x = one(&args, "set.add")?;
    vm.set_add(s, x.clone())?;
    Ok(Value::None)
}

fn discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me_mut(&args, "discard")?;
    let x = one(&args, "set.discard")?;
    vm.set_discard(s, &frozen_key(x))?;
    Ok(Value::None)
}

/// CPython looks a set argument up as the equal frozenset (`{frozenset()}.remove(set())`).
fn frozen_key(x: &Value) -> Value {
    match x {
        Value::Set(s) if !s.frozen => Value::Set(copy_of(s, true)),
        _ => x.clone(),
    }
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me_mut(&args, "remove")?;
    let x = one(&args, "set.remove")?;
    if !vm.set_discard(s, &frozen_key(x))? {
        return Err(PyErr::key_error(x.clone()));
    }
    Ok(Value::None)
}

fn pop(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me_mut(&args, "pop")?;
    none_args(&args, "set.pop")?;
    let popped = s.lock().pop();
    popped.ok_or_else(|| PyErr::key_error(Value::str("pop from an empty set")))
}

fn clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me_mut(&args, "clear")?;
    none_args(&args, "set.clear")?;
    s.lock().clear();
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "copy")?;
    none_args(&args, &format!("{}.copy", owner(&Value::Set(s.clone()))))?;
    if s.frozen {
        return Ok(Value::Set(s.clone()));
    }
    Ok(Value::Set(copy_of(s, false)))
}

/// CPython's `set_update_internal` for each operand: a set is merged (one resize, or a
/// slot-for-slot copy into an empty table), a dict's keys are added after one resize, any
/// other iterable item by item.
fn update_with(vm: &mut Vm, s: &Arc<SetObj>, others: &[Value]) -> PyResult<()> {
    for o in others {
        match crate::vm::ops::base_value(o).unwrap_or(o) {
            Value::Set(other) => {
                if Arc::ptr_eq(other, s) || other.is_empty() {
                    continue;
                }
                let inner = other.lock().clone();
                if s.lock().begin_merge(&inner) {
                    continue;
                }
                for (_, x) in inner.iter() {
                    vm.set_add(s, x.clone())?;
                }
            }
            Value::Dict(d) => {
                let keys = d.keys();
                s.lock().presize(keys.len());
                for x in keys {
                    vm.set_add(s, x)?;
                }
            }
            _ => {
                for x in vm.collect(o)? {
                    vm.set_add(s, x)?;
                }
            }
        }
    }
    Ok(())
}

/// `x op y` for two sets (the VM's binary operators come here).
pub fn set_operator(vm: &mut Vm, op: BinOp, x: &Arc<SetObj>, y: &Arc<SetObj>) -> PyResult<Value> {
    let other = Value::Set(y.clone());
    let out = match op {
        BinOp::BitOr => {
            let out = copy_of(x, x.frozen);
            update_with(vm, &out, std::slice::from_ref(&other))?;
            out
        }
        BinOp::BitAnd => intersect(vm, x, &other, x.frozen)?,
        BinOp::Sub => difference_of(vm, x, std::slice::from_ref(&other))?,
        _ => {
            let out = copy_of(y, x.frozen);
            sym_diff_update(vm, &out, &Value::Set(x.clone()))?;
            out
        }
    };
    Ok(Value::Set(out))
}

/// `s op= other` for two sets, in place as CPython does it.
pub fn set_inplace(vm: &mut Vm, op: BinOp, s: &Arc<SetObj>, other: &Arc<SetObj>) -> PyResult<()> {
    let o = Value::Set(other.clone());
    match op {
        BinOp::BitOr => update_with(vm, s, std::slice::from_ref(&o)),
        BinOp::BitAnd => {
            let r = intersect(vm, s, &o, false)?;
            let inner = r.lock().clone();
            *s.lock() = inner;
            Ok(())
        }
        BinOp::Sub => {
            if Arc::ptr_eq(s, other) {
                s.lock().clear();
                return Ok(());
            }
            for x in other.keys() {
                vm.set_discard(s, &x)?;
            }
            Ok(())
        }
        _ => sym_diff_update(vm, s, &o),
    }
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me_mut(&args, "update")?;
    let os = others(&args, "update")?;
    update_with(vm, s, os)?;
    Ok(Value::None)
}

/// `set.__init__(self, iterable=())`: what `class MySet(set)` instances run.
fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me_mut(&args, "__init__")?;
    let os = others(&args, "set")?;
    if os.len() > 1 {
        return Err(PyErr::type_error(format!(
            "set expected at most 1 argument, got {}",
            os.len()
        )));
    }
    s.lock().clear();
    update_with(vm, s, os)?;
    Ok(Value::None)
}

fn union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "union")?;
    let os = others(&args, "union")?;
    let out = copy_of(s, s.frozen);
    update_with(vm, &out, os)?;
    Ok(Value::Set(out))
}

/// CPython's `set_intersection`: iterates the smaller set (or the iterable), keeping the
/// items the other side contains.
fn intersect(vm: &mut Vm, s: &Arc<SetObj>, other: &Value, frozen: bool) -> PyResult<Arc<SetObj>> {
    let out = Arc::new(SetObj::new(frozen));
    match crate::vm::ops::base_value(other).unwrap_or(other) {
        Value::Set(o) => {
            let (big, small) = if o.len() > s.len() { (o, s) } else { (s, o) };
            for x in small.keys() {
                if vm.set_contains(big, &x)? {
                    vm.set_add(&out, x)?;
                }
            }
        }
        _ => {
            for x in vm.collect(other)? {
                if vm.set_contains(s, &x)? {
                    vm.set_add(&out, x)?;
                }
            }
        }
    }
    Ok(out)
}

fn intersection_of(vm: &mut Vm, s: &Arc<SetObj>, os: &[Value]) -> PyResult<Arc<SetObj>> {
    let mut result = copy_of(s, s.frozen);
    for o in os {
        result = intersect(vm, &result, o, s.frozen)?;
    }
    Ok(result)
}

fn intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "intersection")?;
    let os = others(&args, "intersection")?;
    intersection_of(vm, s, os).map(Value::Set)
}

fn intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me_mut(&args, "intersection_update")?;
    let os = others(&args, "intersection_update")?;
    let r = intersection_of(vm, s, os)?;
    let inner = r.lock().clone();
    *s.lock() = inner;
    Ok(Value::None)
}

/// CPython's `set_difference`: a copy with the other's items discarded when the other is a
/// small set or dict, else the items of `s` the other lacks.
fn difference_of(vm: &mut Vm, s: &Arc<SetObj>, os: &[Value]) -> PyResult<Arc<SetObj>> {
    let Some((first, rest)) = os.split_first() else {
        return Ok(copy_of(s, s.frozen));
    };
    let first_inner = crate::vm::ops::base_value(first).unwrap_or(first);
    let other_len = match first_inner {
        Value::Set(o) => Some(o.len()),
        Value::Dict(d) => Some(d.len()),
        _ => None,
    };
    let result = match other_len {
        Some(n) if (s.len() >> 2) <= n => {
            let out = Arc::new(SetObj::new(s.frozen));
            for x in s.keys() {
                if !vm.contains(first_inner, &x)? {
                    vm.set_add(&out, x)?;
                }
            }
            out
        }
        _ => {
            let out = copy_of(s, s.frozen);
            for x in items_of(vm, first)? {
                vm.set_discard(&out, &x)?;
            }
            out
        }
    };
    for o in rest {
        for x in items_of(vm, o)? {
            vm.set_discard(&result, &x)?;
        }
    }
    Ok(result)
}

fn difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "difference")?;
    let os = others(&args, "difference")?;
    difference_of(vm, s, os).map(Value::Set)
}

fn difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me_mut(&args, "difference_update")?;
    for o in others(&args, "difference_update")? {
        for x in items_of(vm, o)? {
            vm.set_discard(s, &x)?;
        }
    }
    Ok(Value::None)
}

/// `target ^= other` in place: each item of `other` (a set, a dict's keys, or the set made
/// from an iterable) toggles membership.
fn sym_diff_update(vm: &mut Vm, target: &Arc<SetObj>, other: &Value) -> PyResult<()> {
    let items = match crate::vm::ops::base_value(other).unwrap_or(other) {
        Value::Set(o) if Arc::ptr_eq(o, target) => {
            target.lock().clear();
            return Ok(());
        }
        Value::Set(o) => o.keys(),
        Value::Dict(d) => d.keys(),
        _ => as_set(vm, other)?.keys(),
    };
    for x in items {
        if !vm.set_discard(target, &x)? {
            vm.set_add(target, x)?;
        }
    }
    Ok(())
}

fn symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "symmetric_difference")?;
    let other = one(
        &args,
        &format!("{}.symmetric_difference", owner(&args.pos[0])),
    )?;
    // CPython copies the other operand into a new set and toggles our items in it.
    let out = Arc::new(SetObj::new(s.frozen));
    update_with(vm, &out, std::slice::from_ref(other))?;
    sym_diff_update(vm, &out, &Value::Set(s.clone()))?;
    Ok(Value::Set(out))
}

fn symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me_mut(&args, "symmetric_difference_update")?;
    let other = one(&args, "set.symmetric_difference_update")?;
    sym_diff_update(vm, s, other)?;
    Ok(Value::None)
}

fn issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "issubset")?;
    let other = one(&args, &format!("{}.issubset", owner(&args.pos[0])))?;
    let o = as_set(vm, other)?;
    if s.len() > o.len() {
        return Ok(Value::Bool(false));
    }
    for x in s.keys() {
        if !vm.set_contains(&o, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "issuperset")?;
    let other = one(&args, &format!("{}.issuperset", owner(&args.pos[0])))?;
    if let Value::Set(o) = crate::vm::ops::base_value(other).unwrap_or(other) {
        if o.len() > s.len() {
            return Ok(Value::Bool(false));
        }
    }
    for x in items_of(vm, other)? {
        if !vm.set_contains(s, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "isdisjoint")?;
    let other = one(&args, &format!("{}.isdisjoint", owner(&args.pos[0])))?;
    for x in items_of(vm, other)? {
        if vm.set_contains(s, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn dunder_len(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(me(&args, "__len__")?.len() as i64))
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "__contains__")?;
    vm.contains(&Value::Set(s.clone()), operand(&args)?)
        .map(Value::Bool)
}

fn dunder_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = me(&args, "__iter__")?;
    Ok(Value::new_iter(IterKind::Set(s.clone())))
}

#[cfg(test)]
#[path = "tests/set_methods.rs"]
mod tests;
