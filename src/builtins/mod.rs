//! The `builtins` module: builtin functions, builtin types and their methods, all registered
//! in tables here (one place to look, as Lua's `linit.c`).

pub mod builtin_new;
pub mod bytes_methods;
pub mod bytes_search;
pub mod dict_methods;
pub mod dict_views;
pub mod file;
pub mod float_fmt;
pub mod float_hex;
pub mod format;
pub mod format_spec;
pub mod functions;
pub mod list_methods;
pub mod method_args;
pub mod methods;
pub mod num_methods;
pub mod percent;
pub mod range_methods;
pub mod set_methods;
pub mod str_codec;
pub mod str_format;
pub mod str_methods;
pub mod str_search;
#[cfg(test)]
pub mod testutil;
pub mod tuple_methods;
pub mod types_ctor;
pub mod unicode_tables;

use crate::objects::class::types;
use crate::objects::function::{Args, NativeFn};
use crate::objects::{Builtin, Class, PyErr, PyResult, Value};
use crate::vm::{Interpreter, Vm};
use std::sync::Arc;

/// Registers a builtin method in a builtin type's dict.
pub fn add_method(cls: &Arc<Class>, owner: &'static str, name: &'static str, f: NativeFn) {
    let mut b = Builtin::new(name, f);
    b.owner = Some(owner);
    cls.dict.set_str(name, Value::Builtin(Arc::new(b)));
}

pub fn add_methods(cls: &Arc<Class>, owner: &'static str, table: &[(&'static str, NativeFn)]) {
    for (name, f) in table {
        add_method(cls, owner, name, *f);
    }
}

/// Fills the builtins module and the builtin types' method dicts.
pub fn install(interp: &Arc<Interpreter>) {
    let b = &interp.builtins;
    let t = types();
    b.set("__name__", Value::str("builtins"));
    b.set(
        "__build_class__",
        Value::Builtin(Arc::new(Builtin::new(
            "__build_class__",
            crate::vm::call::build_class,
        ))),
    );
    for (name, f) in functions::TABLE {
        b.set(name, Value::Builtin(Arc::new(Builtin::new(name, *f))));
    }
    b.set("None", Value::None);
    b.set("Ellipsis", Value::Ellipsis);
    b.set("NotImplemented", Value::NotImplemented);
    b.set("False", Value::Bool(false));
    b.set("True", Value::Bool(true));
    let type_names: [(&str, &Arc<Class>); 21] = [
        ("bool", &t.bool),
        ("bytes", &t.bytes),
        ("classmethod", &t.classmethod),
        ("complex", &t.complex),
        ("dict", &t.dict),
        ("float", &t.float),
        ("frozenset", &t.frozenset),
        ("property", &t.property),
        ("int", &t.int),
        ("list", &t.list),
        ("object", &t.object),
        ("range", &t.range),
        ("set", &t.set),
        ("slice", &t.slice),
        ("staticmethod", &t.staticmethod),
        ("str", &t.str),
        ("super", &t.super_),
        ("tuple", &t.tuple),
        ("type", &t.type_),
        ("memoryview", &t.bytes),
        ("bytearray", &t.bytes),
    ];
    for (name, cls) in type_names {
        b.set(name, Value::Class(cls.clone()));
    }
    for name in ["enumerate", "filter", "map", "reversed", "zip"] {
        b.set(name, Value::Class(crate::objects::iter::iter_class(name)));
    }
    b.set("__debug__", Value::Bool(true));
    for &kind in crate::objects::ExcKind::ALL {
        b.set(kind.name(), Value::Class(t.exc(kind).clone()));
    }
    b.set(
        "EnvironmentError",
        Value::Class(t.exc(crate::objects::ExcKind::OSError).clone()),
    );
    b.set(
        "IOError",
        Value::Class(t.exc(crate::objects::ExcKind::OSError).clone()),
    );
    for name in ["exit", "quit"] {
        b.set(name, functions::make_exiter(name));
    }
    file::install(b);
    methods::install();
}

/// The constructor of a builtin type (what calling the class does).
pub fn constructor(cls: &Arc<Class>) -> Option<NativeFn> {
    types_ctor::constructor(cls)
}

/// `dir(obj)`: sorted attribute names.
pub fn dir_of(vm: &mut Vm, obj: &Value) -> PyResult<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    let add_dict = |d: &crate::objects::DictObj, names: &mut Vec<String>| {
        for k in d.keys() {
            if let Value::Str(s) = k {
                names.push(s.as_str().to_string());
            }
        }
    };
    match obj {
        // A module's own `__dir__` (PEP 562) answers for it, as CPython's module.__dir__ does.
        Value::Module(m) => match m.dict.get_str("__dir__") {
            Some(f) => {
                let listed = vm.call(&f, Args::new(&[]))?;
                for x in vm.collect(&listed)? {
                    if let Value::Str(s) = x {
                        names.push(s.as_str().to_string());
                    }
                }
                names.sort();
                names.dedup();
                return Ok(names);
            }
            None => add_dict(&m.dict, &mut names),
        },
        Value::Class(c) => {
            for k in c.mro() {
                add_dict(&k.dict, &mut names);
            }
        }
        Value::Instance(i) => {
            add_dict(&i.dict, &mut names);
            for k in i.class().mro() {
                add_dict(&k.dict, &mut names);
            }
        }
        _ => {
            if let Value::Function(f) = obj {
                add_dict(&f.dict, &mut names);
            }
            for k in obj.class().mro() {
                add_dict(&k.dict, &mut names);
            }
        }
    }
    if let Some(d) = vm.special(obj, "__dir__") {
        let r = vm.call(&d, Args::new(std::slice::from_ref(obj)))?;
        names = vm
            .collect(&r)?
            .into_iter()
            .filter_map(|v| match v {
                Value::Str(s) => Some(s.as_str().to_string()),
                _ => None,
            })
            .collect();
    } else {
        // What every object has without a dict entry, and the `__dict__`/`__weakref__`
        // descriptors CPython gives a class statement's instances.
        names.push("__class__".to_string());
        let cls = match obj {
            Value::Class(c) => Some(c.clone()),
            Value::Instance(i) => Some(i.class()),
            _ => None,
        };
        if let Some(c) = cls {
            if c.exc_kind.is_some() {
                // BaseException's data descriptors.
                for n in [
                    "__cause__",
                    "__context__",
                    "__suppress_context__",
                    "__traceback__",
                    "__setstate__",
                    "args",
                ] {
                    names.push(n.to_string());
                }
            }
            let mro = c.mro();
            let user = mro
                .iter()
                .any(|k| k.base_kind == crate::objects::class::BaseKind::Object);
            if user && !mro.iter().any(|k| k.dict.get_str("__slots__").is_some()) {
                names.push("__dict__".to_string());
                names.push("__weakref__".to_string());
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(names)
}

/// Argument checking helpers for builtins.
pub fn arg<'a>(args: &Args<'a>, i: usize, fname: &str, name: &str) -> PyResult<&'a Value> {
    if let Some(v) = args.pos.get(i) {
        return Ok(v);
    }
    if let Some(v) = args.get_kw(name) {
        return Ok(v);
    }
    Err(PyErr::type_error(format!(
        "{fname}() missing required argument '{name}' (pos {})",
        i + 1
    )))
}

/// An optional argument by position or keyword.
pub fn opt_arg<'a>(args: &Args<'a>, i: usize, name: &str) -> Option<&'a Value> {
    args.pos.get(i).or_else(|| args.get_kw(name))
}

/// Rejects more than `max` positional arguments, CPython style.
pub fn check_max_args(args: &Args, fname: &str, max: usize) -> PyResult<()> {
    if args.pos.len() > max {
        return Err(PyErr::type_error(format!(
            "{fname} expected at most {max} argument{}, got {}",
            if max == 1 { "" } else { "s" },
            args.pos.len()
        )));
    }
    Ok(())
}

/// Rejects keyword arguments, CPython style.
pub fn no_kwargs(args: &Args, fname: &str) -> PyResult<()> {
    if args.has_kw() {
        return Err(PyErr::type_error(format!(
            "{fname}() takes no keyword arguments"
        )));
    }
    Ok(())
}

/// A str argument.
pub fn str_arg<'a>(v: &'a Value, what: &str) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        other => Err(PyErr::type_error(format!(
            "{what} must be str, not {}",
            other.type_name()
        ))),
    }
}
