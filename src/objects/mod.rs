//! Runtime values: what the VM computes with (fourth stage of the pipeline).
//!
//! A [`Value`] is two words: `None`, bools, small ints and floats inline (no allocation, no
//! refcount); every heap object behind an `Arc`. Immutable objects (str, tuple, code,
//! function) need no lock; mutable ones (list, dict, set, instance `__dict__`) keep their state
//! behind a `parking_lot` lock of their own and run each builtin operation whole under it, so
//! every value is `Send + Sync` and there is no global interpreter lock.

pub mod class;
pub mod descr;
pub mod dict;
pub mod exception;
pub mod float;
pub mod function;
pub mod generic_alias;
pub mod instance;
pub mod int;
pub mod iter;
pub mod list;
pub mod module;
pub mod range;
pub mod set;
pub mod str;
pub mod trashcan;
pub mod tuple;

use crate::vm::Vm;
use num_bigint::BigInt;
use std::any::Any;
use std::fmt;
use std::sync::Arc;

pub use class::Class;
pub use dict::DictObj;
pub use exception::{ExcKind, PyErr};
pub use function::{BoundMethod, Builtin, Cell, Code, Function};
pub use instance::Instance;
pub use list::ListObj;
pub use module::Module;
pub use range::RangeObj;
pub use set::SetObj;
pub use str::PyStr;
pub use tuple::TupleObj;

pub type PyResult<T = Value> = Result<T, PyErr>;

/// A Python value.
pub enum Value {
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    Float(f64),
    BigInt(Arc<BigInt>),
    Str(Arc<PyStr>),
    Bytes(Arc<Vec<u8>>),
    Tuple(Arc<TupleObj>),
    List(Arc<ListObj>),
    Dict(Arc<DictObj>),
    /// A set or frozenset (the object knows which).
    Set(Arc<SetObj>),
    Range(Arc<RangeObj>),
    Slice(Arc<SliceObj>),
    Function(Arc<Function>),
    Builtin(Arc<Builtin>),
    BoundMethod(Arc<BoundMethod>),
    Class(Arc<Class>),
    Instance(Arc<Instance>),
    Module(Arc<Module>),
    Code(Arc<Code>),
    Cell(Arc<Cell>),
    /// Any other native object (iterators, generators, locks, queues ...).
    Native(Arc<dyn NativeObject>),
    /// Internal marker, never visible to Python code: the "no self" slot of LoadMethod.
    Undefined,
}

// Written out (not derived) so it can be inlined: values are cloned on every load in the eval
// loop, and the derived clone was an out-of-line call even for ints and floats.
impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::None => Value::None,
            Value::NotImplemented => Value::NotImplemented,
            Value::Ellipsis => Value::Ellipsis,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::BigInt(x) => Value::BigInt(Arc::clone(x)),
            Value::Str(x) => Value::Str(Arc::clone(x)),
            Value::Bytes(x) => Value::Bytes(Arc::clone(x)),
            Value::Tuple(x) => Value::Tuple(Arc::clone(x)),
            Value::List(x) => Value::List(Arc::clone(x)),
            Value::Dict(x) => Value::Dict(Arc::clone(x)),
            Value::Set(x) => Value::Set(Arc::clone(x)),
            Value::Range(x) => Value::Range(Arc::clone(x)),
            Value::Slice(x) => Value::Slice(Arc::clone(x)),
            Value::Function(x) => Value::Function(Arc::clone(x)),
            Value::Builtin(x) => Value::Builtin(Arc::clone(x)),
            Value::BoundMethod(x) => Value::BoundMethod(Arc::clone(x)),
            Value::Class(x) => Value::Class(Arc::clone(x)),
            Value::Instance(x) => Value::Instance(Arc::clone(x)),
            Value::Module(x) => Value::Module(Arc::clone(x)),
            Value::Code(x) => Value::Code(Arc::clone(x)),
            Value::Cell(x) => Value::Cell(Arc::clone(x)),
            Value::Native(x) => Value::Native(Arc::clone(x)),
            Value::Undefined => Value::Undefined,
        }
    }
}

/// A native object defined outside this module (iterators, generators, module types).
/// Implementors give their class; attribute access goes through the class's dict.
pub trait NativeObject: Send + Sync + Any {
    fn class(&self) -> Arc<Class>;
    fn as_any(&self) -> &dyn Any;
    /// `repr(me)`, when the class has no `__repr__` of its own.
    fn repr(&self, _vm: &mut Vm, _me: &Value) -> PyResult<Option<String>> {
        Ok(None)
    }
    /// True when `getattr` is not overridden: attributes are the class's, so `x.method()`
    /// may take the eval loop's cached method path (`Vm::method_fast`).
    fn plain_attrs(&self) -> bool {
        false
    }
    /// Attributes computed natively (checked before the class dict).
    fn getattr(&self, _vm: &mut Vm, _me: &Value, _name: &str) -> PyResult<Option<Value>> {
        Ok(None)
    }
    /// Returns true when the attribute was set.
    fn setattr(&self, _vm: &mut Vm, _me: &Value, _name: &str, _value: &Value) -> PyResult<bool> {
        Ok(false)
    }
    fn len(&self, _vm: &mut Vm, _me: &Value) -> PyResult<Option<usize>> {
        Ok(None)
    }
    fn getitem(&self, _vm: &mut Vm, _me: &Value, _idx: &Value) -> PyResult<Option<Value>> {
        Ok(None)
    }
    fn setitem(&self, _vm: &mut Vm, _me: &Value, _idx: &Value, _v: &Value) -> PyResult<bool> {
        Ok(false)
    }
    /// `iter(me)`, for iterables that are not iterators.
    fn iter(&self, _vm: &mut Vm, _me: &Value) -> PyResult<Option<Value>> {
        Ok(None)
    }
    /// Calling the object itself.
    fn call(
        &self,
        _vm: &mut Vm,
        _me: &Value,
        _args: crate::objects::function::Args,
    ) -> PyResult<Option<Value>> {
        Ok(None)
    }
    /// `next(me)` for native iterators: Some(None) when exhausted.
    fn next(&self, _vm: &mut Vm, _me: &Value) -> PyResult<Option<Option<Value>>> {
        Ok(None)
    }
}

pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl Value {
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(Arc::new(PyStr::new(s.into())))
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Arc::new(TupleObj::new(items)))
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Arc::new(ListObj::new(items)))
    }
    pub fn from_bigint(b: BigInt) -> Value {
        int::normalize(b)
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity (`is`): same inline value, or same heap object.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None)
            | (Value::NotImplemented, Value::NotImplemented)
            | (Value::Ellipsis, Value::Ellipsis)
            | (Value::Undefined, Value::Undefined) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints are interned in CPython between -5 and 256; equal inline ints are
            // "the same object" here, which is what scripts comparing small ints expect.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.heap_ptr(), other.heap_ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of the heap object, used for `is` and `id()`.
    pub fn heap_ptr(&self) -> Option<usize> {
        Some(match self {
            Value::BigInt(a) => Arc::as_ptr(a) as *const u8 as usize,
            Value::Str(a) => Arc::as_ptr(a) as *const u8 as usize,
            Value::Bytes(a) => Arc::as_ptr(a) as *const u8 as usize,
            Value::Tuple(a) => Arc::as_ptr(a) as *const u8 as usize,
            Value::List(a) => Arc::as_ptr(a) as *const u8 as usize,
            Value::Dict(a) => Arc::as_ptr(a) as *const u8 as usize,
            Value::Set(a) => Arc::as_ptr(a) as *const u8 as usize,
            Value::Range(a) => Arc::as_ptr(a) as *const u8 as usize,
            Value::Slice(a) => Arc::as_ptr(a) as *const u8 as usize,
            Value::Function(a) => Arc::as_ptr(a) as *const u8 as usize,
            Value::Builtin(a) => Arc::as_ptr(a) as *const u8 as usize,
            Value::BoundMethod(a) => Arc::as_ptr(a) as *const u8 as usize,
            Value::Class(a) => Arc::as_ptr(a) as *const u8 as usize,
            Value::Instance(a) => Arc::as_ptr(a) as *const u8 as usize,
            Value::Module(a) => Arc::as_ptr(a) as *const u8 as usize,
            Value::Code(a) => Arc::as_ptr(a) as *const u8 as usize,
            Value::Cell(a) => Arc::as_ptr(a) as *const u8 as usize,
            Value::Native(a) => Arc::as_ptr(a) as *const u8 as usize,
            _ => return None,
        })
    }

    /// The class of this value.
    /// The class of a value of a builtin type, borrowed from the static type table (no
    /// reference count traffic: every thread calling `list.append` would otherwise bump the
    /// same counter); None for instances, classes and native objects.
    #[inline]
    pub fn builtin_class(&self) -> Option<&'static Arc<Class>> {
        let t = class::types();
        Some(match self {
            Value::None | Value::Undefined => &t.none_type,
            Value::Bool(_) => &t.bool,
            Value::Int(_) | Value::BigInt(_) => &t.int,
            Value::Float(_) => &t.float,
            Value::Str(_) => &t.str,
            Value::Bytes(_) => &t.bytes,
            Value::Tuple(_) => &t.tuple,
            Value::List(_) => &t.list,
            Value::Dict(_) => &t.dict,
            Value::Set(s) if s.frozen => &t.frozenset,
            Value::Set(_) => &t.set,
            Value::Range(_) => &t.range,
            _ => return None,
        })
    }

    pub fn class(&self) -> Arc<Class> {
        let t = class::types();
        match self {
            Value::None => t.none_type.clone(),
            Value::NotImplemented => t.not_implemented_type.clone(),
            Value::Ellipsis => t.ellipsis_type.clone(),
            Value::Bool(_) => t.bool.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::List(_) => t.list.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(s) => {
                if s.frozen {
                    t.frozenset.clone()
                } else {
                    t.set.clone()
                }
            }
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Function(_) => t.function.clone(),
            Value::Builtin(_) => t.builtin_function.clone(),
            Value::BoundMethod(_) => t.method.clone(),
            Value::Class(c) => c.metaclass(),
            Value::Instance(i) => i.class(),
            Value::Module(_) => t.module.clone(),
            Value::Code(_) => t.code.clone(),
            Value::Cell(_) => t.cell.clone(),
            Value::Native(n) => n.class(),
            Value::Undefined => t.none_type.clone(),
        }
    }

    /// The class name as error messages print it (`'int' object is not callable`).
    pub fn type_name(&self) -> String {
        match self {
            Value::None => "NoneType".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) | Value::BigInt(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Str(_) => "str".into(),
            Value::List(_) => "list".into(),
            Value::Tuple(_) => "tuple".into(),
            Value::Dict(_) => "dict".into(),
            _ => self.class().name.to_string(),
        }
    }

    pub fn as_native<T: 'static>(&self) -> Option<&T> {
        match self {
            Value::Native(n) => n.as_any().downcast_ref::<T>(),
            _ => None,
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{}", float::repr(*x)),
            Value::BigInt(b) => write!(f, "{b}"),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            other => write!(f, "<{} object>", other.type_name()),
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}
impl From<usize> for Value {
    fn from(i: usize) -> Value {
        Value::Int(i as i64)
    }
}
impl From<f64> for Value {
    fn from(x: f64) -> Value {
        Value::Float(x)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::str(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn values_are_send_and_sync() {
        assert_send_sync::<Value>();
    }

    #[test]
    fn value_is_at_most_three_words() {
        // A tag plus the fat pointer of `Native(Arc<dyn NativeObject>)`.
        assert!(std::mem::size_of::<Value>() <= 24);
    }
}
