//! Fast paths for `obj.name`, `obj.name(...)` and `obj.name = v` on instances of ordinary
//! classes, through the per-thread class-attribute cache (`vm::attr_cache`) and the interned
//! name's cached hash. Each returns None whenever the general protocol must decide (a custom
//! `__getattribute__`/`__setattr__`, a descriptor other than a plain function, a missing
//! attribute, a dunder name), so `ops::attr` keeps sole ownership of every rule and message.

use super::*;
use crate::objects::PyStr;
use std::sync::atomic::AtomicU32;

/// Dunder names (`__class__`, `__dict__` ...) have special meanings on instances: always the
/// general path.
fn is_dunder(name: &str) -> bool {
    name.len() > 4 && name.starts_with("__") && name.ends_with("__")
}

impl Vm {
    /// `obj.name` for an instance, or None for the general path.
    #[inline]
    pub fn getattr_fast(&mut self, obj: &Value, name: &Arc<PyStr>) -> Option<Value> {
        self.getattr_hinted(obj, name, &AtomicU32::new(0))
    }

    /// `getattr_fast` with the instruction's dict-position hint (`Code::hints`).
    #[inline]
    pub fn getattr_hinted(
        &mut self,
        obj: &Value,
        name: &Arc<PyStr>,
        hint: &AtomicU32,
    ) -> Option<Value> {
        let Value::Instance(inst) = obj else {
            return None;
        };
        if is_dunder(name.as_str()) {
            return None;
        }
        let cls = inst.class_ref();
        let e = self.attr_cache.entry(&cls, name);
        let func = match &e.found {
            _ if !e.plain_get => return None,
            None => None,
            Some(f @ Value::Function(_)) => Some(f),
            Some(_) => return None,
        };
        // The class is not locked: the instance dict is the only lock taken here.
        if let Some(v) = inst.dict.lock().get_str_hinted(name, hint) {
            return Some(v.clone());
        }
        func.map(|f| {
            Value::BoundMethod(Arc::new(BoundMethod {
                func: f.clone(),
                self_: obj.clone(),
            }))
        })
    }

    /// The function `obj.name(...)` calls with `obj` as its first argument (LoadMethod), or
    /// None for the general path.
    #[inline]
    pub fn method_fast(&mut self, obj: &Value, name: &Arc<PyStr>) -> Option<Value> {
        let Value::Instance(inst) = obj else {
            if let Value::Native(n) = obj {
                // Deques, locks: a native method of the class, as `getattr` would bind it.
                if !n.plain_attrs() {
                    return None;
                }
                return match &self.attr_cache.entry(&n.class(), name).found {
                    Some(f @ Value::Builtin(b)) if b.bound.is_none() && b.owner.is_some() => {
                        Some(f.clone())
                    }
                    _ => None,
                };
            }
            // Values of builtin types (`xs.append`, `d.get`): a builtin method found on the
            // type, as `call::lookup_method` finds it.
            let cls = obj.builtin_class()?;
            return match &self.attr_cache.entry(cls, name).found {
                Some(f @ Value::Builtin(_)) => Some(f.clone()),
                _ => None,
            };
        };
        if is_dunder(name.as_str()) {
            return None;
        }
        let cls = inst.class_ref();
        let e = self.attr_cache.entry(&cls, name);
        let func = match &e.found {
            Some(f @ Value::Function(_)) if e.plain_get => f,
            // A native method put in a Python class (`Condition.notify`): bound like a
            // function by `descr_get`.
            Some(f @ Value::Builtin(b))
                if e.plain_get && b.bound.is_none() && b.owner.is_some() =>
            {
                f
            }
            _ => return None,
        };
        let shadowed = inst
            .dict
            .lock()
            .get_str(name.as_str(), name.hash())
            .is_some();
        (!shadowed).then(|| func.clone())
    }

    /// `obj.name = value` for an instance: true when done, false for the general path (the
    /// value is handed back untouched in that case).
    #[inline]
    pub fn setattr_fast(
        &mut self,
        obj: &Value,
        name: &Arc<PyStr>,
        value: &mut Option<Value>,
        hint: &AtomicU32,
    ) {
        let Value::Instance(inst) = obj else {
            return;
        };
        if is_dunder(name.as_str()) || !matches!(inst.payload, Payload::None) {
            return;
        }
        let cls = inst.class_ref();
        let e = self.attr_cache.entry(&cls, name);
        if !e.plain_set || !matches!(e.found, None | Some(Value::Function(_))) {
            return;
        }
        if let Some(v) = value.take() {
            let old = inst.dict.set_str_hinted(name, v, hint);
            drop(old);
        }
    }
}
