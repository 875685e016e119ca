//! Method tables of the builtin types. Each type's methods live in their own file
//! (`str_methods`, `list_methods` ...); this installs them all at start-up.

use super::{add_method, add_methods};
use crate::objects::class::types;
use crate::objects::descr::Property;
use crate::objects::exception::exc_state;
use crate::objects::function::Args;
use crate::objects::iter::{iter_class, ITER_CLASS_NAMES};
use crate::objects::{ExcKind, PyErr, PyResult, Value};
use crate::vm::Vm;

pub fn install() {
    let t = types();
    add_methods(
        &t.object,
        "object",
        &[
            ("__init__", object_init),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__hash__", object_hash),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__getattribute__", object_getattribute),
            ("__dir__", object_dir),
            ("__init_subclass__", object_init_subclass),
            ("__new__", object_new),
            // Orderings default to NotImplemented (the protocol skips object's own methods;
            // these exist so dir() and getattr see what CPython's object has).
            ("__lt__", |_, _| Ok(Value::NotImplemented)),
            ("__le__", |_, _| Ok(Value::NotImplemented)),
            ("__gt__", |_, _| Ok(Value::NotImplemented)),
            ("__ge__", |_, _| Ok(Value::NotImplemented)),
            ("__sizeof__", |_, _| Ok(Value::Int(16))),
            ("__getstate__", object_getstate),
            ("__reduce__", object_reduce),
            ("__reduce_ex__", object_reduce),
            ("__subclasshook__", |_, _| Ok(Value::NotImplemented)),
        ],
    );
    t.object.dict.set_str("__doc__", Value::str(OBJECT_DOC));
    add_methods(
        &t.type_,
        "type",
        &[
            ("mro", type_mro),
            ("__new__", crate::vm::typenew::type_dunder_new),
            ("__init__", crate::vm::typenew::type_dunder_init),
            ("__call__", crate::vm::typenew::type_dunder_call),
        ],
    );
    add_methods(
        &t.property,
        "property",
        &[
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__get__", property_get),
            ("__set__", property_set),
            ("__delete__", property_delete),
            ("__set_name__", property_set_name),
        ],
    );
    let base = t.exc(ExcKind::BaseException);
    add_methods(
        base,
        "BaseException",
        &[
            ("__init__", exc_init),
            ("with_traceback", exc_with_traceback),
            ("add_note", exc_add_note),
        ],
    );
    for name in ITER_CLASS_NAMES {
        let c = iter_class(name);
        if name.starts_with("dict_") && !name.ends_with("iterator") {
            continue;
        }
        add_method(&c, name, "__next__", iter_next);
        add_method(&c, name, "__iter__", iter_self);
    }
    let g = iter_class("generator");
    add_methods(
        &g,
        "generator",
        &[
            ("send", crate::vm::generator::method_send),
            ("throw", crate::vm::generator::method_throw),
            ("close", crate::vm::generator::method_close),
            ("__next__", crate::vm::generator::method_next),
            ("__iter__", crate::vm::generator::method_iter),
        ],
    );
    crate::builtins::format::install();
}

/// `object.__doc__`, as CPython's.
const OBJECT_DOC: &str = "The base class of the class hierarchy.\n\nWhen called, it accepts no \
arguments and returns a new featureless\ninstance that has no instance attributes and cannot be \
given any.\n";

/// `object.__init_subclass__(cls)`: the end of the chain accepts no keyword arguments.
fn object_init_subclass(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kw() {
        let name = match args.pos.first() {
            Some(Value::Class(c)) => c.name.to_string(),
            _ => "object".to_string(),
        };
        return Err(PyErr::type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}

fn object_getstate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match this(&args)? {
        Value::Instance(i) if !i.dict.is_empty() => Ok(Value::Dict(i.dict.clone())),
        _ => Ok(Value::None),
    }
}

/// pyt has no pickle: reducing an object for it is an error.
fn object_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(&args)?;
    Err(PyErr::type_error(format!(
        "cannot pickle '{}' object",
        me.type_name()
    )))
}

fn this(args: &Args) -> PyResult<Value> {
    args.pos
        .first()
        .cloned()
        .ok_or_else(|| PyErr::type_error("descriptor needs an argument"))
}

fn object_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(&args)?;
    Ok(Value::str(vm.default_repr(&me)?))
}

fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(&args)?;
    Ok(Value::str(vm.repr(&me)?))
}

fn object_eq(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos {
        [a, b] => Ok(if a.is(b) {
            Value::Bool(true)
        } else {
            Value::NotImplemented
        }),
        _ => Err(PyErr::type_error("expected 1 argument")),
    }
}

fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos {
        [a, b] => {
            let r = vm
                .call_special(a, "__eq__", std::slice::from_ref(b))?
                .unwrap_or_else(|| Value::Bool(a.is(b)));
            match r {
                Value::NotImplemented => Ok(Value::NotImplemented),
                v => Ok(Value::Bool(!vm.truthy(&v)?)),
            }
        }
        _ => Err(PyErr::type_error("expected 1 argument")),
    }
}

fn object_hash(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(&args)?;
    Ok(Value::Int((crate::vm::ops::addr(&me) >> 4) as i64))
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, Value::Str(name), v] = args.pos else {
        return Err(PyErr::type_error("__setattr__ expected 2 arguments"));
    };
    match obj {
        Value::Instance(inst) => {
            let cls = inst.class();
            vm.generic_setattr(inst, &cls, obj, name.as_str(), v.clone())?;
            Ok(Value::None)
        }
        _ => {
            vm.setattr(obj, name.as_str(), v.clone())?;
            Ok(Value::None)
        }
    }
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, Value::Str(name)] = args.pos else {
        return Err(PyErr::type_error("__delattr__ expected 1 argument"));
    };
    match obj {
        Value::Instance(inst) => vm.generic_delattr(inst, obj, name.as_str())?,
        _ => vm.delattr(obj, name.as_str())?,
    }
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, Value::Str(name)] = args.pos else {
        return Err(PyErr::type_error("__getattribute__ expected 1 argument"));
    };
    // The generic lookup without the class's own __getattribute__ (nor __getattr__, which
    // the caller tries when this raises AttributeError).
    if let Value::Instance(inst) = obj {
        return match vm.generic_getattr(inst, obj, name.as_str())? {
            Some(v) => Ok(v),
            None => Err(vm.no_attribute(obj, name.as_str())),
        };
    }
    vm.getattr(obj, name.as_str())
}

fn object_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(&args)?;
    let mut names = Vec::new();
    if let Value::Instance(i) = &me {
        names.extend(i.dict.keys());
    }
    for c in me.class().mro() {
        names.extend(c.dict.keys());
    }
    let _ = vm;
    Ok(Value::list(names))
}

fn type_mro(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Class(c)) => Ok(Value::list(c.mro().into_iter().map(Value::Class).collect())),
        _ => Err(PyErr::type_error(
            "descriptor 'mro' of 'type' object needs an argument",
        )),
    }
}

fn exc_init(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(&args)?;
    if let Some(st) = exc_state(&me) {
        st.lock().args = args.pos[1..].to_vec();
    }
    Ok(Value::None)
}

fn exc_with_traceback(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(&args)
}

fn exc_add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(&args)?;
    let note = args.pos.get(1).cloned().unwrap_or(Value::None);
    if !matches!(note, Value::Str(_)) {
        return Err(PyErr::type_error(format!(
            "note must be a str, not '{}'",
            note.type_name()
        )));
    }
    let notes = match vm.getattr_opt(&me, "__notes__")? {
        Some(Value::List(l)) => Value::List(l),
        _ => {
            let l = Value::list(vec![]);
            vm.setattr(&me, "__notes__", l.clone())?;
            l
        }
    };
    if let Value::List(l) = notes {
        l.push(note);
    }
    Ok(Value::None)
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = this(&args)?;
    match vm.next(&me)? {
        Some(v) => Ok(v),
        None => Err(PyErr::stop_iteration(None)),
    }
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(&args)
}

fn with_property(args: &Args, which: usize) -> PyResult<Value> {
    let Some(p) = args.pos.first().and_then(|v| v.as_native::<Property>()) else {
        return Err(PyErr::type_error("descriptor requires a 'property' object"));
    };
    let f = args.pos.get(1).cloned().unwrap_or(Value::None);
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[which] = f;
    let [fget, fset, fdel] = parts;
    let np = Property::new(fget, fset, fdel, p.doc.clone());
    *np.name.write() = p.name.read().clone();
    Ok(Value::Native(std::sync::Arc::new(np)))
}

fn property_getter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    with_property(&args, 0)
}
fn property_setter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    with_property(&args, 1)
}
fn property_deleter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    with_property(&args, 2)
}

fn property_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(p), Some(obj)) = (
        args.pos.first().and_then(|v| v.as_native::<Property>()),
        args.pos.get(1),
    ) else {
        return Err(PyErr::type_error("__get__(None, None) is invalid"));
    };
    if obj.is_none() {
        return Ok(args.pos[0].clone());
    }
    if p.fget.is_none() {
        return Err(p.missing(obj, "getter"));
    }
    let f = p.fget.clone();
    vm.call(&f, Args::new(std::slice::from_ref(obj)))
}

fn property_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(p), Some(obj), Some(v)) = (
        args.pos.first().and_then(|v| v.as_native::<Property>()),
        args.pos.get(1),
        args.pos.get(2),
    ) else {
        return Err(PyErr::type_error("__set__ expected 2 arguments"));
    };
    if p.fset.is_none() {
        return Err(p.missing(obj, "setter"));
    }
    let f = p.fset.clone();
    vm.call(&f, Args::new(&[obj.clone(), v.clone()]))
}

fn property_delete(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(p), Some(obj)) = (
        args.pos.first().and_then(|v| v.as_native::<Property>()),
        args.pos.get(1),
    ) else {
        return Err(PyErr::type_error("__delete__ expected 1 argument"));
    };
    if p.fdel.is_none() {
        return Err(p.missing(obj, "deleter"));
    }
    let f = p.fdel.clone();
    vm.call(&f, Args::new(std::slice::from_ref(obj)))
}

fn property_set_name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let (Some(p), Some(Value::Str(name))) = (
        args.pos.first().and_then(|v| v.as_native::<Property>()),
        args.pos.get(2),
    ) {
        *p.name.write() = Some(name.as_str().into());
    }
    Ok(Value::None)
}

/// `object.__new__(cls)`: a new, uninitialised instance of `cls`.
fn object_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Class(c)) => {
            if c.base_kind == crate::objects::class::BaseKind::Builtin
                && !std::sync::Arc::ptr_eq(c, &types().object)
            {
                return Err(PyErr::type_error(format!(
                    "object.__new__({}) is not safe, use {}.__new__()",
                    c.name, c.name
                )));
            }
            crate::vm::call::check_abstract(c)?;
            Ok(crate::vm::call::new_instance(c, &[]))
        }
        Some(other) => Err(PyErr::type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            other.type_name()
        ))),
        None => Err(PyErr::type_error("object.__new__(): not enough arguments")),
    }
}
