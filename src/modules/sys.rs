//! The `sys` module.

use crate::objects::function::Args;
use crate::objects::{Builtin, ExcKind, PyErr, PyResult, Value};
use crate::vm::output::StdStream;
use crate::vm::{Interpreter, Vm};
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// The version pyt reports as `sys.version_info`: the CPython release it follows.
pub const PYTHON_VERSION: (i64, i64, i64) = (3, 11, 7);

/// `-W` options from the command line, in order (read into `sys.warnoptions` at start-up).
static WARN_OPTIONS: parking_lot::Mutex<Vec<String>> = parking_lot::Mutex::new(Vec::new());

/// Records a `-W` option for `sys.warnoptions`.
pub fn add_warn_option(opt: &str) {
    WARN_OPTIONS.lock().push(opt.to_string());
}

/// `sys.warnoptions`: PYTHONWARNINGS' comma-separated entries, then the `-W` options, as
/// CPython orders them (the warnings module applies later ones with higher priority).
fn warn_options() -> Value {
    let mut opts: Vec<Value> = std::env::var("PYTHONWARNINGS")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(Value::str)
        .collect();
    opts.extend(WARN_OPTIONS.lock().iter().map(Value::str));
    Value::list(opts)
}

pub fn install(interp: &Arc<Interpreter>, argv: Vec<String>) {
    let m = &interp.sys;
    m.set("warnoptions", warn_options());
    m.set(
        "argv",
        Value::list(argv.into_iter().map(Value::str).collect()),
    );
    m.set("stdout", Value::Native(Arc::new(StdStream { fd: 1 })));
    m.set("stderr", Value::Native(Arc::new(StdStream { fd: 2 })));
    m.set("stdin", Value::Native(Arc::new(crate::vm::output::StdIn)));
    m.set("__stdin__", m.get("stdin").unwrap_or(Value::None));
    m.set("__stdout__", m.get("stdout").unwrap_or(Value::None));
    m.set("__stderr__", m.get("stderr").unwrap_or(Value::None));
    m.set("modules", Value::Dict(interp.modules.clone()));
    m.set("path", Value::list(vec![]));
    m.set("maxsize", Value::Int(i64::MAX));
    m.set("platform", Value::str("linux"));
    m.set(
        "byteorder",
        Value::str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    let (a, b, c) = PYTHON_VERSION;
    m.set(
        "version",
        Value::str(format!(
            "{a}.{b}.{c} (pyt {}, real OS threads, no GIL)",
            env!("CARGO_PKG_VERSION")
        )),
    );
    m.set("version_info", version_info());
    m.set(
        "hexversion",
        Value::Int((a << 24) | (b << 16) | (c << 8) | 0xf0),
    );
    m.set(
        "executable",
        Value::str(
            std::env::current_exe()
                .map(|p| p.to_string_lossy().to_string())
                .unwrap_or_default(),
        ),
    );
    m.set("ps1", Value::str(">>> "));
    m.set("ps2", Value::str("... "));
    let f = |name: &'static str, func: crate::objects::function::NativeFn| {
        m.set(name, Value::Builtin(Arc::new(Builtin::new(name, func))));
    };
    f("exit", sys_exit);
    f("getrecursionlimit", getrecursionlimit);
    f("setrecursionlimit", setrecursionlimit);
    f("getswitchinterval", |_, _| Ok(Value::Float(0.005)));
    f("setswitchinterval", setswitchinterval);
    f("exc_info", exc_info);
    f("_getframe", crate::vm::frames::sys_getframe);
    f("getdefaultencoding", |_, _| Ok(Value::str("utf-8")));
    f("intern", |_, a| {
        Ok(a.pos.first().cloned().unwrap_or(Value::None))
    });
}

fn sys_exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Err(PyErr::with_args(
        ExcKind::SystemExit,
        args.pos.iter().take(1).cloned().collect(),
    ))
}

fn getrecursionlimit(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.interp.recursion_limit() as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Int(n)) => {
            if *n < 1 {
                return Err(PyErr::value_error(
                    "recursion limit must be greater or equal than 1",
                ));
            }
            if (*n as usize) <= vm.depth {
                return Err(PyErr::new(
                    ExcKind::RecursionError,
                    format!(
                        "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
                        vm.depth
                    ),
                ));
            }
            vm.interp
                .recursion_limit
                .store(*n as usize, Ordering::Relaxed);
            Ok(Value::None)
        }
        Some(other) => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
        None => Err(PyErr::type_error(
            "setrecursionlimit() takes exactly one argument (0 given)",
        )),
    }
}

fn setswitchinterval(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Float(f)) if *f > 0.0 => Ok(Value::None),
        Some(Value::Int(i)) if *i > 0 => Ok(Value::None),
        Some(_) => Err(PyErr::value_error(
            "switch interval must be strictly positive",
        )),
        None => Err(PyErr::type_error(
            "setswitchinterval() takes exactly one argument (0 given)",
        )),
    }
}

fn exc_info(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(match vm.handled.clone() {
        Some(e) => {
            let tb = vm.getattr(&e, "__traceback__").unwrap_or(Value::None);
            Value::tuple(vec![Value::Class(e.class()), e, tb])
        }
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

/// `sys.version_info`: a tuple subclass with named fields.
fn version_info() -> Value {
    use crate::objects::class::types;
    use crate::objects::instance::{Instance, Payload};
    use crate::objects::{Class, DictObj};
    let ns = Arc::new(DictObj::new());
    ns.set_str("__module__", Value::str("sys"));
    let cls = Class::new_user(
        "version_info",
        "version_info",
        vec![types().tuple.clone()],
        ns,
        None,
    );
    let (a, b, c) = PYTHON_VERSION;
    let fields = [
        ("major", Value::Int(a)),
        ("minor", Value::Int(b)),
        ("micro", Value::Int(c)),
        ("releaselevel", Value::str("final")),
        ("serial", Value::Int(0)),
    ];
    let Ok(cls) = cls else { return Value::None };
    let dict = Arc::new(DictObj::new());
    for (k, v) in &fields {
        dict.set_str(k, v.clone());
    }
    let tuple = Value::tuple(fields.iter().map(|(_, v)| v.clone()).collect());
    Value::Instance(Arc::new(Instance::new(cls, dict, Payload::Base(tuple))))
}
