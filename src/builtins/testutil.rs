//! Helpers for the unit tests of the builtin methods: a fresh VM, method calls by name, and
//! exceptions rendered as `Kind: message` for comparison with CPython's output.

use crate::objects::function::Args;
use crate::objects::{PyErr, PyResult, Value};
use crate::vm::{Interpreter, Vm};

pub fn vm() -> Vm {
    Vm::new(Interpreter::new(vec![]))
}

/// `Kind: message`, as the last line of a CPython traceback shows it.
pub fn msg(e: &PyErr) -> String {
    let mut vm = vm();
    let text = vm.str(&e.0).unwrap_or_default();
    if text.is_empty() {
        e.0.type_name()
    } else {
        format!("{}: {}", e.0.type_name(), text)
    }
}

/// `obj.name(*args)`.
pub fn call(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    vm.call_method(obj, name, args)
}

/// `obj.name(*args, **kw)`.
pub fn call_kw(
    vm: &mut Vm,
    obj: &Value,
    name: &str,
    args: &[Value],
    kw: &[(&str, Value)],
) -> PyResult<Value> {
    let f = vm.getattr(obj, name)?;
    let names: Vec<Value> = kw.iter().map(|(k, _)| Value::str(*k)).collect();
    let vals: Vec<Value> = kw.iter().map(|(_, v)| v.clone()).collect();
    vm.call(&f, Args::with_kw(args, &names, &vals))
}

/// `repr(obj.name(*args))`, or the exception as `Kind: message`.
pub fn show(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> String {
    match call(vm, obj, name, args) {
        Ok(v) => vm.repr(&v).unwrap_or_default(),
        Err(e) => msg(&e),
    }
}

/// `repr(v)`.
pub fn repr(vm: &mut Vm, v: &Value) -> String {
    vm.repr(v).unwrap_or_default()
}

pub fn s(text: &str) -> Value {
    Value::str(text)
}

pub fn i(n: i64) -> Value {
    Value::Int(n)
}

/// A dict with the given pairs, in order.
pub fn d(pairs: Vec<(Value, Value)>) -> Value {
    let mut vm = vm();
    let dict = std::sync::Arc::new(crate::objects::DictObj::new());
    for (k, v) in pairs {
        vm.dict_set(&dict, k, v).expect("hashable test key");
    }
    Value::Dict(dict)
}

/// A set with the given items, inserted in order.
pub fn set(items: Vec<Value>) -> Value {
    let mut vm = vm();
    let st = std::sync::Arc::new(crate::objects::SetObj::new(false));
    for v in items {
        vm.set_add(&st, v).expect("hashable test item");
    }
    Value::Set(st)
}

/// `repr(obj.name(*args))` and then `repr(obj)`, joined by ` | ` (for mutating methods).
pub fn show_mut(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> String {
    let r = show(vm, obj, name, args);
    format!("{r} | {}", repr(vm, obj))
}

/// Runs Python source in a fresh module and returns `str(r)` (the variable `r` the code
/// sets), or the exception that escaped as `Kind: message`.
pub fn py(code: &str) -> String {
    let mut vm = vm();
    let globals = std::sync::Arc::new(crate::objects::DictObj::new());
    globals.set_str("__name__", Value::str("__main__"));
    let r = crate::vm::import::exec_source(
        &mut vm,
        "<test>",
        code.to_string(),
        &globals,
        crate::compiler::Mode::Exec,
    );
    match r {
        Ok(_) => match globals.get_str("r") {
            Some(v) => vm.str(&v).unwrap_or_else(|e| msg(&e)),
            None => "<no r>".into(),
        },
        Err(e) => msg(&e),
    }
}

/// A frozenset with the given items, inserted in order.
pub fn fset(items: Vec<Value>) -> Value {
    match set(items) {
        Value::Set(s) => Value::Set(std::sync::Arc::new(crate::objects::SetObj::from_inner(
            true,
            s.lock().clone(),
        ))),
        other => other,
    }
}
