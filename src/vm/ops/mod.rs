//! The object protocol: truth, repr/str, hash, comparison, arithmetic, attributes, items,
//! iteration. Builtin types take native fast paths; instances of user classes go through
//! their special methods. No internal lock is held while a special method runs.

use super::Vm;
use crate::objects::class::types;
use crate::objects::descr::{ClassMethod, Property, StaticMethod, Super};
use crate::objects::dict::Find;
use crate::objects::exception::exc_state;
use crate::objects::function::Args;
use crate::objects::instance::Payload;
use crate::objects::int::{self, as_number, Num};
use crate::objects::iter::{DictView, IterKind, IterObj, ViewKind};
use crate::objects::{
    float, str as pystr, tuple, BoundMethod, Builtin, Class, DictObj, ExcKind, PyErr, PyResult,
    SetObj, Value,
};
use crate::parser::ast::{BinOp, CmpOp};
use std::cmp::Ordering;
use std::sync::Arc;

mod arith;
mod attr;
mod attr_fast;
mod compare;
mod containers;
pub mod fast;
mod hash;
mod items;
mod iterate;
mod repr;
mod special;

/// Items (bytes or elements) a single `seq * n` may produce before MemoryError: far more than
/// any script needs, far less than would make the allocator abort the process.
const MAX_REPEAT_ITEMS: usize = 1 << 32;

pub fn binop_dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mult => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    }
}

fn cmp_dunder(op: CmpOp) -> (&'static str, &'static str) {
    match op {
        CmpOp::Eq => ("__eq__", "__eq__"),
        CmpOp::NotEq => ("__ne__", "__ne__"),
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::LtE => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        CmpOp::GtE => ("__ge__", "__le__"),
        _ => ("", ""),
    }
}

pub fn cmp_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

/// Normalises a Python index against a length: `Some(i)` in range, None when out of range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        None
    } else {
        Some(i as usize)
    }
}

/// The user-visible builtin value inside a subclass instance of a builtin type.
pub fn base_value(v: &Value) -> Option<&Value> {
    match v {
        Value::Instance(i) => match &i.payload {
            Payload::Base(b) => Some(b),
            _ => None,
        },
        _ => None,
    }
}

fn ord_matches(op: CmpOp, o: Option<Ordering>) -> bool {
    match o {
        None => op == CmpOp::NotEq,
        Some(o) => match op {
            CmpOp::Eq => o == Ordering::Equal,
            CmpOp::NotEq => o != Ordering::Equal,
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::LtE => o != Ordering::Greater,
            CmpOp::Gt => o == Ordering::Greater,
            CmpOp::GtE => o != Ordering::Less,
            _ => false,
        },
    }
}

fn is_intlike(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

pub fn num_to_f64(n: &Num) -> PyResult<f64> {
    match n {
        Num::I(i) => Ok(*i as f64),
        Num::F(f) => Ok(*f),
        Num::B(b) => num_traits::ToPrimitive::to_f64(b)
            .filter(|f| f.is_finite())
            .ok_or_else(|| PyErr::overflow_error("int too large to convert to float")),
    }
}

pub fn binop_type_error(op: BinOp, a: &Value, b: &Value) -> PyErr {
    if op == BinOp::Pow {
        return PyErr::type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
            a.type_name(),
            b.type_name()
        ));
    }
    // CPython's hint for Python 2's `print >>f, x`, which Python 3 parses as a shift.
    let hint = match a {
        Value::Builtin(f) if op == BinOp::RShift && f.name == "print" && f.owner.is_none() => {
            ". Did you mean \"print(<message>, file=<output_stream>)\"?"
        }
        _ => "",
    };
    PyErr::type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'{hint}",
        op.symbol(),
        a.type_name(),
        b.type_name()
    ))
}

/// A stable pseudo-address for `id()` and default reprs.
pub fn addr(v: &Value) -> usize {
    v.heap_ptr().unwrap_or(0)
}

fn identity_hash(v: &Value) -> i64 {
    (addr(v) >> 4) as i64
}

// ----- hooks into native objects defined by builtin modules --------------------------------

fn native_repr(vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
    match v {
        Value::Native(n) => n.repr(vm, v),
        _ => Ok(None),
    }
}
fn native_getattr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    match v {
        Value::Native(n) => n.getattr(vm, v, name),
        _ => Ok(None),
    }
}
fn native_setattr(vm: &mut Vm, v: &Value, name: &str, value: &Value) -> PyResult<bool> {
    match v {
        Value::Native(n) => n.setattr(vm, v, name, value),
        _ => Ok(false),
    }
}
fn native_len(vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
    match v {
        Value::Native(n) => n.len(vm, v),
        _ => Ok(None),
    }
}
fn native_getitem(vm: &mut Vm, v: &Value, idx: &Value) -> PyResult<Option<Value>> {
    match v {
        Value::Native(n) => n.getitem(vm, v, idx),
        _ => Ok(None),
    }
}
fn native_setitem(vm: &mut Vm, v: &Value, idx: &Value, value: &Value) -> PyResult<bool> {
    match v {
        Value::Native(n) => n.setitem(vm, v, idx, value),
        _ => Ok(false),
    }
}
fn native_iter(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    match v {
        Value::Native(n) => n.iter(vm, v),
        _ => Ok(None),
    }
}
fn native_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Option<Value>>> {
    match v {
        Value::Native(n) => n.next(vm, v),
        _ => Ok(None),
    }
}
