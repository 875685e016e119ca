//! The `warnings` module (Python, `py/warnings.py`) and `linecache` (`py/linecache.py`), plus
//! `_pyt_frames`: the native frame queries they and `logging` use (see `vm::frames`).

use super::util::{exec_embedded, native_module, pos};
use crate::objects::exception::exc_state;
use crate::objects::function::Args;
use crate::objects::{Module, PyErr, PyResult, Value};
use crate::vm::frames::{request, FrameQuery};
use crate::vm::Vm;
use std::sync::Arc;

fn int_arg(v: &Value, fname: &str) -> PyResult<i64> {
    match v {
        Value::Int(n) => Ok(*n),
        Value::Bool(b) => Ok(*b as i64),
        other => Err(PyErr::type_error(format!(
            "{fname}(): '{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}

/// `location(depth)`: `(filename, lineno, globals, is_python2_code)` of the frame `depth`
/// calls above the caller, or None when the stack is not that deep (warnings then blames
/// `sys`, line 1).
fn location(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let depth = int_arg(pos(&args, 0, "location")?, "location")?;
    Err(request(FrameQuery::Location(depth.max(0) as usize)))
}

/// `caller(internal_file, stacklevel)`: logging's `findCaller` in one call: walk back from the
/// calling frame `stacklevel` frames, not counting frames of `internal_file`; answers
/// `(filename, lineno, funcname)`.
fn caller(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let internal = match pos(&args, 0, "caller")? {
        Value::Str(s) => s.as_str().to_string(),
        _ => String::new(),
    };
    let stacklevel = int_arg(pos(&args, 1, "caller")?, "caller")?;
    Err(request(FrameQuery::Caller {
        internal,
        stacklevel,
    }))
}

/// The file name of the warnings module's frames.
const WARNINGS_SOURCE: &str = "<frozen warnings>";

/// `hide_warnings_frames(exc)`: drops the warnings module's own frames from the traceback of
/// a warning the "error" action raised, so it reads as CPython's (whose `warn` is C).
fn hide_warnings_frames(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = pos(&args, 0, "hide_warnings_frames")?;
    if let Some(st) = exc_state(exc) {
        st.lock()
            .traceback
            .retain(|e| &*e.code.obj.source.name != WARNINGS_SOURCE);
    }
    Ok(Value::None)
}

pub fn init_frames(_vm: &mut Vm) -> PyResult<Arc<Module>> {
    Ok(native_module(
        "_pyt_frames",
        &[
            ("location", location),
            ("caller", caller),
            ("hide_warnings_frames", hide_warnings_frames),
        ],
    ))
}

pub fn init_warnings(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = native_module("warnings", &[]);
    exec_embedded(vm, &m, include_str!("py/warnings.py"))?;
    Ok(m)
}

pub fn init_linecache(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = native_module("linecache", &[]);
    exec_embedded(vm, &m, include_str!("py/linecache.py"))?;
    Ok(m)
}
