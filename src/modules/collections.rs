//! The `collections` module: the native `deque` (deque.rs) plus the Python classes of
//! `py/collections.py` (defaultdict, Counter, OrderedDict, namedtuple, ChainMap).

use super::util::{native_module, tuple_new};
use crate::objects::function::Args;
use crate::objects::{Module, PyErr, PyResult, Value};
use crate::vm::Vm;
use std::sync::Arc;

/// `__getitem__` for the dict subclasses here: the payload dict, then `__missing__`. Stored
/// in the class unbound (no owner), so it receives the instance itself, not its payload, and
/// can find the subclass's `__missing__`.
fn dict_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(me), Some(key)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(PyErr::type_error("__getitem__ expected 1 argument"));
    };
    if let Some(Value::Dict(d)) = crate::vm::ops::base_value(me) {
        let d = d.clone();
        if let Some(v) = vm.dict_get(&d, key)? {
            return Ok(v);
        }
    }
    match vm.call_special(me, "__missing__", std::slice::from_ref(key))? {
        Some(v) => Ok(v),
        None => Err(PyErr::key_error(key.clone())),
    }
}

pub fn init(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = native_module(
        "collections",
        &[("_tuple_new", tuple_new), ("_dict_getitem", dict_getitem)],
    );
    m.set("deque", Value::Class(super::deque::deque_class()));
    super::util::exec_embedded(vm, &m, include_str!("py/collections.py"))?;
    Ok(m)
}

/// `operator`: the function forms of the operators, in Python (`py/operator.py`).
pub fn init_operator(vm: &mut Vm) -> PyResult<Arc<Module>> {
    super::util::python_module(vm, "operator", &[], include_str!("py/operator.py"))
}
