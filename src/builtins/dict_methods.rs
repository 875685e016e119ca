//! The methods of `dict`. Lookups that may run `__hash__`/`__eq__` go through the VM's dict
//! operations (`vm.dict_get/dict_set/dict_del`), which never hold the dict's lock while
//! Python code runs; purely structural operations (`popitem`, `clear`, `copy`) take the lock
//! once. The views (`keys()`, `values()`, `items()`) are in `dict_views`.

use super::add_methods;
use super::method_args::{bind, operand, this, wrong_self, Sig};
use crate::objects::class::types;
use crate::objects::descr::ClassMethod;
use crate::objects::function::{Args, NativeFn};
use crate::objects::iter::{DictView, IterKind, ViewKind};
use crate::objects::{Builtin, DictObj, ListObj, PyErr, PyResult, Value};
use crate::parser::ast::CmpOp;
use crate::vm::ops::base_value;
use crate::vm::Vm;
use std::sync::Arc;

pub fn install() {
    let table: &[(&'static str, NativeFn)] = &[
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("get", get),
        ("setdefault", setdefault),
        ("pop", pop),
        ("popitem", popitem),
        ("update", update),
        ("copy", copy),
        ("clear", clear),
        ("__init__", init),
        ("__len__", dunder_len),
        ("__getitem__", dunder_getitem),
        ("__setitem__", dunder_setitem),
        ("__delitem__", dunder_delitem),
        ("__contains__", dunder_contains),
        ("__iter__", dunder_iter),
        ("__reversed__", dunder_reversed),
        ("__eq__", dunder_eq),
        ("__ne__", dunder_ne),
        ("__or__", dunder_or),
        ("__ror__", dunder_ror),
        ("__ior__", dunder_ior),
    ];
    let t = types();
    add_methods(&t.dict, "dict", table);
    t.dict.dict.set_str("__hash__", Value::None);
    let mut b = Builtin::new("fromkeys", fromkeys);
    b.owner = Some("dict");
    let cm = ClassMethod {
        func: Value::Builtin(Arc::new(b)),
    };
    t.dict.dict.set_str("fromkeys", Value::Native(Arc::new(cm)));
    super::dict_views::install();
}

/// The dict `self` of a dict method.
fn me<'a>(args: &'a Args, name: &str) -> PyResult<&'a Arc<DictObj>> {
    match this(args, "dict", name)? {
        Value::Dict(d) => Ok(d),
        other => Err(wrong_self("dict", name, other)),
    }
}

fn sig(name: &'static str, params: &'static [&'static str], required: usize) -> Sig {
    Sig {
        name,
        params,
        required,
        keywords: false,
        clinic: true,
    }
}

fn view(args: &Args, name: &'static str, kind: ViewKind) -> PyResult<Value> {
    let d = me(args, name)?;
    bind(
        args,
        &Sig {
            name: match kind {
                ViewKind::Keys => "dict.keys",
                ViewKind::Values => "dict.values",
                ViewKind::Items => "dict.items",
            },
            params: &[],
            required: 0,
            keywords: false,
            clinic: false,
        },
    )?;
    Ok(Value::Native(Arc::new(DictView {
        dict: d.clone(),
        kind,
    })))
}

fn keys(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(&args, "keys", ViewKind::Keys)
}
fn values(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(&args, "values", ViewKind::Values)
}
fn items(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(&args, "items", ViewKind::Items)
}

fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "get")?;
    let b = bind(&args, &sig("get", &["key", "default"], 1))?;
    let key = b[0].unwrap_or(&Value::None);
    Ok(vm
        .dict_get(d, key)?
        .unwrap_or_else(|| b[1].cloned().unwrap_or(Value::None)))
}

fn setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "setdefault")?;
    let b = bind(&args, &sig("setdefault", &["key", "default"], 1))?;
    let key = b[0].unwrap_or(&Value::None);
    let default = b[1].cloned().unwrap_or(Value::None);
    vm.dict_setdefault(d, key.clone(), default)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "pop")?;
    let b = bind(&args, &sig("pop", &["key", "default"], 1))?;
    let key = b[0].unwrap_or(&Value::None);
    match vm.dict_del(d, key)? {
        Some(v) => Ok(v),
        None => match b[1] {
            Some(default) => Ok(default.clone()),
            None => Err(PyErr::key_error(key.clone())),
        },
    }
}

fn popitem(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "popitem")?;
    bind(
        &args,
        &Sig {
            name: "dict.popitem",
            params: &[],
            required: 0,
            keywords: false,
            clinic: false,
        },
    )?;
    let mut g = d.lock();
    let entry = g.last_index().and_then(|i| g.remove_at(i));
    match entry {
        Some(e) => Ok(Value::tuple(vec![e.key, e.value])),
        None => Err(PyErr::key_error(Value::str(
            "popitem(): dictionary is empty",
        ))),
    }
}

/// `d.update(other, **kw)`, shared with `__init__`.
fn update_from(vm: &mut Vm, d: &Arc<DictObj>, args: &Args, name: &str) -> PyResult<()> {
    match args.pos.len() {
        1 => {}
        2 => vm.dict_update(d, &args.pos[1])?,
        n => {
            return Err(PyErr::type_error(format!(
                "{name} expected at most 1 argument, got {}",
                n - 1
            )))
        }
    }
    for (k, v) in args.kw() {
        d.set_str(k, v.clone());
    }
    Ok(())
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "update")?;
    update_from(vm, d, &args, "update")?;
    Ok(Value::None)
}

/// `dict.__init__(self, other=(), **kw)`: what `class MyDict(dict)` instances run.
fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "__init__")?;
    update_from(vm, d, &args, "dict")?;
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "copy")?;
    bind(
        &args,
        &Sig {
            name: "dict.copy",
            params: &[],
            required: 0,
            keywords: false,
            clinic: false,
        },
    )?;
    let inner = d.lock().clone();
    Ok(Value::Dict(Arc::new(DictObj::from_inner(inner))))
}

fn clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "clear")?;
    bind(
        &args,
        &Sig {
            name: "dict.clear",
            params: &[],
            required: 0,
            keywords: false,
            clinic: false,
        },
    )?;
    // Dropping values runs no Python code, so clearing under the lock is safe.
    d.lock().clear();
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)`, called with the class first (a classmethod).
fn fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.pos.first() else {
        return Err(PyErr::type_error("fromkeys() needs a class"));
    };
    let b = bind(&args, &sig("fromkeys", &["iterable", "value"], 1))?;
    let src = b[0].unwrap_or(&Value::None);
    let value = b[1].cloned().unwrap_or(Value::None);
    let keys = vm.collect(src)?;
    if Arc::ptr_eq(cls, &types().dict) {
        let d = Arc::new(DictObj::new());
        for k in keys {
            vm.dict_set(&d, k, value.clone())?;
        }
        return Ok(Value::Dict(d));
    }
    let obj = vm.call(&Value::Class(cls.clone()), Args::new(&[]))?;
    for k in keys {
        vm.setitem(&obj, &k, value.clone())?;
    }
    Ok(obj)
}

// ----- dunders ------------------------------------------------------------------------------

fn dunder_len(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(me(&args, "__len__")?.len() as i64))
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "__getitem__")?;
    let key = operand(&args)?;
    if let Some(v) = vm.dict_get(d, key)? {
        return Ok(v);
    }
    // A subclass's __missing__ (as `defaultdict`-style classes define).
    let me_val = &args.pos[0];
    if let Value::Instance(_) = me_val {
        if let Some(r) = vm.call_special(me_val, "__missing__", std::slice::from_ref(key))? {
            return Ok(r);
        }
    }
    Err(PyErr::key_error(key.clone()))
}

fn dunder_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "__setitem__")?;
    let [_, k, v] = args.pos else {
        return Err(PyErr::type_error(format!(
            "expected 2 arguments, got {}",
            args.pos.len().saturating_sub(1)
        )));
    };
    vm.dict_set(d, k.clone(), v.clone())?;
    Ok(Value::None)
}

fn dunder_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "__delitem__")?;
    let key = operand(&args)?;
    match vm.dict_del(d, key)? {
        Some(_) => Ok(Value::None),
        None => Err(PyErr::key_error(key.clone())),
    }
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "__contains__")?;
    Ok(Value::Bool(vm.dict_get(d, operand(&args)?)?.is_some()))
}

fn dunder_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "__iter__")?;
    Ok(Value::new_iter(IterKind::DictKeys(d.clone())))
}

fn dunder_reversed(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "__reversed__")?;
    Ok(reversed_of(d, ViewKind::Keys))
}

/// A reverse iterator over a snapshot of a dict's keys, values or items.
pub fn reversed_of(d: &DictObj, kind: ViewKind) -> Value {
    let items: Vec<Value> = d
        .items()
        .into_iter()
        .map(|(k, v)| match kind {
            ViewKind::Keys => k,
            ViewKind::Values => v,
            ViewKind::Items => Value::tuple(vec![k, v]),
        })
        .collect();
    Value::new_iter(IterKind::ListReversed(Arc::new(ListObj::new(items))))
}

fn as_dict(v: &Value) -> Option<&Arc<DictObj>> {
    match base_value(v).unwrap_or(v) {
        Value::Dict(d) => Some(d),
        _ => None,
    }
}

fn compare(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult<Value> {
    let Value::Dict(d) = this(&args, "dict", "__eq__")? else {
        return Ok(Value::NotImplemented);
    };
    match as_dict(operand(&args)?) {
        Some(o) => vm.compare(op, &Value::Dict(d.clone()), &Value::Dict(o.clone())),
        None => Ok(Value::NotImplemented),
    }
}

fn dunder_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq)
}
fn dunder_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::NotEq)
}

/// `a | b` for two dicts: a copy of `a` updated with `b`.
fn merged(vm: &mut Vm, a: &DictObj, b: &Arc<DictObj>) -> PyResult<Value> {
    let d = Arc::new(DictObj::from_inner(a.lock().clone()));
    for (k, v) in b.items() {
        vm.dict_set(&d, k, v)?;
    }
    Ok(Value::Dict(d))
}

fn dunder_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Dict(d) = this(&args, "dict", "__or__")? else {
        return Ok(Value::NotImplemented);
    };
    match as_dict(operand(&args)?) {
        Some(o) => merged(vm, d, o),
        None => Ok(Value::NotImplemented),
    }
}

fn dunder_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Dict(d) = this(&args, "dict", "__ror__")? else {
        return Ok(Value::NotImplemented);
    };
    match as_dict(operand(&args)?) {
        Some(o) => merged(vm, o, d),
        None => Ok(Value::NotImplemented),
    }
}

fn dunder_ior(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "__ior__")?;
    vm.dict_update(d, operand(&args)?)?;
    Ok(args.pos[0].clone())
}

#[cfg(test)]
#[path = "tests/dict_methods.rs"]
mod tests;
