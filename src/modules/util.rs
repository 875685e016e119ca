//! Shared helpers for builtin modules: building a module from a table of native functions,
//! running an embedded Python source as a module body, and argument conversions.

use crate::compiler::Mode;
use crate::objects::function::{Args, NativeFn};
use crate::objects::{Builtin, Module, PyErr, PyResult, Value};
use crate::vm::Vm;
use num_bigint::BigInt;
use std::sync::Arc;

/// A new module holding the given native functions.
pub fn native_module(name: &str, funcs: &[(&'static str, NativeFn)]) -> Arc<Module> {
    let m = Arc::new(Module::new(name));
    for (n, f) in funcs {
        m.set(n, Value::Builtin(Arc::new(Builtin::new(n, *f))));
    }
    m
}

/// Runs embedded Python source as the body of module `m` (file name `<frozen NAME>`).
pub fn exec_embedded(vm: &mut Vm, m: &Arc<Module>, source: &str) -> PyResult<()> {
    m.set("__builtins__", Value::Module(vm.interp.builtins.clone()));
    let filename = format!("<frozen {}>", m.name);
    crate::vm::import::exec_source(vm, &filename, source.to_string(), &m.dict, Mode::Exec)?;
    Ok(())
}

/// A module written in Python, optionally seeded with native helpers.
pub fn python_module(
    vm: &mut Vm,
    name: &str,
    funcs: &[(&'static str, NativeFn)],
    source: &str,
) -> PyResult<Arc<Module>> {
    let m = native_module(name, funcs);
    exec_embedded(vm, &m, source)?;
    Ok(m)
}

/// The n-th positional argument or a CPython-style "missing argument" TypeError.
pub fn pos<'a>(args: &Args<'a>, i: usize, fname: &str) -> PyResult<&'a Value> {
    args.pos.get(i).ok_or_else(|| {
        PyErr::type_error(format!(
            "{fname}() takes at least {} argument{} ({} given)",
            i + 1,
            if i == 0 { "" } else { "s" },
            args.pos.len()
        ))
    })
}

/// A float from an int or float argument (`must be real number, not str`).
pub fn to_f64(v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => {
            use num_traits::ToPrimitive;
            b.to_f64()
                .filter(|f| f.is_finite())
                .ok_or_else(|| PyErr::overflow_error("int too large to convert to float"))
        }
        Value::Instance(i) => match &i.payload {
            crate::objects::instance::Payload::Base(b) => to_f64(b),
            _ => Err(not_real(v)),
        },
        _ => Err(not_real(v)),
    }
}

fn not_real(v: &Value) -> PyErr {
    PyErr::type_error(format!("must be real number, not {}", v.type_name()))
}

/// An exact integer argument (bool counts), as CPython's `__index__`.
pub fn to_bigint(v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        Value::Instance(i) => match &i.payload {
            crate::objects::instance::Payload::Base(b) => to_bigint(b),
            _ => Err(not_int(v)),
        },
        _ => Err(not_int(v)),
    }
}

/// An i64 integer argument.
pub fn to_i64(v: &Value) -> PyResult<i64> {
    use num_traits::ToPrimitive;
    to_bigint(v)?
        .to_i64()
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))
}

pub fn not_int(v: &Value) -> PyErr {
    PyErr::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        v.type_name()
    ))
}

/// `_tuple_new(cls, iterable)`: an instance of a tuple subclass carrying the tuple as its
/// builtin payload (what `tuple.__new__(cls, iterable)` does in CPython).
pub fn tuple_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::objects::instance::{Instance, Payload};
    let Value::Class(cls) = pos(&args, 0, "_tuple_new")? else {
        return Err(PyErr::type_error(
            "_tuple_new(): first argument must be a class",
        ));
    };
    let items = match args.pos.get(1) {
        Some(v) => vm.collect(v)?,
        None => vec![],
    };
    Ok(Value::Instance(Arc::new(Instance::new(
        cls.clone(),
        Arc::new(crate::objects::DictObj::new()),
        Payload::Base(Value::tuple(items)),
    ))))
}
