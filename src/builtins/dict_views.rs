//! Methods of the dict views (`dict_keys`, `dict_values`, `dict_items`): length, iteration,
//! membership, `reversed`, `mapping`, and for keys and items views the set operators and
//! comparisons, building their result sets in CPython's order of insertion.

use super::add_methods;
use super::dict_methods::reversed_of;
use super::method_args::operand;
use crate::objects::descr::Property;
use crate::objects::function::{Args, NativeFn};
use crate::objects::iter::{iter_class, DictView, IterKind, ViewKind};
use crate::objects::{Builtin, PyErr, PyResult, SetObj, Value};
use crate::parser::ast::CmpOp;
use crate::vm::Vm;
use std::sync::Arc;

pub fn install() {
    let common: &[(&'static str, NativeFn)] = &[
        ("__len__", view_len),
        ("__iter__", view_iter),
        ("__contains__", view_contains),
        ("__reversed__", view_reversed),
    ];
    let setlike: &[(&'static str, NativeFn)] = &[
        ("__and__", view_and),
        ("__rand__", view_and),
        ("__or__", view_or),
        ("__ror__", view_ror),
        ("__sub__", view_sub),
        ("__rsub__", view_rsub),
        ("__xor__", view_xor),
        ("__rxor__", view_rxor),
        ("__eq__", view_eq),
        ("__ne__", view_ne),
        ("__lt__", view_lt),
        ("__le__", view_le),
        ("__gt__", view_gt),
        ("__ge__", view_ge),
        ("isdisjoint", view_isdisjoint),
    ];
    for name in ["dict_keys", "dict_values", "dict_items"] {
        let cls = iter_class(name);
        add_methods(&cls, name, common);
        if name != "dict_values" {
            add_methods(&cls, name, setlike);
        }
        let mut getter = Builtin::new("mapping", view_mapping);
        getter.owner = Some("dict_keys");
        let prop = Property::new(
            Value::Builtin(Arc::new(getter)),
            Value::None,
            Value::None,
            Value::None,
        );
        cls.dict.set_str("mapping", Value::Native(Arc::new(prop)));
    }
}

fn me<'a>(args: &'a Args) -> PyResult<&'a DictView> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<DictView>())
        .ok_or_else(|| PyErr::type_error("descriptor requires a dict view object"))
}

/// The items a view yields: keys, values, or `(key, value)` tuples.
fn view_items(v: &DictView) -> Vec<Value> {
    match v.kind {
        ViewKind::Keys => v.dict.keys(),
        ViewKind::Values => v.dict.items().into_iter().map(|(_, x)| x).collect(),
        ViewKind::Items => v
            .dict
            .items()
            .into_iter()
            .map(|(k, x)| Value::tuple(vec![k, x]))
            .collect(),
    }
}

fn view_len(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(me(&args)?.dict.len() as i64))
}

fn view_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = me(&args)?;
    let d = v.dict.clone();
    Ok(Value::new_iter(match v.kind {
        ViewKind::Keys => IterKind::DictKeys(d),
        ViewKind::Values => IterKind::DictValues(d),
        ViewKind::Items => IterKind::DictItems(d),
    }))
}

fn view_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    me(&args)?;
    vm.contains(&args.pos[0], operand(&args)?).map(Value::Bool)
}

fn view_reversed(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = me(&args)?;
    Ok(reversed_of(&v.dict, v.kind))
}

fn view_mapping(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Dict(me(&args)?.dict.clone()))
}

/// A new set holding `items`, inserted in order.
fn set_of(vm: &mut Vm, items: Vec<Value>) -> PyResult<Arc<SetObj>> {
    let s = Arc::new(SetObj::new(false));
    for x in items {
        vm.set_add(&s, x)?;
    }
    Ok(s)
}

/// The items of any iterable operand, as CPython's set functions see them.
fn items_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::Set(s) => Ok(s.keys()),
        Value::Dict(d) => Ok(d.keys()),
        _ => vm.collect(v),
    }
}

fn view_and(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = me(&args)?;
    let other = operand(&args)?;
    let out = Arc::new(SetObj::new(false));
    let use_self = matches!(other, Value::Set(s) if !s.frozen && v.dict.len() <= s.len());
    if use_self {
        for x in view_items(v) {
            if vm.contains(other, &x)? {
                vm.set_add(&out, x)?;
            }
        }
    } else {
        for x in items_of(vm, other)? {
            if vm.contains(&args.pos[0], &x)? {
                vm.set_add(&out, x)?;
            }
        }
    }
    Ok(Value::Set(out))
}

fn view_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = me(&args)?;
    let out = set_of(vm, view_items(v))?;
    for x in items_of(vm, operand(&args)?)? {
        vm.set_add(&out, x)?;
    }
    Ok(Value::Set(out))
}

fn view_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = me(&args)?;
    let first = items_of(vm, operand(&args)?)?;
    let out = set_of(vm, first)?;
    for x in view_items(v) {
        vm.set_add(&out, x)?;
    }
    Ok(Value::Set(out))
}

fn view_sub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = me(&args)?;
    let out = set_of(vm, view_items(v))?;
    for x in items_of(vm, operand(&args)?)? {
        vm.set_discard(&out, &x)?;
    }
    Ok(Value::Set(out))
}

fn view_rsub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = me(&args)?;
    let first = items_of(vm, operand(&args)?)?;
    let out = set_of(vm, first)?;
    for x in view_items(v) {
        vm.set_discard(&out, &x)?;
    }
    Ok(Value::Set(out))
}

/// CPython's `symmetric_difference_update`: the other operand becomes a set first, whose
/// table order decides the order of insertion.
fn sym_diff(vm: &mut Vm, first: Vec<Value>, second: Vec<Value>) -> PyResult<Value> {
    let out = set_of(vm, first)?;
    let other = set_of(vm, second)?;
    for x in other.keys() {
        if !vm.set_discard(&out, &x)? {
            vm.set_add(&out, x)?;
        }
    }
    Ok(Value::Set(out))
}

fn view_xor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = me(&args)?;
    let second = items_of(vm, operand(&args)?)?;
    sym_diff(vm, view_items(v), second)
}

fn view_rxor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = me(&args)?;
    let first = items_of(vm, operand(&args)?)?;
    sym_diff(vm, first, view_items(v))
}

fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    me(&args)?;
    let other = operand(&args)?.clone();
    for x in items_of(vm, &other)? {
        if vm.contains(&args.pos[0], &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// Whether a comparison operand is set-like (a set, frozenset, or keys/items view).
fn set_like(v: &Value) -> bool {
    match v {
        Value::Set(_) => true,
        _ => v
            .as_native::<DictView>()
            .is_some_and(|d| d.kind != ViewKind::Values),
    }
}

/// Every item of `a` is in `b`.
fn all_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    for x in vm.collect(a)? {
        if !vm.contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn compare(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult<Value> {
    me(&args)?;
    let a = args.pos[0].clone();
    let b = operand(&args)?.clone();
    if !set_like(&b) {
        return Ok(Value::NotImplemented);
    }
    let (la, lb) = (vm.len(&a)?, vm.len(&b)?);
    let r = match op {
        CmpOp::Eq | CmpOp::NotEq => {
            let eq = la == lb && all_in(vm, &a, &b)?;
            eq == (op == CmpOp::Eq)
        }
        CmpOp::Lt => la < lb && all_in(vm, &a, &b)?,
        CmpOp::LtE => la <= lb && all_in(vm, &a, &b)?,
        CmpOp::Gt => la > lb && all_in(vm, &b, &a)?,
        _ => la >= lb && all_in(vm, &b, &a)?,
    };
    Ok(Value::Bool(r))
}

fn view_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq)
}
fn view_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::NotEq)
}
fn view_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Lt)
}
fn view_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::LtE)
}
fn view_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Gt)
}
fn view_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::GtE)
}
