//! `functools`, `contextlib`, `bisect`, `hashlib` (sha1 only) and `optparse`: written in Python (`py/functools.py`, ...)
//! after CPython's algorithms; they only need the public object protocol.

use super::util::python_module;
use crate::objects::{Module, PyResult};
use crate::vm::Vm;
use std::sync::Arc;

pub fn init(vm: &mut Vm) -> PyResult<Arc<Module>> {
    python_module(vm, "functools", &[], include_str!("py/functools.py"))
}

pub fn init_contextlib(vm: &mut Vm) -> PyResult<Arc<Module>> {
    python_module(vm, "contextlib", &[], include_str!("py/contextlib.py"))
}

/// `bisect`: CPython's bisection in Python (`py/bisect.py`).
pub fn init_bisect(vm: &mut Vm) -> PyResult<Arc<Module>> {
    python_module(vm, "bisect", &[], include_str!("py/bisect.py"))
}

/// `hashlib`: sha1 in Python (`py/hashlib.py`); other algorithms are not built yet.
pub fn init_hashlib(vm: &mut Vm) -> PyResult<Arc<Module>> {
    python_module(vm, "hashlib", &[], include_str!("py/hashlib.py"))
}

/// `optparse`: CPython's option parser reduced to the common API (`py/optparse.py`).
pub fn init_abc(vm: &mut Vm) -> PyResult<Arc<Module>> {
    python_module(vm, "abc", &[], include_str!("py/abc.py"))
}

pub fn init_optparse(vm: &mut Vm) -> PyResult<Arc<Module>> {
    python_module(vm, "optparse", &[], include_str!("py/optparse.py"))
}
