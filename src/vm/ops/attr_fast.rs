//! Fast paths for `obj.name`, `obj.name(...)` and `obj.name = v` on instances of ordinary
//! classes, through the per-thread class-attribute cache (`vm::attr_cache`) and the interned
//! name's cached hash. Each returns None whenever the general protocol must decide (a custom
//! `__getattribute__`/`__setattr__`, a descriptor other than a plain function, a missing
//! attribute, a dunder name), so `ops::attr` keeps sole ownership of every rule and message.

use super::*;
use crate::objects::str::intern;
use crate::objects::PyStr;
use std::sync::LazyLock;

static GETATTRIBUTE: LazyLock<Arc<PyStr>> = LazyLock::new(|| intern("__getattribute__"));
static SETATTR: LazyLock<Arc<PyStr>> = LazyLock::new(|| intern("__setattr__"));

/// Dunder names (`__class__`, `__dict__` ...) have special meanings on instances: always the
/// general path.
fn is_dunder(name: &str) -> bool {
    name.len() > 4 && name.starts_with("__") && name.ends_with("__")
}

/// What the class says about `name` on an instance, when the general protocol would simply
/// read the instance dict and then bind a plain function.
enum Plain {
    /// Neither the class nor its bases define the name.
    Absent,
    /// A plain function: an instance-dict entry shadows it, else it binds.
    Function(Value),
}

impl Vm {
    fn plain_lookup(&mut self, cls: &Arc<Class>, name: &Arc<PyStr>) -> Option<Plain> {
        if !matches!(
            self.attr_cache.lookup(cls, &GETATTRIBUTE),
            Some(Value::Builtin(_))
        ) {
            return None;
        }
        match self.attr_cache.lookup(cls, name) {
            None => Some(Plain::Absent),
            Some(f @ Value::Function(_)) => Some(Plain::Function(f)),
            Some(_) => None,
        }
    }

    /// `obj.name` for an instance, or None for the general path.
    pub fn getattr_fast(&mut self, obj: &Value, name: &Arc<PyStr>) -> Option<Value> {
        let Value::Instance(inst) = obj else {
            return None;
        };
        if is_dunder(name.as_str()) {
            return None;
        }
        let cls = inst.class();
        let plain = self.plain_lookup(&cls, name)?;
        let own = inst
            .dict
            .lock()
            .get_str(name.as_str(), name.hash())
            .cloned();
        match (own, plain) {
            (Some(v), _) => Some(v),
            (None, Plain::Function(f)) => Some(Value::BoundMethod(Arc::new(BoundMethod {
                func: f,
                self_: obj.clone(),
            }))),
            (None, Plain::Absent) => None,
        }
    }

    /// The function `obj.name(...)` calls with `obj` as its first argument (LoadMethod), or
    /// None for the general path.
    pub fn method_fast(&mut self, obj: &Value, name: &Arc<PyStr>) -> Option<Value> {
        let Value::Instance(inst) = obj else {
            return None;
        };
        if is_dunder(name.as_str()) {
            return None;
        }
        let cls = inst.class();
        match self.plain_lookup(&cls, name)? {
            Plain::Function(f) => {
                let shadowed = inst
                    .dict
                    .lock()
                    .get_str(name.as_str(), name.hash())
                    .is_some();
                (!shadowed).then_some(f)
            }
            Plain::Absent => None,
        }
    }

    /// `obj.name = value` for an instance: true when done, false for the general path (the
    /// value is handed back untouched in that case).
    pub fn setattr_fast(&mut self, obj: &Value, name: &Arc<PyStr>, value: &mut Option<Value>) {
        let Value::Instance(inst) = obj else {
            return;
        };
        if is_dunder(name.as_str()) || !matches!(inst.payload, Payload::None) {
            return;
        }
        let cls = inst.class();
        if !matches!(
            self.attr_cache.lookup(&cls, &SETATTR),
            Some(Value::Builtin(_))
        ) {
            return;
        }
        match self.attr_cache.lookup(&cls, name) {
            None | Some(Value::Function(_)) => {}
            Some(_) => return,
        }
        if let Some(v) = value.take() {
            let old = inst.dict.set_str_key(name, v);
            drop(old);
        }
    }
}
