//! Calls: argument binding with CPython's error messages, frames for Python functions,
//! dispatch for every other callable, class instantiation and `__build_class__`.

use super::eval::{eval, new_cells, run_frame, Exit};
use super::frame::Frame;
use super::generator::Generator;
use super::Vm;
use crate::compiler::bytecode::CodeKind;
use crate::objects::class::{types, BaseKind};
use crate::objects::exception::ExcState;
use crate::objects::function::Args;
use crate::objects::instance::{Instance, Payload};
use crate::objects::{Class, DictObj, Function, PyErr, PyResult, Value};
use parking_lot::Mutex;
use std::sync::Arc;

/// What calling something turned out to need.
pub enum CallTarget {
    /// A Python frame to run (pushed by the eval loop without recursing).
    Frame(Box<Frame>),
    /// The call already completed.
    Done(Value),
}

/// Prepares a call: Python functions become frames, everything else is called right away.
pub fn prepare_call(vm: &mut Vm, func: &Value, args: Args) -> PyResult<CallTarget> {
    match func {
        Value::Function(f) => function_target(vm, f, None, args),
        Value::BoundMethod(m) => match &m.func {
            Value::Function(f) => function_target(vm, f, Some(&m.self_), args),
            other => {
                let mut pos = Vec::with_capacity(args.pos.len() + 1);
                pos.push(m.self_.clone());
                pos.extend_from_slice(args.pos);
                let other = other.clone();
                vm.call(&other, Args::with_kw(&pos, args.kwnames, args.kwvals))
                    .map(CallTarget::Done)
            }
        },
        _ => vm.call_other(func, args).map(CallTarget::Done),
    }
}

fn function_target(
    vm: &mut Vm,
    f: &Arc<Function>,
    self_: Option<&Value>,
    args: Args,
) -> PyResult<CallTarget> {
    let frame = make_frame(vm, f, self_, args)?;
    if f.code.obj.is_generator {
        return Ok(CallTarget::Done(Generator::new_value(frame, f)));
    }
    Ok(CallTarget::Frame(frame))
}

impl Vm {
    /// Calls any callable with the given arguments and waits for the result.
    pub fn call(&mut self, func: &Value, args: Args) -> PyResult<Value> {
        if let Some(frame) = plain_frame(self, func, &args) {
            return run_frame(self, frame);
        }
        match prepare_call(self, func, args) {
            Ok(CallTarget::Frame(frame)) => run_frame(self, frame),
            Ok(CallTarget::Done(v)) => Ok(v),
            Err(e) => super::frames::orphaned(self, e),
        }
    }

    /// `[func(x) for x in items]` from native code (a thread pool's map chunk): a `call` per
    /// item, with the native stack checked once (it does not grow from one call to the next)
    /// and one frame stack for all the calls of a plain function.
    pub fn call_each(&mut self, func: &Value, items: &[Value]) -> PyResult<Vec<Value>> {
        self.enter()?;
        self.leave();
        let mut out = Vec::with_capacity(items.len());
        let mut frames = self.empty_frame_stack();
        let mut r = Ok(());
        for x in items {
            let args = Args::new(std::slice::from_ref(x));
            let v = match plain_frame(self, func, &args) {
                Some(frame) => {
                    // Each frame is `enter`ed as `run_frame` does; the loop `leave`s it.
                    if let Err(e) = self.enter_frame() {
                        self.recycle_frame(frame);
                        r = Err(e);
                        break;
                    }
                    frames.push(frame);
                    eval(self, &mut frames).map(|exit| match exit {
                        Exit::Return(v) | Exit::Yield(v) => v,
                    })
                }
                None => self.call(func, args),
            };
            match v {
                Ok(v) => out.push(v),
                Err(e) => {
                    r = Err(e);
                    break;
                }
            }
        }
        self.give_frame_stack(frames);
        r.map(|()| out)
    }

    /// Calls a callable that is not a Python function or bound method.
    fn call_other(&mut self, func: &Value, args: Args) -> PyResult<Value> {
        match func {
            Value::Builtin(b) => match &b.bound {
                // Methods of builtin types receive a subclass instance itself (not its
                // payload): they unwrap it where they need the builtin value
                // (`builtins::method_args::this`), and keep it where they must return it
                // (`__iadd__`) or call its overrides (`dict.__getitem__` -> `__missing__`).
                Some(s) => {
                    let mut pos = Vec::with_capacity(args.pos.len() + 1);
                    pos.push(s.clone());
                    pos.extend_from_slice(args.pos);
                    (b.func)(self, Args::with_kw(&pos, args.kwnames, args.kwvals))
                }
                None => (b.func)(self, args),
            },
            Value::Class(c) => class_call(self, c, args),
            Value::Instance(_) => {
                let Some(f) = self.special(func, "__call__") else {
                    return Err(not_callable(func));
                };
                let mut pos = Vec::with_capacity(args.pos.len() + 1);
                pos.push(func.clone());
                pos.extend_from_slice(args.pos);
                self.call(&f, Args::with_kw(&pos, args.kwnames, args.kwvals))
            }
            Value::Native(n) => {
                if let Some(r) = n.call(self, func, args)? {
                    return Ok(r);
                }
                let cls = func.class();
                if let Some(f) = cls.lookup("__call__") {
                    let mut pos = Vec::with_capacity(args.pos.len() + 1);
                    pos.push(func.clone());
                    pos.extend_from_slice(args.pos);
                    return self.call(&f, Args::with_kw(&pos, args.kwnames, args.kwvals));
                }
                Err(not_callable(func))
            }
            _ => Err(not_callable(func)),
        }
    }
}

/// The frame for a native call of a plain function (or a method of one) given exactly its
/// positional parameters, the commonest call from native code (`map`, `sorted` keys, pool
/// tasks): built straight from the pooled frames as the eval loop's own call fast path does,
/// without `bind_args`. None for every other call.
#[inline]
fn plain_frame(vm: &mut Vm, func: &Value, args: &Args) -> Option<Box<Frame>> {
    let (f, self_) = match func {
        Value::Function(f) => (f, None),
        Value::BoundMethod(m) => match &m.func {
            Value::Function(f) => (f, Some(&m.self_)),
            _ => return None,
        },
        _ => return None,
    };
    let code = &f.code;
    let npos = args.pos.len() + self_.is_some() as usize;
    if !code.simple_args || args.has_kw() || npos != code.obj.argcount as usize {
        return None;
    }
    let mut frame = vm.new_frame_slice(code, &f.globals, self_, args.pos);
    // No cells of its own (`simple_args`), so the cells are just the closure's.
    frame.cells.extend(f.closure.iter().cloned());
    Some(frame)
}

fn not_callable(v: &Value) -> PyErr {
    PyErr::type_error(format!("'{}' object is not callable", v.type_name()))
}

/// How a callable is named in argument errors: `f()`, `A.f()`.
pub fn callable_name(f: &Value) -> String {
    match f {
        Value::Function(f) => format!("{}()", f.qualname()),
        Value::BoundMethod(m) => callable_name(&m.func),
        Value::Builtin(b) => format!("{}()", b.name),
        Value::Class(c) => format!("{}()", c.name),
        other => format!("{} object", other.type_name()),
    }
}

/// A frame for `f(*args)` with the arguments bound to its parameters.
pub fn make_frame(
    vm: &mut Vm,
    f: &Arc<Function>,
    self_: Option<&Value>,
    args: Args,
) -> PyResult<Box<Frame>> {
    let code = &f.code;
    let ns = match code.obj.kind {
        CodeKind::Function => None,
        CodeKind::Module => Some(f.globals.clone()),
        CodeKind::Class => Some(Arc::new(DictObj::new())),
    };
    let mut frame = vm.new_frame(code.clone(), f.globals.clone(), ns);
    bind_args(vm, f, self_, args, &mut frame.locals)?;
    if !code.obj.cellvars.is_empty() || !f.closure.is_empty() {
        frame.cells = new_cells(code, &frame.locals, &f.closure);
    }
    Ok(frame)
}

/// Binds call arguments to parameter slots, with CPython 3.11's messages.
// Parameter slots and their names/defaults are parallel arrays indexed by slot number.
#[allow(clippy::needless_range_loop)]
pub fn bind_args(
    vm: &mut Vm,
    f: &Function,
    self_: Option<&Value>,
    args: Args,
    locals: &mut [Option<Value>],
) -> PyResult<()> {
    let co = &f.code.obj;
    let argcount = co.argcount as usize;
    let posonly = co.posonlyargcount as usize;
    let kwonly = co.kwonlyargcount as usize;
    let npos = args.pos.len() + self_.is_some() as usize;
    let pos_at = |i: usize| -> &Value {
        match self_ {
            Some(s) if i == 0 => s,
            Some(_) => &args.pos[i - 1],
            None => &args.pos[i],
        }
    };

    // Fast path: exactly the positional parameters, nothing else.
    if npos == argcount && !args.has_kw() && !co.has_varargs && !co.has_varkw && kwonly == 0 {
        for (i, slot) in locals.iter_mut().take(argcount).enumerate() {
            *slot = Some(pos_at(i).clone());
        }
        return Ok(());
    }

    let fname = || format!("{}()", f.qualname());
    let n = npos.min(argcount);
    for (i, slot) in locals.iter_mut().take(n).enumerate() {
        *slot = Some(pos_at(i).clone());
    }
    let mut slot = argcount + kwonly;
    if co.has_varargs {
        let rest: Vec<Value> = (n..npos).map(|i| pos_at(i).clone()).collect();
        if let Some(s) = locals.get_mut(slot) {
            *s = Some(Value::tuple(rest));
        }
        slot += 1;
    } else if npos > argcount {
        let given_kwonly = args
            .kw()
            .filter(|(k, _)| {
                co.varnames[argcount..argcount + kwonly]
                    .iter()
                    .any(|v| &**v == *k)
            })
            .count();
        let ndef = f.defaults.len();
        let takes = if ndef > 0 {
            format!(
                "from {} to {} positional arguments",
                argcount - ndef,
                argcount
            )
        } else {
            format!(
                "{} positional argument{}",
                argcount,
                if argcount == 1 { "" } else { "s" }
            )
        };
        let given = if given_kwonly > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                npos,
                if npos == 1 { "" } else { "s" },
                given_kwonly,
                if given_kwonly == 1 { "" } else { "s" }
            )
        } else {
            format!("{} {} given", npos, if npos == 1 { "was" } else { "were" })
        };
        return Err(PyErr::type_error(format!(
            "{} takes {} but {}",
            fname(),
            takes,
            given
        )));
    }
    let kwargs = if co.has_varkw {
        let d = Arc::new(DictObj::new());
        if let Some(s) = locals.get_mut(slot) {
            *s = Some(Value::Dict(d.clone()));
        }
        Some(d)
    } else {
        None
    };

    let mut posonly_as_kw: Vec<String> = Vec::new();
    for (k, v) in args.kw() {
        let found = co.varnames[posonly..argcount + kwonly]
            .iter()
            .position(|p| &**p == k);
        match found {
            Some(j) => {
                let j = j + posonly;
                if locals[j].is_some() {
                    return Err(PyErr::type_error(format!(
                        "{} got multiple values for argument '{}'",
                        fname(),
                        k
                    )));
                }
                locals[j] = Some(v.clone());
            }
            None => match &kwargs {
                Some(d) => {
                    if d.get_str(k).is_some() {
                        return Err(PyErr::type_error(format!(
                            "{} got multiple values for keyword argument '{}'",
                            fname(),
                            k
                        )));
                    }
                    d.set_str(k, v.clone());
                }
                None => {
                    if co.varnames[..posonly].iter().any(|p| &**p == k) {
                        posonly_as_kw.push(k.to_string());
                        continue;
                    }
                    return Err(PyErr::type_error(format!(
                        "{} got an unexpected keyword argument '{}'",
                        fname(),
                        k
                    )));
                }
            },
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{} got some positional-only arguments passed as keyword arguments: '{}'",
            fname(),
            posonly_as_kw.join(", ")
        )));
    }

    // Defaults for missing positional parameters.
    let ndef = f.defaults.len();
    let first_default = argcount.saturating_sub(ndef);
    let mut missing: Vec<String> = Vec::new();
    for i in npos.min(argcount)..argcount {
        if locals[i].is_none() {
            if i >= first_default {
                locals[i] = Some(f.defaults[i - first_default].clone());
            } else {
                missing.push(format!("'{}'", co.varnames[i]));
            }
        }
    }
    if !missing.is_empty() {
        return Err(PyErr::type_error(format!(
            "{} missing {} required positional argument{}: {}",
            fname(),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            join_names(&missing)
        )));
    }
    for i in argcount..argcount + kwonly {
        if locals[i].is_none() {
            let name = &co.varnames[i];
            match f.kwdefaults.as_ref().and_then(|d| d.get_str(name)) {
                Some(v) => locals[i] = Some(v),
                None => missing.push(format!("'{name}'")),
            }
        }
    }
    if !missing.is_empty() {
        return Err(PyErr::type_error(format!(
            "{} missing {} required keyword-only argument{}: {}",
            fname(),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            join_names(&missing)
        )));
    }
    let _ = vm;
    Ok(())
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`.
fn join_names(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

/// For `obj.name(...)`: the plain function to call with `obj` as first argument, when that is
/// what attribute lookup would bind (saves allocating a bound method).
pub fn lookup_method(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    match obj {
        Value::Instance(i) => {
            let cls = i.class();
            if cls
                .lookup("__getattribute__")
                .is_some_and(|g| !matches!(g, Value::Builtin(_)))
            {
                return Ok(None);
            }
            match cls.lookup(name) {
                Some(f @ Value::Function(_)) => {
                    if i.dict.get_str(name).is_some() {
                        return Ok(None);
                    }
                    Ok(Some(f))
                }
                _ => Ok(None),
            }
        }
        Value::Class(_) | Value::Module(_) | Value::Native(_) | Value::Function(_) => Ok(None),
        _ => {
            let found = match obj.builtin_class() {
                Some(cls) => cls.lookup(name),
                None => obj.class().lookup(name),
            };
            match found {
                Some(f @ Value::Builtin(_)) => Ok(Some(f)),
                _ => {
                    let _ = vm;
                    Ok(None)
                }
            }
        }
    }
}

/// Calling a class: builtin constructors, or `__new__` + `__init__` for user classes.
pub fn class_call(vm: &mut Vm, cls: &Arc<Class>, args: Args) -> PyResult<Value> {
    if cls.base_kind == BaseKind::Builtin {
        if let Some(ctor) = crate::builtins::constructor(cls) {
            return ctor(vm, args);
        }
        if cls.exc_kind.is_some() {
            // `OSError(errno, strerror)` picks the subclass for the errno, as CPython's does.
            let os_error = types().exc(crate::objects::ExcKind::OSError);
            if Arc::ptr_eq(cls, os_error) && args.pos.len() >= 2 {
                if let Value::Int(_) | Value::Bool(_) = args.pos[0] {
                    let code = match args.pos[0] {
                        Value::Int(c) => c,
                        _ => i64::from(matches!(args.pos[0], Value::Bool(true))),
                    };
                    let kind = crate::modules::os::errno_kind(code);
                    return Ok(new_instance(types().exc(kind), args.pos));
                }
            }
            return Ok(new_instance(cls, args.pos));
        }
        return Err(PyErr::type_error(format!(
            "cannot create '{}' instances",
            cls.name
        )));
    }
    // A metaclass's __call__ (class Meta(type): def __call__ ...).
    if let Some(meta) = &cls.meta {
        if let Some(f) = meta.lookup("__call__") {
            if !matches!(f, Value::Builtin(_)) {
                let mut pos = vec![Value::Class(cls.clone())];
                pos.extend_from_slice(args.pos);
                return vm.call(&f, Args::with_kw(&pos, args.kwnames, args.kwvals));
            }
        }
    }
    class_call_plain(vm, cls, args)
}

/// CPython's check in `object.__new__`: a class whose `__abstractmethods__` (set by
/// `abc.ABCMeta`) is not empty cannot be instantiated.
pub fn check_abstract(cls: &Arc<Class>) -> PyResult<()> {
    let names = match cls.lookup("__abstractmethods__") {
        Some(Value::Set(s)) => s.keys(),
        _ => return Ok(()),
    };
    if names.is_empty() {
        return Ok(());
    }
    let mut names: Vec<String> = names
        .iter()
        .filter_map(|n| match n {
            Value::Str(s) => Some(s.as_str().to_string()),
            _ => None,
        })
        .collect();
    names.sort();
    Err(PyErr::type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        cls.name,
        if names.len() == 1 { "" } else { "s" },
        names.join(", ")
    )))
}

/// Instantiates a user class: `__new__` then `__init__` (`type.__call__`).
pub fn class_call_plain(vm: &mut Vm, cls: &Arc<Class>, args: Args) -> PyResult<Value> {
    if cls.base_kind == BaseKind::Builtin {
        return class_call(vm, cls, args);
    }
    let new = cls.lookup_with_owner("__new__");
    let obj = match new {
        // A user `__new__`, or `type.__new__` for a metaclass.
        Some((f, owner))
            if owner.base_kind != BaseKind::Builtin || Arc::ptr_eq(&owner, &types().type_) =>
        {
            let f = match &f {
                Value::Native(n) => match n
                    .as_any()
                    .downcast_ref::<crate::objects::descr::StaticMethod>()
                {
                    Some(sm) => sm.func.clone(),
                    None => f.clone(),
                },
                _ => f.clone(),
            };
            let mut pos = vec![Value::Class(cls.clone())];
            pos.extend_from_slice(args.pos);
            let obj = vm.call(&f, Args::with_kw(&pos, args.kwnames, args.kwvals))?;
            if !obj.class().is_subclass(cls) {
                return Ok(obj);
            }
            obj
        }
        _ => {
            let init_overridden = cls
                .lookup_with_owner("__init__")
                .is_some_and(|(_, o)| !Arc::ptr_eq(&o, &types().object));
            if !init_overridden
                && (!args.pos.is_empty() || args.has_kw())
                && cls.exc_kind.is_none()
                && cls.builtin_base().is_none()
            {
                return Err(PyErr::type_error(format!(
                    "{}() takes no arguments",
                    cls.name
                )));
            }
            check_abstract(cls)?;
            // Immutable builtin bases (tuple, str, int, float, frozenset, bytes) get their value
            // at creation, as their __new__ does; mutable ones start empty and __init__ fills them.
            let obj = new_instance(cls, args.pos);
            if let (Some(base), Value::Instance(i)) = (cls.builtin_base(), &obj) {
                if matches!(i.payload, Payload::Base(Value::None)) && cls.exc_kind.is_none() {
                    let t = types();
                    let immutable = [&t.tuple, &t.str, &t.int, &t.float, &t.frozenset, &t.bytes];
                    if immutable.iter().any(|c| Arc::ptr_eq(c, &base)) {
                        if let Some(ctor) = crate::builtins::constructor(&base) {
                            let v = ctor(vm, Args::new(args.pos))?;
                            let inst = Instance::new(cls.clone(), i.dict.clone(), Payload::Base(v));
                            return finish_init(vm, cls, Value::Instance(Arc::new(inst)), args);
                        }
                    }
                }
            }
            obj
        }
    };
    finish_init(vm, cls, obj, args)
}

/// Runs `__init__` (unless it is `object`'s) on a freshly created instance.
fn finish_init(vm: &mut Vm, cls: &Arc<Class>, obj: Value, args: Args) -> PyResult<Value> {
    if let Some((init, owner)) = cls.lookup_with_owner("__init__") {
        if !Arc::ptr_eq(&owner, &types().object) {
            let mut pos = Vec::with_capacity(args.pos.len() + 1);
            pos.push(obj.clone());
            pos.extend_from_slice(args.pos);
            let r = vm.call(&init, Args::with_kw(&pos, args.kwnames, args.kwvals))?;
            if !r.is_none() {
                return Err(PyErr::type_error(format!(
                    "__init__() should return None, not '{}'",
                    r.type_name()
                )));
            }
        }
    }
    Ok(obj)
}

/// A new, uninitialised instance of a user class (or builtin exception class).
pub fn new_instance(cls: &Arc<Class>, args: &[Value]) -> Value {
    let payload = if cls.exc_kind.is_some() {
        let os_error = types().exc(crate::objects::ExcKind::OSError);
        let args = if (3..=5).contains(&args.len()) && cls.is_subclass(os_error) {
            // OSError(errno, strerror, filename[, winerror, filename2]): args keeps the first
            // two; the file names become attributes (set below).
            &args[..2]
        } else {
            args
        };
        Payload::Exception(Mutex::new(ExcState {
            args: args.to_vec(),
            ..Default::default()
        }))
    } else if let Some(base) = cls.builtin_base() {
        let t = types();
        let v = if Arc::ptr_eq(&base, &t.dict) {
            Value::Dict(Arc::new(DictObj::new()))
        } else if Arc::ptr_eq(&base, &t.list) {
            Value::list(vec![])
        } else if Arc::ptr_eq(&base, &t.set) {
            Value::Set(Arc::new(crate::objects::SetObj::new(false)))
        } else {
            Value::None
        };
        Payload::Base(v)
    } else {
        Payload::None
    };
    let dict = Arc::new(DictObj::new());
    if (3..=5).contains(&args.len())
        && cls.exc_kind.is_some()
        && cls.is_subclass(types().exc(crate::objects::ExcKind::OSError))
    {
        dict.set_str("filename", args[2].clone());
        dict.set_str("filename2", args.get(4).cloned().unwrap_or(Value::None));
    }
    Value::Instance(Arc::new(Instance::new(cls.clone(), dict, payload)))
}

pub use super::typenew::build_class;
