//! `__new__` of the immutable builtin types (int, float, str, tuple, bytes, frozenset), so
//! that `super().__new__(cls, value)` and `str.__new__(cls, value)` work in subclasses that
//! define their own `__new__`: the builtin constructor builds the value, which becomes the
//! payload of an instance of `cls`.

use crate::objects::class::types;
use crate::objects::descr::StaticMethod;
use crate::objects::function::Args;
use crate::objects::instance::{Instance, Payload};
use crate::objects::{Builtin, Class, DictObj, PyErr, PyResult, Value};
use crate::vm::Vm;
use parking_lot::RwLock;
use std::sync::Arc;

pub fn install() {
    let t = types();
    for (cls, owner) in [
        (&t.int, "int"),
        (&t.float, "float"),
        (&t.str, "str"),
        (&t.tuple, "tuple"),
        (&t.bytes, "bytes"),
        (&t.frozenset, "frozenset"),
    ] {
        let mut b = Builtin::new("__new__", builtin_new);
        b.owner = Some(owner);
        let sm = StaticMethod {
            func: Value::Builtin(Arc::new(b)),
            dict: RwLock::new(Vec::new()),
        };
        cls.dict.set_str("__new__", Value::Native(Arc::new(sm)));
    }
}

/// `T.__new__(cls, *args, **kw)` for an immutable builtin `T`.
fn builtin_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.pos.first() else {
        let got = args
            .pos
            .first()
            .map_or_else(|| "nothing".to_string(), |v| v.type_name());
        return Err(PyErr::type_error(format!(
            "__new__(X): X is not a type object ({got})"
        )));
    };
    let Some(base) = immutable_base(cls) else {
        return Err(PyErr::type_error(format!(
            "__new__(X): X is not a subtype of a builtin type ({})",
            cls.name
        )));
    };
    let ctor = super::constructor(&base)
        .ok_or_else(|| PyErr::type_error(format!("cannot create '{}' instances", cls.name)))?;
    let rest = Args::with_kw(&args.pos[1..], args.kwnames, args.kwvals);
    let v = ctor(vm, rest)?;
    if Arc::ptr_eq(cls, &base) {
        return Ok(v);
    }
    Ok(Value::Instance(Arc::new(Instance::new(
        cls.clone(),
        Arc::new(DictObj::new()),
        Payload::Base(v),
    ))))
}

/// The immutable builtin type `cls` is or derives from.
fn immutable_base(cls: &Arc<Class>) -> Option<Arc<Class>> {
    let t = types();
    let base = if cls.base_kind == crate::objects::class::BaseKind::Builtin {
        cls.clone()
    } else {
        cls.builtin_base()?
    };
    [&t.int, &t.float, &t.str, &t.tuple, &t.bytes, &t.frozenset]
        .iter()
        .any(|c| Arc::ptr_eq(c, &base))
        .then_some(base)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::py;

    #[test]
    fn super_new_in_subclasses() {
        assert_eq!(
            py("class C(float):\n    def __new__(cls, v):\n        return super().__new__(cls, v * 2)\nc = C(1.5)\nr = (c, type(c).__name__, c + 1)"),
            "(3.0, 'C', 4.0)"
        );
        assert_eq!(
            py("class S(str):\n    def __new__(cls, v):\n        obj = str.__new__(cls, v.upper())\n        obj.extra = 1\n        return obj\ns = S('ab')\nr = (s, s.extra, s.lower())"),
            "('AB', 1, 'ab')"
        );
        assert_eq!(py("r = int.__new__(int, '42')"), "42");
    }

    #[test]
    fn new_needs_a_type() {
        assert_eq!(
            py("r = int.__new__(5)"),
            "TypeError: __new__(X): X is not a type object (int)"
        );
    }
}
