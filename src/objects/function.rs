//! Callables: runtime code objects, Python functions, builtin functions, bound methods, cells.

use super::{DictObj, PyResult, Value};
use crate::compiler::bytecode::CodeObject;
use crate::vm::Vm;
use parking_lot::{Mutex, RwLock};
use std::sync::Arc;

/// A compiled code object with its constants turned into values once.
pub struct Code {
    pub obj: Arc<CodeObject>,
    pub consts: Vec<Value>,
    /// `obj.names` as str values (hash cached) for dict lookups.
    pub names: Vec<Value>,
    /// A plain function taking only positional parameters, with no cells of its own and not
    /// a generator: a call with exactly `argcount` positional arguments can move them
    /// straight into the parameter slots (the eval loop's fast call path).
    pub simple_args: bool,
    /// One slot per instruction: where in a dict's entries the name a `LoadName`,
    /// `StoreName`, `LoadAttr` or `StoreAttr` at that position was last found
    /// (`DictInner::find_str_hinted`). Only a hint, checked on every use, so threads share
    /// it with relaxed loads and stores; instances of one class usually store their
    /// attributes in the same order, so one slot serves them all.
    pub hints: Box<[std::sync::atomic::AtomicU32]>,
}

impl Code {
    pub fn name_str(&self, i: u32) -> &str {
        match &self.names[i as usize] {
            Value::Str(s) => s.as_str(),
            _ => "",
        }
    }
}

/// A Python cell: one captured variable shared between a scope and its closures.
#[derive(Default)]
pub struct Cell {
    pub value: Mutex<Option<Value>>,
}

impl Cell {
    pub fn new(v: Option<Value>) -> Cell {
        Cell {
            value: Mutex::new(v),
        }
    }
    pub fn get(&self) -> Option<Value> {
        self.value.lock().clone()
    }
    pub fn set(&self, v: Option<Value>) {
        *self.value.lock() = v;
    }
}

/// The writable metadata of a function (`functools.wraps` rewrites it).
#[derive(Clone)]
pub struct FuncMeta {
    pub name: Arc<str>,
    pub qualname: Arc<str>,
    pub doc: Value,
    pub module: Value,
}

pub struct Function {
    pub code: Arc<Code>,
    pub globals: Arc<DictObj>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Option<Arc<DictObj>>,
    pub closure: Vec<Arc<Cell>>,
    pub meta: RwLock<FuncMeta>,
    /// Arbitrary attributes (`f.calls = 0`, `__wrapped__`).
    pub dict: Arc<DictObj>,
}

impl Function {
    pub fn name(&self) -> Arc<str> {
        self.meta.read().name.clone()
    }
    pub fn qualname(&self) -> Arc<str> {
        self.meta.read().qualname.clone()
    }
}

/// Positional and keyword arguments of a call, borrowed from the caller's stack.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub pos: &'a [Value],
    /// Keyword names (strs), one per entry of `kwvals`.
    pub kwnames: &'a [Value],
    pub kwvals: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn new(pos: &'a [Value]) -> Args<'a> {
        Args {
            pos,
            kwnames: &[],
            kwvals: &[],
        }
    }
    pub fn with_kw(pos: &'a [Value], kwnames: &'a [Value], kwvals: &'a [Value]) -> Args<'a> {
        Args {
            pos,
            kwnames,
            kwvals,
        }
    }
    pub fn has_kw(&self) -> bool {
        !self.kwnames.is_empty()
    }
    /// Keyword arguments as (name, value) pairs.
    pub fn kw(&self) -> impl Iterator<Item = (&'a str, &'a Value)> {
        self.kwnames
            .iter()
            .zip(self.kwvals.iter())
            .map(|(k, v)| match k {
                Value::Str(s) => (s.as_str(), v),
                _ => ("", v),
            })
    }
    pub fn get_kw(&self, name: &str) -> Option<&'a Value> {
        self.kw().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
}

/// The Rust signature of a builtin function or method (methods get `self` as `pos[0]`).
pub type NativeFn = fn(&mut Vm, Args) -> PyResult<Value>;

/// A builtin function or method, possibly bound to a `self`.
pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    /// `Some(self)` for a method fetched from an object (`"abc".upper`).
    pub bound: Option<Value>,
    /// The class that defines it, when it is a method (for reprs).
    pub owner: Option<&'static str>,
    /// Extra data a builtin closes over (e.g. the target of a generated method).
    pub data: Option<Value>,
}

impl Builtin {
    pub fn new(name: &'static str, func: NativeFn) -> Builtin {
        Builtin {
            name,
            func,
            bound: None,
            owner: None,
            data: None,
        }
    }
}

/// A Python function (or any callable) bound to an instance.
pub struct BoundMethod {
    pub func: Value,
    pub self_: Value,
}
