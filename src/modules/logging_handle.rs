//! `_pyt_logging.handle(handler, record)`: `Handler.handle` for an untouched `StreamHandler` or
//! `FileHandler` writing to a text file `open()` made, done natively: no filters, the native
//! `Formatter.format` (`logging_format`), then under the handler's lock the text and its
//! terminator as one write plus the flush. Answers None, before any visible effect, whenever
//! the Python methods must run instead (a subclass, a class or instance override, filters, a
//! stream of another kind, a formatter or record the native format declines).

use super::logging_fast::{setup_ref, Setup};
use crate::objects::function::Args;
use crate::objects::{DictObj, PyResult, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::sync::{Arc, Weak};

/// The attributes `StreamHandler.__init__`/`FileHandler.__init__` give a handler: an instance
/// attribute by any other name could shadow a method (`emit`, `format`, `terminator` ...).
const HANDLER_ATTRS: [&str; 13] = [
    "filters",
    "_name",
    "level",
    "formatter",
    "_closed",
    "lock",
    "stream",
    "baseFilename",
    "mode",
    "encoding",
    "errors",
    "delay",
    "_builtin_open",
];

/// `StreamHandler.terminator` as `logging` defines it (current while the class is untouched).
const TERMINATOR: &str = "\n";

/// The attributes `Logger.__init__` gives a logger.
const LOGGER_ATTRS: [&str; 9] = [
    "manager",
    "filters",
    "name",
    "level",
    "parent",
    "propagate",
    "handlers",
    "disabled",
    "_cache",
];

type Checked = RefCell<Option<(Weak<DictObj>, u64)>>;

thread_local! {
    /// The handler dict last found to hold only `HANDLER_ATTRS`, with its write count then
    /// (a `Weak` so its address cannot be reused by another dict while remembered).
    static CHECKED: Checked = const { RefCell::new(None) };
    /// The same for a logger's dict and `LOGGER_ATTRS`.
    static LOGGER_CHECKED: Checked = const { RefCell::new(None) };
}

fn only_handler_attrs(d: &Arc<DictObj>) -> bool {
    only_attrs(d, &HANDLER_ATTRS, &CHECKED)
}

/// Whether the instance dict `d` holds no attribute outside `attrs` (remembered in `checked`
/// until the dict is written).
fn only_attrs(
    d: &Arc<DictObj>,
    attrs: &[&str],
    checked: &'static std::thread::LocalKey<Checked>,
) -> bool {
    let writes = d.writes();
    let hit = checked.with(|c| {
        c.borrow()
            .as_ref()
            .is_some_and(|(w, n)| *n == writes && std::ptr::eq(w.as_ptr(), Arc::as_ptr(d)))
    });
    if hit {
        return true;
    }
    let ok = d.lock().iter().all(|e| match &e.key {
        Value::Str(k) => attrs.contains(&k.as_str()),
        _ => false,
    });
    if ok {
        // `writes` was read before the keys: a write since then changed the count.
        checked.with(|c| *c.borrow_mut() = Some((Arc::downgrade(d), writes)));
    }
    ok
}

/// The handler's filters, lock, stream and formatter, when it is one this module handles.
fn handler_parts(s: &Setup, h: &Value) -> Option<(Value, Value, Value)> {
    let Value::Instance(hi) = h else { return None };
    {
        let cls = hi.class_ref();
        if !s.handler_classes.iter().any(|c| Arc::ptr_eq(c, &cls)) {
            return None;
        }
    }
    if !s.handlers_intact() || !only_handler_attrs(&hi.dict) {
        return None;
    }
    let d = hi.dict.lock();
    let get = |k: &str| {
        d.get_str(k, crate::objects::str::hash_bytes(k.as_bytes()))
            .cloned()
    };
    match get("filters")? {
        Value::List(l) if l.is_empty() => {}
        _ => return None,
    }
    let (lock, stream, formatter) = (get("lock")?, get("stream")?, get("formatter")?);
    if stream.is_none() {
        return None;
    }
    drop(d);
    let formatter = match formatter {
        Value::None => s.global_value("_defaultFormatter")?,
        f @ Value::Instance(_) => f,
        _ => return None,
    };
    Some((lock, stream, formatter))
}

/// `handle(handler, record)`: True when the record was written, the exception (not raised)
/// when the write failed (the caller reports it through `handleError`), None when the
/// Python `handler.handle(record)` must run.
pub fn handle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(s), [h, r]) = (setup_ref(), args.pos) else {
        return Ok(Value::None);
    };
    handle_one(vm, s, h, r)
}

fn handle_one(vm: &mut Vm, s: &Setup, h: &Value, r: &Value) -> PyResult<Value> {
    let Some((lock, stream, formatter)) = handler_parts(s, h) else {
        return Ok(Value::None);
    };
    // Formatting an untouched formatter's record runs no Python code and touches only the
    // record, so it happens before the lock: the lock covers just the write, as short as a
    // critical section can be when four threads share one file.
    if !crate::builtins::file::is_text_file(&stream) {
        return Ok(Value::None);
    }
    let Some(text) = super::logging_format::format_record(vm, s, &formatter, r) else {
        return Ok(Value::None);
    };
    match super::thread::with_enter(vm, &lock) {
        None => return Ok(Value::None),
        Some(Err(e)) => return Err(e),
        Some(Ok(_)) => {}
    }
    let written = crate::builtins::file::write_record(&stream, &text, TERMINATOR);
    if let Some(Err(e)) = super::thread::with_exit(vm, &lock) {
        return Err(e);
    }
    Ok(match written {
        None => Value::None,
        Some(Ok(())) => Value::Bool(true),
        Some(Err(e)) => e.0,
    })
}

/// `dispatch(logger, record)`: `logger.handle(record)` for an untouched Logger or RootLogger
/// with no filters, walking the handler chain as `callHandlers` does (each handler natively
/// through `handle_one`, or its Python `handle`); None when the Python method must run.
pub fn dispatch(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(s), [lg, r]) = (setup_ref(), args.pos) else {
        return Ok(Value::None);
    };
    let Value::Instance(li) = lg else {
        return Ok(Value::None);
    };
    {
        let cls = li.class_ref();
        if !s.logger_classes.iter().any(|c| Arc::ptr_eq(c, &cls)) {
            return Ok(Value::None);
        }
    }
    if !s.loggers_intact() || !only_attrs(&li.dict, &LOGGER_ATTRS, &LOGGER_CHECKED) {
        return Ok(Value::None);
    }
    let (disabled, filters) = {
        let d = li.dict.lock();
        let get = |k: &str| {
            d.get_str(k, crate::objects::str::hash_bytes(k.as_bytes()))
                .cloned()
        };
        (get("disabled"), get("filters"))
    };
    match disabled.as_ref().and_then(super::logging_fast::plain_truth) {
        Some(true) => return Ok(Value::Bool(true)),
        Some(false) => {}
        None => return Ok(Value::None),
    }
    match filters {
        Some(Value::List(l)) if l.is_empty() => {}
        _ => return Ok(Value::None),
    }
    // From here on this is `callHandlers`, run whatever the values are.
    let mut c = lg.clone();
    let mut found = 0usize;
    let is_logger = |s: &Setup, v: &Value| of_class(v, &s.logger_classes) && s.loggers_intact();
    while is_logger(s, &c) || vm.truthy(&c)? {
        let handlers = attr(vm, &c, "handlers", is_logger(s, &c))?;
        let (list, snapshot) = match &handlers {
            Value::List(l) => (Some(l), Vec::new()),
            other => (None, vm.collect(other)?),
        };
        let mut i = 0;
        loop {
            let h = match list {
                Some(l) => l.get(i),
                None => snapshot.get(i).cloned(),
            };
            let Some(h) = h else { break };
            i += 1;
            found += 1;
            let plain_record =
                of_class(r, std::slice::from_ref(&s.record_cls)) && s.record_intact();
            let levelno = attr(vm, r, "levelno", plain_record)?;
            let plain_handler = of_class(&h, &s.handler_classes) && s.handlers_intact();
            let level = attr(vm, &h, "level", plain_handler)?;
            let at_level = match (&levelno, &level) {
                (Value::Int(a), Value::Int(b)) => a >= b,
                _ => {
                    let v = vm.compare(crate::parser::ast::CmpOp::GtE, &levelno, &level)?;
                    vm.truthy(&v)?
                }
            };
            if !at_level {
                continue;
            }
            match handle_one(vm, s, &h, r)? {
                Value::None => {
                    vm.call_method(&h, "handle", std::slice::from_ref(r))?;
                }
                Value::Bool(true) => {}
                exc => {
                    let report = s.global_value("_report_emit_error");
                    if let Some(f) = report {
                        vm.call(&f, Args::new(&[h.clone(), r.clone(), exc]))?;
                    }
                }
            }
        }
        let propagate = attr(vm, &c, "propagate", is_logger(s, &c))?;
        if !vm.truthy(&propagate)? {
            break;
        }
        c = attr(vm, &c, "parent", is_logger(s, &c))?;
    }
    if found == 0 {
        if let Some(f) = s.global_value("_no_handlers") {
            vm.call(&f, Args::new(&[lg.clone(), r.clone()]))?;
        }
    }
    Ok(Value::Bool(true))
}

/// Whether `v` is an instance of exactly one of `classes`.
fn of_class(v: &Value, classes: &[Arc<crate::objects::Class>]) -> bool {
    match v {
        Value::Instance(i) => {
            let cls = i.class_ref();
            classes.iter().any(|c| Arc::ptr_eq(c, &cls))
        }
        _ => false,
    }
}

/// `obj.name`; read straight from the instance dict when `plain` (an untouched logging class,
/// whose namespace has no descriptor or `__getattribute__` for these names).
fn attr(vm: &mut Vm, obj: &Value, name: &str, plain: bool) -> PyResult<Value> {
    if plain {
        if let Value::Instance(i) = obj {
            if let Some(v) = i.dict.get_str(name) {
                return Ok(v);
            }
        }
    }
    vm.getattr(obj, name)
}
