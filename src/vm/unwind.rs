//! Exceptions in flight: linking them to the exception being handled, recording traceback
//! entries, finding a frame's handler, and turning `raise X` operands into exceptions.

use super::frame::{Block, Frame};
use super::Vm;
use crate::objects::exception::{exc_state, TbEntry};
use crate::objects::function::Args;
use crate::objects::{PyErr, PyResult, Value};

/// Records where an exception passed and links it to the exception being handled.
pub fn note_raise(vm: &mut Vm, frame: &Frame, err: &PyErr, set_context: bool) {
    if let Some(st) = exc_state(&err.0) {
        st.lock().traceback.push(TbEntry {
            code: frame.code.clone(),
            pc: frame.pc.saturating_sub(1),
            globals: frame.globals.clone(),
        });
    }
    if set_context {
        if let Some(h) = &vm.handled {
            if !h.is(&err.0) {
                // Break a cycle: if `err` already appears in h's context chain, cut it there.
                let mut cur = h.clone();
                for _ in 0..1000 {
                    let next = exc_state(&cur).and_then(|s| s.lock().context.clone());
                    match next {
                        Some(n) if n.is(&err.0) => {
                            if let Some(s) = exc_state(&cur) {
                                s.lock().context = None;
                            }
                            break;
                        }
                        Some(n) => cur = n,
                        None => break,
                    }
                }
                if let Some(st) = exc_state(&err.0) {
                    st.lock().context = Some(h.clone());
                }
            }
        }
    }
}

/// Finds a handler in `frame` for `err`; true when control moved to it.
pub fn unwind_blocks(vm: &mut Vm, frame: &mut Frame, err: &PyErr) -> bool {
    while let Some(b) = frame.blocks.pop() {
        match b {
            Block::Except { handler, level } => {
                frame.stack.truncate(level);
                let prev = vm.handled.replace(err.0.clone());
                frame.blocks.push(Block::Handler { prev });
                frame.stack.push(err.0.clone());
                frame.pc = handler as usize;
                return true;
            }
            Block::Handler { prev } => vm.handled = prev,
        }
    }
    false
}

/// `raise X`: X may be an exception instance or class.
pub fn make_exception(vm: &mut Vm, e: Value) -> PyResult<PyErr> {
    match &e {
        Value::Instance(i) if i.class().exc_kind.is_some() => Ok(PyErr(e)),
        Value::Class(c) if c.exc_kind.is_some() => {
            let inst = vm.call(&e, Args::new(&[]))?;
            if exc_state(&inst).is_none() {
                return Err(PyErr::type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    vm.repr(&e)?,
                    inst.type_name()
                )));
            }
            Ok(PyErr(inst))
        }
        _ => Err(PyErr::type_error(
            "exceptions must derive from BaseException",
        )),
    }
}

/// `except T:` matching.
pub fn exception_matches(exc: &Value, typ: &Value) -> PyResult<bool> {
    match typ {
        Value::Class(c) => {
            if c.exc_kind.is_none() {
                return Err(PyErr::type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
            Ok(exc.class().is_subclass(c))
        }
        Value::Tuple(t) => {
            for x in t.items.iter() {
                if exception_matches(exc, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(PyErr::type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        )),
    }
}
