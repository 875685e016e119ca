//! Builtins that need the calling frame: `globals()`, `locals()`, `vars()` and `dir()` with no
//! arguments, and zero-argument `super()`.

use super::frame::Frame;
use super::Vm;
use crate::objects::class::types;
use crate::objects::{DictObj, PyErr, PyResult, Value};
use std::sync::Arc;

/// The local namespace of a frame as a dict (`locals()`): the namespace of a module or class
/// body, or a snapshot of a function's locals and cells.
pub fn frame_locals(f: &Frame) -> Arc<DictObj> {
    if let Some(ns) = &f.ns {
        return ns.clone();
    }
    let d = Arc::new(DictObj::new());
    let co = &f.code.obj;
    for (name, v) in co.varnames.iter().zip(f.locals.iter()) {
        if let Some(v) = v {
            d.set_str(name, v.clone());
        }
    }
    for (name, cell) in co
        .cellvars
        .iter()
        .chain(co.freevars.iter())
        .zip(f.cells.iter())
    {
        if let Some(v) = cell.get() {
            d.set_str(name, v);
        }
    }
    d
}

/// Builtins that read the calling frame when called without arguments: `globals()`,
/// `locals()`, `vars()`, `dir()` and zero-argument `super()`.
pub fn frame_intrinsic(vm: &mut Vm, f: &Frame, func: &Value) -> PyResult<Option<Value>> {
    match func {
        Value::Builtin(b) if b.owner.is_none() && b.bound.is_none() => Ok(match b.name {
            "globals" => Some(Value::Dict(f.globals.clone())),
            "locals" | "vars" => Some(Value::Dict(frame_locals(f))),
            "dir" => {
                let mut names: Vec<String> = frame_locals(f)
                    .keys()
                    .into_iter()
                    .filter_map(|k| match k {
                        Value::Str(s) => Some(s.as_str().to_string()),
                        _ => None,
                    })
                    .collect();
                names.sort();
                Some(Value::list(names.into_iter().map(Value::str).collect()))
            }
            _ => None,
        }),
        Value::Class(c) if Arc::ptr_eq(c, &types().super_) => {
            let co = &f.code.obj;
            if co.argcount == 0 && !co.has_varargs {
                return Err(PyErr::runtime_error("super(): no arguments"));
            }
            let first = match co.cell2arg.iter().position(|a| *a == Some(0)) {
                Some(ci) => f.cells.get(ci).and_then(|c| c.get()),
                None => f.locals.first().cloned().flatten(),
            };
            let Some(first) = first else {
                return Err(PyErr::runtime_error("super(): arg[0] deleted"));
            };
            let ncell = co.cellvars.len();
            let class = co
                .freevars
                .iter()
                .position(|n| &**n == "__class__")
                .and_then(|i| f.cells.get(ncell + i))
                .and_then(|c| c.get());
            match class {
                Some(Value::Class(c)) => {
                    crate::builtins::types_ctor::make_super(c, first).map(Some)
                }
                _ => Err(PyErr::runtime_error("super(): __class__ cell not found")),
            }
        }
        _ => {
            let _ = vm;
            Ok(None)
        }
    }
}
