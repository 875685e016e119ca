//! Creating classes: `__build_class__` (the `class` statement), `type(name, bases, dict)` and
//! `type.__new__`, with CPython's steps in CPython's order: the metaclass (explicit or the most
//! derived one of the bases), the C3 MRO, the namespace fix-ups `type_new` makes
//! (`__qualname__` taken out, `__doc__` defaulted, `__hash__ = None` beside `__eq__`, implicit
//! classmethods/staticmethods), then `__set_name__` and the parent's `__init_subclass__`.

use super::eval::{new_cells, run_frame};
use super::frame::Frame;
use super::Vm;
use crate::objects::class::types;
use crate::objects::descr::{ClassMethod, StaticMethod};
use crate::objects::function::Args;
use crate::objects::{Class, DictObj, PyErr, PyResult, Value};
use std::sync::Arc;

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`: runs the class body in a
/// fresh namespace and creates the class through its metaclass.
pub fn build_class(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(Value::Function(body)), Some(Value::Str(name))) = (args.pos.first(), args.pos.get(1))
    else {
        return Err(PyErr::type_error("__build_class__: func and name required"));
    };
    let mut bases = Vec::new();
    for b in &args.pos[2..] {
        match b {
            Value::Class(c) => bases.push(c.clone()),
            other => {
                return Err(PyErr::type_error(format!(
                    "bases must be types, not {}",
                    other.type_name()
                )))
            }
        }
    }
    let explicit = args.get_kw("metaclass").cloned();
    let (kwnames, kwvals): (Vec<Value>, Vec<Value>) = args
        .kw()
        .filter(|(k, _)| *k != "metaclass")
        .map(|(k, v)| (Value::str(k), v.clone()))
        .unzip();
    // The metaclass is decided before the body runs (CPython does, for __prepare__).
    let meta = match &explicit {
        Some(Value::Class(m)) => Value::Class(most_derived_meta(m, &bases)?),
        Some(other) => other.clone(),
        None => Value::Class(most_derived_meta(&types().type_, &bases)?),
    };
    let ns = Arc::new(DictObj::new());
    let mut frame = Frame::new(body.code.clone(), body.globals.clone(), Some(ns.clone()));
    frame.cells = new_cells(&body.code, &frame.locals, &body.closure);
    let classcell = run_frame(vm, Box::new(frame))?;
    // As CPython's class bodies do: the `__class__` cell travels in the namespace, so
    // type.__new__ fills it before `__set_name__`/`__init_subclass__` run.
    if let Value::Cell(_) = &classcell {
        ns.set_str("__classcell__", classcell.clone());
    }
    let bases_t = Value::tuple(bases.iter().cloned().map(Value::Class).collect());
    let pos = [Value::Str(name.clone()), bases_t, Value::Dict(ns.clone())];
    let cls_value = match &meta {
        Value::Class(m) if Arc::ptr_eq(m, &types().type_) => {
            let kw: Vec<(Value, Value)> = kwnames.into_iter().zip(kwvals).collect();
            type_new(vm, m, name.as_str(), bases, &ns, &kw)?
        }
        m => vm.call(m, Args::with_kw(&pos, &kwnames, &kwvals))?,
    };
    if let Value::Cell(c) = &classcell {
        c.set(Some(cls_value.clone()));
    }
    Ok(cls_value)
}

/// The metaclass a class with these bases gets when `meta` is asked for: the most derived of
/// `meta` and the bases' metaclasses (TypeError when they are unrelated).
pub fn most_derived_meta(meta: &Arc<Class>, bases: &[Arc<Class>]) -> PyResult<Arc<Class>> {
    let mut winner = meta.clone();
    for b in bases {
        let bm = b.metaclass();
        if winner.is_subclass(&bm) {
            continue;
        }
        if bm.is_subclass(&winner) {
            winner = bm;
            continue;
        }
        return Err(PyErr::type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
             subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// `type.__new__(mcls, name, bases, ns, **kw)`: creates the class object.
pub fn type_new(
    vm: &mut Vm,
    mcls: &Arc<Class>,
    name: &str,
    bases: Vec<Arc<Class>>,
    ns: &Arc<DictObj>,
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|x| Arc::ptr_eq(x, b)) {
            return Err(PyErr::type_error(format!(
                "duplicate base class {}",
                b.name
            )));
        }
        let t = types();
        if [&t.bool, &t.none_type, &t.range, &t.slice, &t.function]
            .iter()
            .any(|c| Arc::ptr_eq(c, b))
        {
            return Err(PyErr::type_error(format!(
                "type '{}' is not an acceptable base type",
                b.name
            )));
        }
    }
    let meta = most_derived_meta(mcls, &bases)?;
    let dict = Arc::new(DictObj::from_inner(ns.lock().clone()));
    let qualname = match dict.del_str("__qualname__") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "type __qualname__ must be a str, not {}",
                other.type_name()
            )))
        }
        None => name.to_string(),
    };
    let classcell = dict.del_str("__classcell__");
    if dict.get_str("__module__").is_none() {
        // CPython takes the caller's `__name__`; the class statement always sets it, so only
        // `type(name, bases, dict)` gets here, and pyt has no calling frame to ask.
        dict.set_str("__module__", Value::str("__main__"));
    }
    if dict.get_str("__doc__").is_none() {
        dict.set_str("__doc__", Value::None);
    }
    if dict.get_str("__eq__").is_some() && dict.get_str("__hash__").is_none() {
        dict.set_str("__hash__", Value::None);
    }
    for n in ["__init_subclass__", "__class_getitem__"] {
        if let Some(f @ Value::Function(_)) = dict.get_str(n) {
            dict.set_str(n, Value::Native(Arc::new(ClassMethod { func: f })));
        }
    }
    if let Some(f @ Value::Function(_)) = dict.get_str("__new__") {
        let sm = StaticMethod {
            func: f,
            dict: Default::default(),
        };
        dict.set_str("__new__", Value::Native(Arc::new(sm)));
    }
    let meta = if Arc::ptr_eq(&meta, &types().type_) {
        None
    } else {
        Some(meta)
    };
    let cls = Class::new_user(name, &qualname, bases, dict.clone(), meta)?;
    let cls_value = Value::Class(cls.clone());
    if let Some(Value::Cell(c)) = &classcell {
        c.set(Some(cls_value.clone()));
    }
    for (k, v) in dict.items() {
        if let Some(sn) = vm.special(&v, "__set_name__") {
            vm.call(&sn, Args::new(&[v.clone(), cls_value.clone(), k]))?;
        }
    }
    init_subclass(vm, &cls, kw)?;
    Ok(cls_value)
}

/// Calls the parent's `__init_subclass__` (the first along the MRO after the class).
fn init_subclass(vm: &mut Vm, cls: &Arc<Class>, kw: &[(Value, Value)]) -> PyResult<()> {
    let found = cls
        .mro_rest
        .iter()
        .find_map(|c| c.dict.get_str("__init_subclass__").map(|f| (f, c.clone())));
    let Some((f, owner)) = found else {
        return Ok(());
    };
    if Arc::ptr_eq(&owner, &types().object) {
        if !kw.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}.__init_subclass__() takes no keyword arguments",
                cls.name
            )));
        }
        return Ok(());
    }
    let func = match &f {
        Value::Native(n) => match n.as_any().downcast_ref::<ClassMethod>() {
            Some(cm) => cm.func.clone(),
            None => f.clone(),
        },
        _ => f.clone(),
    };
    let (names, vals): (Vec<Value>, Vec<Value>) = kw.iter().cloned().unzip();
    vm.call(
        &func,
        Args::with_kw(&[Value::Class(cls.clone())], &names, &vals),
    )?;
    Ok(())
}

/// Reads `(name, bases, dict)` for `type(...)`/`type.__new__`.
fn name_bases_dict(
    vm: &mut Vm,
    args: &[Value],
) -> PyResult<(String, Vec<Arc<Class>>, Arc<DictObj>)> {
    let [name, bases, ns] = args else {
        return Err(PyErr::type_error("type() takes 1 or 3 arguments"));
    };
    let Value::Str(name) = name else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            name.type_name()
        )));
    };
    let Value::Tuple(_) = bases else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            bases.type_name()
        )));
    };
    let Value::Dict(ns) = ns else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            ns.type_name()
        )));
    };
    let mut out = Vec::new();
    for b in vm.collect(bases)? {
        match b {
            Value::Class(c) => out.push(c),
            _ => {
                return Err(PyErr::type_error(
                    "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
                     subclass of the metaclasses of all its bases",
                ))
            }
        }
    }
    Ok((name.as_str().to_string(), out, ns.clone()))
}

fn kw_pairs(args: &Args) -> Vec<(Value, Value)> {
    args.kw().map(|(k, v)| (Value::str(k), v.clone())).collect()
}

/// `type(x)` and `type(name, bases, dict, **kw)`.
pub fn type_call_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let [x] = args.pos {
        if !args.has_kw() {
            return Ok(Value::Class(x.class()));
        }
    }
    if args.pos.len() != 3 {
        return Err(PyErr::type_error("type() takes 1 or 3 arguments"));
    }
    let (name, bases, ns) = name_bases_dict(vm, args.pos)?;
    let meta = most_derived_meta(&types().type_, &bases)?;
    if !Arc::ptr_eq(&meta, &types().type_) {
        // A base's metaclass takes over, as CPython's type_new does.
        return vm.call(&Value::Class(meta), args);
    }
    type_new(vm, &types().type_, &name, bases, &ns, &kw_pairs(&args))
}

/// `type.__new__(mcls, name, bases, dict, **kw)`.
pub fn type_dunder_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(mcls)) = args.pos.first() else {
        return Err(PyErr::type_error("type.__new__(X): X is not a type object"));
    };
    if !mcls.is_subclass(&types().type_) {
        return Err(PyErr::type_error(format!(
            "type.__new__({}): {} is not a subtype of type",
            mcls.name, mcls.name
        )));
    }
    let rest = &args.pos[1..];
    if rest.len() == 1 && !args.has_kw() {
        return Ok(Value::Class(rest[0].class()));
    }
    if rest.len() != 3 {
        return Err(PyErr::type_error(format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            rest.len()
        )));
    }
    let (name, bases, ns) = name_bases_dict(vm, rest)?;
    type_new(vm, mcls, &name, bases, &ns, &kw_pairs(&args))
}

/// `type.__init__(cls, ...)`: nothing left to do (kept so metaclass `__init__`s can chain).
pub fn type_dunder_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `type.__call__(cls, *args, **kw)`: instantiation without the metaclass's own `__call__`
/// (what `super().__call__(...)` in a metaclass reaches).
pub fn type_dunder_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.pos.first() else {
        return Err(PyErr::type_error(
            "descriptor '__call__' of 'type' object needs an argument",
        ));
    };
    let cls = cls.clone();
    super::call::class_call_plain(
        vm,
        &cls,
        Args::with_kw(&args.pos[1..], args.kwnames, args.kwvals),
    )
}
