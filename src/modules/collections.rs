//! The `collections` module: the native `deque` (deque.rs) plus the Python classes of
//! `py/collections.py` (defaultdict, Counter, OrderedDict, namedtuple, ChainMap).

use super::util::{native_module, tuple_new};
use crate::objects::{Module, PyResult, Value};
use crate::vm::Vm;
use std::sync::Arc;

pub fn init(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = native_module("collections", &[("_tuple_new", tuple_new)]);
    m.set("deque", Value::Class(super::deque::deque_class()));
    super::util::exec_embedded(vm, &m, include_str!("py/collections.py"))?;
    Ok(m)
}

/// `operator`: the function forms of the operators, in Python (`py/operator.py`).
pub fn init_operator(vm: &mut Vm) -> PyResult<Arc<Module>> {
    super::util::python_module(vm, "operator", &[], include_str!("py/operator.py"))
}
