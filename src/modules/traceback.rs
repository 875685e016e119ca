//! The `traceback` module: the VM already formats tracebacks the CPython way
//! (`vm::traceback`); these helpers expose that text and the frame entries to the Python
//! half in `py/traceback.py`.

use super::util::{pos, python_module};
use crate::objects::exception::{exc_state, TbEntry};
use crate::objects::function::Args;
use crate::objects::{Module, PyErr, PyResult, Value};
use crate::vm::frames::FrameObj;
use crate::vm::traceback::{exception_line, format_exception, Traceback};
use crate::vm::Vm;
use std::sync::Arc;

/// The frame entries (innermost first) of an exception or a traceback object.
fn entries_of(v: &Value) -> Vec<TbEntry> {
    if let Some(tb) = v.as_native::<Traceback>() {
        return tb.entries.clone();
    }
    exc_state(v)
        .map(|s| s.lock().traceback.clone())
        .unwrap_or_default()
}

/// `_format(exc)`: the whole report, chained exceptions included.
fn format_full(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = pos(&args, 0, "_format")?;
    Ok(Value::str(format_exception(vm, exc)))
}

/// `_format_entries(exc_or_tb, limit=None)`: one string per frame, outermost first, cut to
/// `limit` as `traceback.extract_tb` does (the first `limit`, or the last `-limit`), with runs
/// of identical entries summarised as CPython's `StackSummary.format` does.
fn format_entries(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = pos(&args, 0, "_format_entries")?;
    let entries = entries_of(v);
    let mut sel: Vec<&TbEntry> = entries.iter().rev().collect();
    if let Some(l) = args.pos.get(1).filter(|l| !l.is_none()) {
        let l = crate::builtins::method_args::index_arg(vm, l)?;
        let n = sel.len();
        if l >= 0 {
            sel.truncate((l as u64).min(n as u64) as usize);
        } else {
            sel.drain(..n.saturating_sub(l.unsigned_abs().min(n as u64) as usize));
        }
    }
    Ok(Value::list(
        crate::vm::traceback::format_entries(&sel)
            .into_iter()
            .map(Value::str)
            .collect(),
    ))
}

/// `_exception_line(exc)`: `ValueError: bad` (with its newline).
fn exc_line(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = pos(&args, 0, "_exception_line")?;
    let entries = entries_of(exc);
    Ok(Value::str(exception_line(vm, exc, entries.first())))
}

/// `_extract(exc_or_tb)`: (filename, lineno, name, line) per frame, outermost first.
fn extract(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = pos(&args, 0, "_extract")?;
    let entries = entries_of(v);
    Ok(Value::list(
        entries
            .iter()
            .rev()
            .map(|e| {
                let co = &e.code.obj;
                let line = co.line_of(e.pc);
                Value::tuple(vec![
                    Value::str(co.source.name.clone()),
                    Value::Int(line as i64),
                    Value::str(co.name.to_string()),
                    Value::str(co.source.line_text(line).trim().to_string()),
                ])
            })
            .collect(),
    ))
}

/// `_frame_summary(frame)`: (filename, lineno, name, line) of a frame object (a stack entry
/// carries no column positions in CPython 3.11, so it is printed without markers).
fn frame_summary(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = pos(&args, 0, "_frame_summary")?;
    let Some(f) = v.as_native::<FrameObj>() else {
        return Err(PyErr::type_error(format!(
            "'{}' object is not a frame",
            v.type_name()
        )));
    };
    let co = &f.code.obj;
    let line = f.line();
    Ok(Value::tuple(vec![
        Value::str(co.source.name.clone()),
        Value::Int(line as i64),
        Value::str(co.name.to_string()),
        Value::str(co.source.line_text(line).trim().to_string()),
    ]))
}

pub fn init(vm: &mut Vm) -> PyResult<Arc<Module>> {
    python_module(
        vm,
        "traceback",
        &[
            ("_format", format_full),
            ("_format_entries", format_entries),
            ("_exception_line", exc_line),
            ("_extract", extract),
            ("_frame_summary", frame_summary),
        ],
        include_str!("py/traceback.py"),
    )
}
