//! Frame introspection: `sys._getframe`, frame objects, the two cheap queries that `logging`
//! (the caller's file, line and function) and `warnings` (the location `stacklevel` frames up)
//! make on every record or warning, and warnings issued by native functions (they blame the
//! Python frame that called them, as CPython's C functions do).
//!
//! The eval loop keeps a thread's Python frames in a local vector per `eval` invocation and
//! hands each running frame to `step` as `&mut`, so no native function can look at the frames
//! while it runs. Instead, a function that needs them fails with a *frame request*: a
//! SystemError instance carrying a [`FrameQuery`]. The eval loop's error branch, which owns the
//! frame vector, recognises it before any unwinding ([`query_of`]), answers it with
//! [`serve`] and pushes the answer as the call's result. The hot paths pay nothing: the check
//! sits on the error path only, and no frame state is mirrored anywhere.
//!
//! Frame objects are snapshots taken at the request: code, instruction, globals, and a copy of
//! a function's local slots (a module or class body's namespace is shared, as in CPython).
//! `f_lineno` is the line at the time of the request; `f_locals` is a fresh dict built from the
//! snapshot on each access.
//!
//! Limitations: the chain covers the frames of one `eval` invocation. Python code called from
//! native code (a class's `__init__` run by instantiation, a `key=` function, a generator body
//! resumed by `next`) starts a new invocation, so the `f_back` chain of such a frame ends at
//! it (`f_back` is None) instead of continuing into the native caller's Python caller. A
//! frame request made by native code itself (`map(sys._getframe, ...)`) reaches `Vm::call`
//! instead of an eval loop and is answered as for an empty stack ([`orphaned`]). And a
//! snapshot does not follow its frame: CPython's `f_lineno`/`f_locals` of a live frame change
//! as it runs; pyt's keep the values of the moment `sys._getframe` was called.

use super::frame::Frame;
use super::intrinsics::frame_locals;
use super::Vm;
use crate::builtins::add_methods;
use crate::objects::class::types;
use crate::objects::exception::exc_state;
use crate::objects::function::Args;
use crate::objects::{Cell, Class, Code, DictObj, ExcKind, NativeObject, PyErr, PyResult, Value};
use parking_lot::Mutex;
use std::any::Any;
use std::sync::{Arc, OnceLock};

/// What a native function asks of the frames of its caller.
#[derive(Clone, Debug)]
pub enum FrameQuery {
    /// `sys._getframe(depth)`: the frame object `depth` calls up from the caller.
    Frame(usize),
    /// logging's `findCaller`: starting at the calling frame, walk back `stacklevel` frames
    /// not counting those whose file is `internal`; answer `(filename, lineno, funcname)`.
    Caller { internal: String, stacklevel: i64 },
    /// warnings' context: `(filename, lineno, globals, is_python2_code)` of the frame `depth`
    /// up, or None when the stack is not that deep.
    Location(usize),
    /// A native function's warnings (`warnings.warn(message, category, stacklevel)` as a
    /// Python function would call it, stacklevel 1 blaming the caller), then its outcome.
    Warn {
        category: ExcKind,
        messages: Vec<String>,
        stacklevel: usize,
        then: Result<Value, PyErr>,
    },
}

impl NativeObject for FrameQuery {
    fn class(&self) -> Arc<Class> {
        types().object.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Text of the SystemError a frame request shows if it ever escapes unanswered.
const ORPHAN_MESSAGE: &str = "frame introspection needs a calling Python frame";

/// The error a native function returns to ask the eval loop for frame information.
pub fn request(q: FrameQuery) -> PyErr {
    PyErr::with_args(
        ExcKind::SystemError,
        vec![Value::str(ORPHAN_MESSAGE), Value::Native(Arc::new(q))],
    )
}

/// The query carried by `e`, if it is a frame request.
pub fn query_of(e: &PyErr) -> Option<FrameQuery> {
    let Value::Instance(i) = &e.0 else {
        return None;
    };
    if !Arc::ptr_eq(&i.class(), types().exc(ExcKind::SystemError)) {
        return None;
    }
    let st = exc_state(&e.0)?.lock();
    match st.args.as_slice() {
        [_, q] => q.as_native::<FrameQuery>().cloned(),
        _ => None,
    }
}

/// A frame request that reached native code (`Vm::call`) instead of the eval loop: the native
/// function was called by native code, which has no frame to give, so it is answered as if
/// the stack were empty (`sys._getframe` fails, a native warning blames `sys`, line 1).
pub fn orphaned(vm: &mut Vm, e: PyErr) -> PyResult<Value> {
    match query_of(&e) {
        Some(q) => serve(vm, &[], q),
        None => Err(e),
    }
}

/// Answers `q` from the frames of the current eval invocation (the last one made the call).
pub fn serve(vm: &mut Vm, frames: &[Box<Frame>], q: FrameQuery) -> PyResult<Value> {
    if let FrameQuery::Warn {
        category,
        messages,
        stacklevel,
        then,
    } = q
    {
        // The native function has no frame: stacklevel 1 is the frame that called it.
        let at = frames.len().checked_sub(stacklevel.max(1)).map(|i| {
            (
                frames[i].code.obj.source.name.clone(),
                frames[i].line(),
                frames[i].globals.clone(),
            )
        });
        for m in messages {
            native_warn(vm, category, &m, at.clone())?;
        }
        return then;
    }
    match &q {
        FrameQuery::Frame(depth) => match frames.len().checked_sub(1 + depth) {
            Some(i) => Ok(snapshot_chain(frames, i)),
            None => Err(PyErr::value_error("call stack is not deep enough")),
        },
        FrameQuery::Location(depth) => Ok(match frames.len().checked_sub(1 + depth) {
            Some(i) => {
                let f = &frames[i];
                let co = &f.code.obj;
                Value::tuple(vec![
                    Value::str(co.source.name.clone()),
                    Value::Int(f.line() as i64),
                    Value::Dict(f.globals.clone()),
                    Value::Bool(co.py2),
                ])
            }
            None => Value::None,
        }),
        FrameQuery::Warn { .. } => Ok(Value::None),
        FrameQuery::Caller {
            internal,
            stacklevel,
        } => {
            let Some(mut i) = frames.len().checked_sub(1) else {
                return Ok(Value::None);
            };
            let mut level = *stacklevel;
            while level > 0 && i > 0 {
                i -= 1;
                if frames[i].code.obj.source.name != *internal {
                    level -= 1;
                }
            }
            let f = &frames[i];
            let co = &f.code.obj;
            Ok(Value::tuple(vec![
                Value::str(co.source.name.clone()),
                Value::Int(f.line() as i64),
                Value::str(co.name.to_string()),
            ]))
        }
    }
}

/// Issues one warning through the warnings module, blaming `at` (file, line, globals), or
/// `sys`, line 1, as CPython does when the stack is not deep enough.
fn native_warn(
    vm: &mut Vm,
    category: ExcKind,
    message: &str,
    at: Option<(String, u32, Arc<DictObj>)>,
) -> PyResult<()> {
    let warnings = super::import::import_one(vm, "warnings", &Value::None)?;
    let warn_explicit = vm.getattr(&warnings, "warn_explicit")?;
    let (filename, line, globals) = match at {
        Some(a) => a,
        None => ("sys".to_string(), 1, vm.interp.sys.dict.clone()),
    };
    let module = globals
        .get_str("__name__")
        .unwrap_or_else(|| Value::str("<string>"));
    let registry = match globals.get_str("__warningregistry__") {
        Some(r @ Value::Dict(_)) => r,
        _ => {
            let r = Value::Dict(Arc::new(DictObj::new()));
            globals.set_str("__warningregistry__", r.clone());
            r
        }
    };
    let args = [
        Value::str(message),
        Value::Class(types().exc(category).clone()),
        Value::str(filename),
        Value::Int(line as i64),
        module,
        registry,
        Value::Dict(globals),
    ];
    vm.call(&warn_explicit, Args::new(&args))?;
    Ok(())
}

/// Frame objects for `frames[i]` and every frame below it, linked by `f_back`.
fn snapshot_chain(frames: &[Box<Frame>], i: usize) -> Value {
    let mut back = Value::None;
    for f in frames.iter().take(i + 1) {
        back = Value::Native(Arc::new(FrameObj::of(f, back)));
    }
    back
}

/// A frame object for `f` alone (`f_back` None): what a signal handler receives as `frame`
/// when it runs between two instructions of `f`.
pub fn lone_frame(f: &Frame) -> Value {
    Value::Native(Arc::new(FrameObj::of(f, Value::None)))
}

/// Frame objects for the calling thread's Python stack as `Vm::sites` knows it, innermost
/// returned (None for an empty stack): what a signal handler run inside a blocking wait
/// receives. Code and lines are exact; globals are those of the loaded module whose
/// `__file__` is the code's file (`__main__`'s if none); a function's locals are not known
/// there, so its `f_locals` is empty.
pub fn site_frames(vm: &Vm) -> Value {
    let modules: Vec<(String, Arc<DictObj>)> = vm
        .interp
        .modules
        .items()
        .into_iter()
        .filter_map(|(_, m)| match m {
            Value::Module(m) => match m.dict.get_str("__file__") {
                Some(Value::Str(f)) => Some((f.as_str().to_string(), m.dict.clone())),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let main = match vm.interp.modules.get_str("__main__") {
        Some(Value::Module(m)) => m.dict.clone(),
        _ => Arc::new(DictObj::new()),
    };
    let mut back = Value::None;
    for (code, pc) in vm.python_stack() {
        let globals = modules
            .iter()
            .find(|(f, _)| *f == code.obj.source.name)
            .map(|(_, g)| g.clone())
            .unwrap_or_else(|| main.clone());
        let module = code.obj.kind == crate::compiler::bytecode::CodeKind::Module;
        back = Value::Native(Arc::new(FrameObj {
            code,
            pc: pc.saturating_sub(1),
            ns: module.then(|| globals.clone()),
            globals,
            locals: Vec::new(),
            cells: Vec::new(),
            back: Mutex::new(back),
        }));
    }
    back
}

/// A frame object: a snapshot of one frame at the moment it was asked for.
pub struct FrameObj {
    pub code: Arc<Code>,
    /// The instruction executing (the call that asked, for a frame waiting on a call).
    pub pc: usize,
    pub globals: Arc<DictObj>,
    /// The namespace of a module or class body; None in functions.
    ns: Option<Arc<DictObj>>,
    locals: Vec<Option<Value>>,
    cells: Vec<Arc<Cell>>,
    /// Behind a lock only so that dropping a long chain can unlink it iteratively.
    back: Mutex<Value>,
}

impl Drop for FrameObj {
    /// A chain as deep as the recursion limit allows would otherwise be dropped recursively,
    /// one native stack frame per link: unlink it link by link while this is the last owner.
    fn drop(&mut self) {
        let mut next = std::mem::replace(self.back.get_mut(), Value::None);
        loop {
            let after = match &next {
                Value::Native(n) if Arc::strong_count(n) == 1 => {
                    match n.as_any().downcast_ref::<FrameObj>() {
                        Some(f) => std::mem::replace(&mut *f.back.lock(), Value::None),
                        None => break,
                    }
                }
                _ => break,
            };
            next = after;
        }
    }
}

impl FrameObj {
    fn of(f: &Frame, back: Value) -> FrameObj {
        let function = f.ns.is_none();
        FrameObj {
            code: f.code.clone(),
            pc: f.pc.saturating_sub(1),
            globals: f.globals.clone(),
            ns: f.ns.clone(),
            locals: if function {
                f.locals.clone()
            } else {
                Vec::new()
            },
            cells: if function {
                f.cells.clone()
            } else {
                Vec::new()
            },
            back: Mutex::new(back),
        }
    }

    pub fn line(&self) -> u32 {
        self.code.obj.line_of(self.pc)
    }

    /// `f_locals`: a module or class body's own namespace, or a function's locals as a dict.
    fn locals_dict(&self) -> Arc<DictObj> {
        if let Some(ns) = &self.ns {
            return ns.clone();
        }
        let mut f = Frame::new(self.code.clone(), self.globals.clone(), None);
        f.locals = self.locals.clone();
        f.cells = self.cells.clone();
        frame_locals(&f)
    }
}

impl NativeObject for FrameObj {
    fn class(&self) -> Arc<Class> {
        frame_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _vm: &mut Vm, me: &Value) -> PyResult<Option<String>> {
        let addr = match me {
            Value::Native(n) => Arc::as_ptr(n) as *const u8 as usize,
            _ => 0,
        };
        Ok(Some(format!(
            "<frame at {addr:#x}, file '{}', line {}, code {}>",
            self.code.obj.source.name,
            self.line(),
            self.code.obj.name
        )))
    }
    fn getattr(&self, vm: &mut Vm, _me: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(Some(match name {
            "f_back" => self.back.lock().clone(),
            "f_code" => Value::Code(self.code.clone()),
            "f_lineno" => Value::Int(self.line() as i64),
            // CPython counts code units of two bytes; pyt's instructions are one unit each.
            "f_lasti" => Value::Int(2 * self.pc as i64),
            "f_globals" => Value::Dict(self.globals.clone()),
            "f_locals" => Value::Dict(self.locals_dict()),
            "f_builtins" => Value::Dict(vm.builtins_dict().clone()),
            "f_trace" => Value::None,
            _ => return Ok(None),
        }))
    }
}

fn frame_clear(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn frame_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let c = Class::new_builtin("frame", Some(&types().object));
        c.dict.set_str("__module__", Value::str("builtins"));
        add_methods(&c, "frame", &[("clear", frame_clear)]);
        c
    })
    .clone()
}

/// `sys._getframe(depth=0)`.
pub fn sys_getframe(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "_getframe expected at most 1 argument, got {}",
            args.pos.len()
        )));
    }
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(
            "sys._getframe() takes no keyword arguments",
        ));
    }
    let depth = match args.pos.first() {
        None => 0,
        // CPython takes a C int.
        Some(Value::Int(n)) if i32::try_from(*n).is_ok() => *n,
        Some(Value::Int(_)) | Some(Value::BigInt(_)) => {
            return Err(PyErr::overflow_error(
                "Python int too large to convert to C int",
            ))
        }
        Some(Value::Bool(b)) => *b as i64,
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
    };
    // A negative depth means the calling frame, as in CPython.
    Err(request(FrameQuery::Frame(depth.max(0) as usize)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtins::testutil::py;

    #[test]
    fn request_round_trips_and_ordinary_errors_are_not_requests() {
        let e = request(FrameQuery::Frame(3));
        assert!(matches!(query_of(&e), Some(FrameQuery::Frame(3))));
        assert!(query_of(&PyErr::value_error("x")).is_none());
        // A user's SystemError with two arguments is not mistaken for a request.
        let fake = PyErr::with_args(ExcKind::SystemError, vec![Value::Int(1), Value::Int(2)]);
        assert!(query_of(&fake).is_none());
    }

    #[test]
    fn orphaned_requests_are_answered_as_for_an_empty_stack() {
        let mut vm = crate::builtins::testutil::vm();
        let e = orphaned(&mut vm, request(FrameQuery::Frame(0))).err();
        assert!(e.is_some_and(|e| e.is(ExcKind::ValueError)));
        let v = orphaned(&mut vm, request(FrameQuery::Location(1)));
        assert!(matches!(v, Ok(Value::None)));
        let e = orphaned(&mut vm, PyErr::value_error("kept")).err();
        assert!(e.is_some_and(|e| query_of(&e).is_none() && e.is(ExcKind::ValueError)));
    }

    #[test]
    fn getframe_sees_the_callers_of_one_invocation() {
        let code = "import sys\n\
                    def f():\n    return g()\n\
                    def g():\n    return sys._getframe(1).f_code.co_name + sys._getframe().f_back.f_code.co_name\n\
                    r = f()";
        assert_eq!(py(code), "ff");
        assert_eq!(
            py("import sys\nr = sys._getframe(1)"),
            "ValueError: call stack is not deep enough"
        );
    }

    #[test]
    fn getframe_called_directly_by_native_code_is_refused_but_a_lambda_works() {
        // Known limitations (see the module doc): native code has no frame to give, and a
        // function called by native code starts a chain of its own.
        assert_eq!(
            py("import sys\ndef f():\n    return list(map(sys._getframe, [0]))\nr = f()"),
            "ValueError: call stack is not deep enough"
        );
        assert_eq!(
            py("import sys\ndef f():\n    return list(map(lambda d: sys._getframe(d), [0]))[0].f_code.co_name\nr = f()"),
            "<lambda>"
        );
        assert_eq!(
            py("import sys\ndef f():\n    return list(map(lambda d: sys._getframe(d), [1]))\nr = f()"),
            "ValueError: call stack is not deep enough"
        );
    }

    #[test]
    fn a_request_inside_a_try_is_not_caught_as_an_exception() {
        let code = "import sys\n\
                    try:\n    fr = sys._getframe()\nexcept Exception:\n    fr = None\n\
                    r = fr is not None";
        assert_eq!(py(code), "True");
    }

    #[test]
    fn caller_skips_frames_of_the_internal_file() {
        // Every frame here is in "<test>", so stacklevel counts plain frames.
        let code = "from _pyt_frames import caller\n\
                    def f():\n    return caller('<other>', 1)\n\
                    def g():\n    return f()\n\
                    r = g()[2] + str(caller('<test>', 5)[1])";
        assert_eq!(py(code), "g6");
    }

    #[test]
    fn a_very_deep_frame_chain_is_dropped_without_deep_native_recursion() {
        let code = "import sys\n\
                    sys.setrecursionlimit(300000)\n\
                    def down(n):\n    return sys._getframe() if n == 0 else down(n - 1)\n\
                    f = down(200000)\n\
                    n = 0\n\
                    g = f\n\
                    while g is not None:\n    n += 1\n    g = g.f_back\n\
                    del f\n\
                    r = n";
        // Python-to-Python calls need no native stack, but a recursive drop of 200000 links
        // would overflow this one.
        let out = std::thread::Builder::new()
            .stack_size(8 * 1024 * 1024)
            .spawn(move || py(code))
            .ok()
            .and_then(|h| h.join().ok());
        assert_eq!(out.as_deref(), Some("200002"));
    }

    #[test]
    fn location_is_none_beyond_the_stack() {
        assert_eq!(
            py("from _pyt_frames import location\nr = location(0)[1], location(0)[3], location(7)"),
            "(2, False, None)"
        );
    }
}
