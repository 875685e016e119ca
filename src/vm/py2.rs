//! Python 2 compatibility mode at run time, for code objects compiled from a Python 2 file
//! (`CodeObject::py2`, set when `parser::parse_file` fell back to Python 2 mode).
//!
//! It owns the print statement (`PrintItem`/`PrintNewline`) with CPython 2's softspace rule,
//! Python 2's integer division (`Py2Divide`), and the fallbacks the eval loop consults only after a lookup has failed in Python 2 code:
//! builtins (`xrange`, `apply`, `raw_input` ...), methods (`dict.has_key`, `Thread.isAlive`
//! ...) and module names (`Queue`, `thread`). Python 3 code never reaches any of them, so a
//! Python 3 module imported by a Python 2 script is unchanged.

use super::Vm;
use crate::builtins::float_fmt::{float_to_string, FloatFmt};
use crate::objects::class::types;
use crate::objects::function::Args;
use crate::objects::{Builtin, DictObj, ExcKind, NativeObject, PyErr, PyResult, Value};
use parking_lot::Mutex;
use std::sync::{Arc, Weak};

/// Softspace flags of native file objects other than the standard streams (files from
/// `open()`), which have no attribute dict to keep CPython 2's `softspace` attribute in.
/// Entries die with their file; dead ones are dropped on every update.
static NATIVE_SOFTSPACE: Mutex<Vec<(Weak<dyn NativeObject>, bool)>> = Mutex::new(Vec::new());

fn same_native(w: &Weak<dyn NativeObject>, a: &Arc<dyn NativeObject>) -> bool {
    std::ptr::eq(w.as_ptr() as *const u8, Arc::as_ptr(a) as *const u8)
}

/// Sets the softspace flag of `file` to `new` and returns its old value (CPython 2's
/// `PyFile_SoftSpace`): on the standard streams a flag of the shared output, on other native
/// files a side table, on anything else the `softspace` attribute, errors ignored.
fn softspace(vm: &mut Vm, file: &Value, new: bool) -> bool {
    if let Some(s) = file.as_native::<super::output::StdStream>() {
        return vm
            .interp
            .out
            .softspace(s.fd)
            .swap(new, std::sync::atomic::Ordering::SeqCst);
    }
    if let Value::Native(a) = file {
        let mut table = NATIVE_SOFTSPACE.lock();
        table.retain(|(w, _)| w.strong_count() > 0);
        if let Some(entry) = table.iter_mut().find(|(w, _)| same_native(w, a)) {
            return std::mem::replace(&mut entry.1, new);
        }
        table.push((Arc::downgrade(a), new));
        return false;
    }
    let old = match vm.getattr_opt(file, "softspace") {
        Ok(Some(v)) => vm.truthy(&v).unwrap_or(false),
        _ => false,
    };
    let _ = vm.setattr(file, "softspace", Value::Int(new as i64));
    old
}

/// The file a print statement writes to: its `>>` target, or `sys.stdout` for none or None.
fn target(vm: &mut Vm, file: Option<Value>) -> PyResult<Value> {
    match file {
        Some(f) if !f.is_none() => Ok(f),
        _ => match vm.interp.sys.get("stdout") {
            Some(f) if !f.is_none() => Ok(f),
            _ => Err(PyErr::new(ExcKind::RuntimeError, "lost sys.stdout")),
        },
    }
}

/// `str(v)` as Python 2 prints it: floats with 12 significant digits (`print 1/3.0` gives
/// `0.333333333333`), everything else as Python 3's `str`.
fn py2_str(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Value::Float(x) = v {
        let fmt = FloatFmt {
            code: 'g',
            precision: 12,
            alt: false,
            add_dot_0: true,
            upper: false,
        };
        let (neg, body) = float_to_string(*x, fmt);
        return Ok(if neg { format!("-{body}") } else { body });
    }
    vm.str(v)
}

/// One item of a print statement: a space first if the file's softspace is set, then the
/// item, each its own write (so threads interleave item by item, as under CPython 2); then
/// softspace is set unless the item is a string ending in whitespace other than a space.
pub fn print_item(vm: &mut Vm, file: Option<Value>, v: Value) -> PyResult<()> {
    let file = target(vm, file)?;
    if softspace(vm, &file, false) {
        super::output::write_to(vm, &file, " ")?;
    }
    let text = py2_str(vm, &v)?;
    super::output::write_to(vm, &file, &text)?;
    let ends_line = match &v {
        Value::Str(s) => s
            .as_str()
            .chars()
            .next_back()
            .is_some_and(|c| c.is_whitespace() && c != ' '),
        _ => false,
    };
    if !ends_line {
        softspace(vm, &file, true);
    }
    Ok(())
}

/// The end of a print statement without a trailing comma: a newline, and softspace cleared.
pub fn print_newline(vm: &mut Vm, file: Option<Value>) -> PyResult<()> {
    let file = target(vm, file)?;
    super::output::write_to(vm, &file, "\n")?;
    softspace(vm, &file, false);
    Ok(())
}

/// Python 2's `/` (and `/=`): floor division when both operands are ints (or bools, or
/// their subclasses), true division otherwise.
pub fn divide(vm: &mut Vm, a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
    use crate::parser::ast::BinOp;
    let int = &types().int;
    let op = if a.class().is_subclass(int) && b.class().is_subclass(int) {
        BinOp::FloorDiv
    } else {
        BinOp::Div
    };
    if inplace {
        vm.inplace_op(op, a, b)
    } else {
        vm.binop(op, a, b)
    }
}

/// Python 2's name for a module Python 3 renamed (`from Queue import Queue`), when `err` says
/// that very module was not found (not a module that it imports in turn).
pub fn module_alias(vm: &mut Vm, name: &str, err: &PyErr) -> Option<&'static str> {
    if !err.is(ExcKind::ModuleNotFoundError) {
        return None;
    }
    match vm.getattr_opt(&err.0, "name") {
        Ok(Some(Value::Str(s))) if s.as_str() == name => {}
        _ => return None,
    }
    Some(match name {
        "Queue" => "queue",
        "thread" => "_thread",
        "__builtin__" => "builtins",
        _ => return None,
    })
}

/// A Python 2 builtin that Python 3 removed or renamed; consulted after the globals and the
/// builtins missed.
pub fn builtin(vm: &mut Vm, name: &str, globals: &DictObj) -> PyResult<Option<Value>> {
    let renamed = match name {
        "xrange" => "range",
        "raw_input" => "input",
        "unicode" | "basestring" => "str",
        "long" => "int",
        "unichr" => "chr",
        "apply" => return Ok(Some(native("apply", apply))),
        "cmp" => return Ok(Some(native("cmp", cmp))),
        "reduce" => {
            let m = super::import::import_name(vm, "functools", 0, &Value::None, globals)?;
            return vm.getattr_opt(&m, "reduce");
        }
        _ => return Ok(None),
    };
    Ok(vm.interp.builtins.dict.get_str(renamed))
}

fn native(name: &'static str, f: crate::objects::function::NativeFn) -> Value {
    Value::Builtin(Arc::new(Builtin::new(name, f)))
}

/// `apply(function, args[, keywords])`: `function(*args, **keywords)`.
fn apply(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error("apply() takes no keyword arguments"));
    }
    let (func, pos, kw) = match args.pos {
        [f] => (f, None, None),
        [f, a] => (f, Some(a), None),
        [f, a, k] => (f, Some(a), Some(k)),
        _ => {
            return Err(PyErr::type_error(format!(
                "apply expected at least 1 arguments, got {}",
                args.pos.len()
            )))
        }
    };
    let pos = match pos {
        Some(a) => vm.collect(a)?,
        None => Vec::new(),
    };
    let (mut names, mut vals) = (Vec::new(), Vec::new());
    match kw {
        Some(Value::Dict(d)) => {
            for (k, v) in d.items() {
                names.push(k);
                vals.push(v);
            }
        }
        Some(v) if !v.is_none() => {
            return Err(PyErr::type_error(format!(
                "apply() arg 3 expected dictionary, found {}",
                v.type_name()
            )))
        }
        _ => {}
    }
    vm.call(func, Args::with_kw(&pos, &names, &vals))
}

/// `cmp(a, b)`: -1, 0 or 1.
fn cmp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.pos else {
        return Err(PyErr::type_error(format!(
            "cmp expected 2 arguments, got {}",
            args.pos.len()
        )));
    };
    use crate::parser::ast::CmpOp;
    let lt = vm.compare(CmpOp::Lt, a, b)?;
    if vm.truthy(&lt)? {
        return Ok(Value::Int(-1));
    }
    let gt = vm.compare(CmpOp::Gt, a, b)?;
    Ok(Value::Int(vm.truthy(&gt)? as i64))
}

/// A Python 2 method or attribute that Python 3 renamed; consulted after `obj.name` raised
/// AttributeError in Python 2 code.
pub fn attribute(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    if name == "maxint" && matches!(obj, Value::Module(m) if m.name.as_ref() == "sys") {
        return vm.getattr_opt(obj, "maxsize");
    }
    let is_dict = obj.class().is_subclass(&types().dict);
    let renamed = match name {
        "has_key" if is_dict => "__contains__",
        "iteritems" if is_dict => "items",
        "iterkeys" if is_dict => "keys",
        "itervalues" if is_dict => "values",
        "isAlive" => "is_alive",
        "next" => "__next__",
        _ => return Ok(None),
    };
    vm.getattr_opt(obj, renamed)
}
