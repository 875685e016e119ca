//! Exceptions: the builtin hierarchy, exception state, and [`PyErr`], the Rust-side error that
//! carries a Python exception instance through `?`.

use super::class::types;
use super::function::Code;
use super::instance::{Instance, Payload};
use super::{DictObj, Value};
use parking_lot::Mutex;
use std::sync::Arc;

macro_rules! exc_kinds {
    ($($name:ident : $parent:expr),* $(,)?) => {
        /// The builtin exception classes. Order matters: each parent comes before its children.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ExcKind { $($name),* }
        impl ExcKind {
            pub const ALL: &'static [ExcKind] = &[$(ExcKind::$name),*];
            pub fn name(self) -> &'static str {
                match self { $(ExcKind::$name => stringify!($name)),* }
            }
            pub fn parent(self) -> Option<ExcKind> {
                match self { $(ExcKind::$name => $parent),* }
            }
        }
    };
}

use ExcKind as K;
exc_kinds! {
    BaseException: None,
    SystemExit: Some(K::BaseException),
    KeyboardInterrupt: Some(K::BaseException),
    GeneratorExit: Some(K::BaseException),
    Exception: Some(K::BaseException),
    StopIteration: Some(K::Exception),
    StopAsyncIteration: Some(K::Exception),
    ArithmeticError: Some(K::Exception),
    FloatingPointError: Some(K::ArithmeticError),
    OverflowError: Some(K::ArithmeticError),
    ZeroDivisionError: Some(K::ArithmeticError),
    AssertionError: Some(K::Exception),
    AttributeError: Some(K::Exception),
    BufferError: Some(K::Exception),
    EOFError: Some(K::Exception),
    ImportError: Some(K::Exception),
    ModuleNotFoundError: Some(K::ImportError),
    LookupError: Some(K::Exception),
    IndexError: Some(K::LookupError),
    KeyError: Some(K::LookupError),
    MemoryError: Some(K::Exception),
    NameError: Some(K::Exception),
    UnboundLocalError: Some(K::NameError),
    OSError: Some(K::Exception),
    BlockingIOError: Some(K::OSError),
    ChildProcessError: Some(K::OSError),
    ConnectionError: Some(K::OSError),
    BrokenPipeError: Some(K::ConnectionError),
    ConnectionAbortedError: Some(K::ConnectionError),
    ConnectionRefusedError: Some(K::ConnectionError),
    ConnectionResetError: Some(K::ConnectionError),
    FileExistsError: Some(K::OSError),
    FileNotFoundError: Some(K::OSError),
    InterruptedError: Some(K::OSError),
    IsADirectoryError: Some(K::OSError),
    NotADirectoryError: Some(K::OSError),
    PermissionError: Some(K::OSError),
    ProcessLookupError: Some(K::OSError),
    TimeoutError: Some(K::OSError),
    ReferenceError: Some(K::Exception),
    RuntimeError: Some(K::Exception),
    NotImplementedError: Some(K::RuntimeError),
    RecursionError: Some(K::RuntimeError),
    SyntaxError: Some(K::Exception),
    IndentationError: Some(K::SyntaxError),
    TabError: Some(K::IndentationError),
    SystemError: Some(K::Exception),
    TypeError: Some(K::Exception),
    ValueError: Some(K::Exception),
    UnicodeError: Some(K::ValueError),
    UnicodeDecodeError: Some(K::UnicodeError),
    UnicodeEncodeError: Some(K::UnicodeError),
    Warning: Some(K::Exception),
    DeprecationWarning: Some(K::Warning),
    RuntimeWarning: Some(K::Warning),
    UserWarning: Some(K::Warning),
    PendingDeprecationWarning: Some(K::Warning),
    SyntaxWarning: Some(K::Warning),
    FutureWarning: Some(K::Warning),
    ImportWarning: Some(K::Warning),
    UnicodeWarning: Some(K::Warning),
    BytesWarning: Some(K::Warning),
    ResourceWarning: Some(K::Warning),
    EncodingWarning: Some(K::Warning),
}

/// One traceback entry: the code running and the instruction that was executing.
#[derive(Clone)]
pub struct TbEntry {
    pub code: Arc<Code>,
    pub pc: usize,
    /// The frame's globals, for NameError suggestions.
    pub globals: Arc<DictObj>,
}

/// The mutable state of an exception instance.
#[derive(Default)]
pub struct ExcState {
    pub args: Vec<Value>,
    /// Appended as the exception unwinds outward: the innermost frame first. Printed in
    /// reverse, outermost first, as CPython prints them.
    pub traceback: Vec<TbEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
}

/// A raised Python exception: always an instance of a BaseException subclass.
#[derive(Clone)]
pub struct PyErr(pub Value);

impl PyErr {
    /// A new exception of a builtin class with one string argument.
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> PyErr {
        PyErr(new_exception(kind, vec![Value::str(msg.into())]))
    }
    /// A new exception of a builtin class with the given args.
    pub fn with_args(kind: ExcKind, args: Vec<Value>) -> PyErr {
        PyErr(new_exception(kind, args))
    }
    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::TypeError, msg)
    }
    pub fn value_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ValueError, msg)
    }
    pub fn index_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::IndexError, msg)
    }
    pub fn attribute_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::AttributeError, msg)
    }
    pub fn runtime_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::RuntimeError, msg)
    }
    pub fn overflow_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::OverflowError, msg)
    }
    pub fn zero_division(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ZeroDivisionError, msg)
    }
    pub fn key_error(key: Value) -> PyErr {
        PyErr::with_args(ExcKind::KeyError, vec![key])
    }
    pub fn stop_iteration(value: Option<Value>) -> PyErr {
        PyErr::with_args(ExcKind::StopIteration, value.into_iter().collect())
    }

    /// The exception's builtin kind (the nearest builtin ancestor of its class).
    pub fn kind(&self) -> Option<ExcKind> {
        match &self.0 {
            Value::Instance(i) => i.class().exc_kind,
            _ => None,
        }
    }
    /// Is this an instance of the builtin exception `kind` (or a subclass)?
    pub fn is(&self, kind: ExcKind) -> bool {
        match &self.0 {
            Value::Instance(i) => i.class().is_subclass(types().exc(kind)),
            _ => false,
        }
    }
    pub fn state(&self) -> Option<&Mutex<ExcState>> {
        exc_state(&self.0)
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let args = self
            .state()
            .map(|s| s.lock().args.clone())
            .unwrap_or_default();
        write!(f, "{}{:?}", self.0.type_name(), args)
    }
}

/// The exception state of an exception instance.
pub fn exc_state(v: &Value) -> Option<&Mutex<ExcState>> {
    match v {
        Value::Instance(i) => match &i.payload {
            Payload::Exception(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// A new instance of a builtin exception class.
pub fn new_exception(kind: ExcKind, args: Vec<Value>) -> Value {
    let class = types().exc(kind).clone();
    Value::Instance(Arc::new(Instance::new(
        class,
        Arc::new(DictObj::new()),
        Payload::Exception(Mutex::new(ExcState {
            args,
            ..Default::default()
        })),
    )))
}
