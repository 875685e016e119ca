//! The object protocol: special method lookup and calls on instances.

use super::*;

impl Vm {
    // ----- special method helpers -------------------------------------------------------

    /// Looks up a special method on an instance's class (never the instance dict), skipping
    /// the defaults that `object` provides.
    pub fn special(&self, v: &Value, name: &str) -> Option<Value> {
        match v {
            Value::Instance(i) => {
                let cls = i.class();
                let (f, owner) = cls.lookup_with_owner(name)?;
                if Arc::ptr_eq(&owner, &types().object) {
                    return None;
                }
                if owner.base_kind == crate::objects::class::BaseKind::Builtin
                    && matches!(i.payload, Payload::Base(_))
                {
                    // A builtin base's own method (e.g. dict.__getitem__) is handled natively
                    // through the payload by the protocol (which also honours __missing__).
                    return None;
                }
                Some(f)
            }
            // Native objects (iterators, dict views, module types) get the special methods
            // their class dict defines, so builtin methods can implement operators for them.
            Value::Native(_) => {
                let cls = v.class();
                let (f, owner) = cls.lookup_with_owner(name)?;
                if Arc::ptr_eq(&owner, &types().object) {
                    return None;
                }
                Some(f)
            }
            _ => None,
        }
    }

    /// Calls `type(obj).name(obj, *args)`; None when the class does not define it.
    pub fn call_special(
        &mut self,
        obj: &Value,
        name: &str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let Some(f) = self.special(obj, name) else {
            return Ok(None);
        };
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(obj.clone());
        all.extend_from_slice(args);
        self.call_descriptor_method(&f, obj, &all).map(Some)
    }

    /// Calls a function found on a class as a method of `obj` (`all[0]` is obj).
    pub(super) fn call_descriptor_method(
        &mut self,
        f: &Value,
        obj: &Value,
        all: &[Value],
    ) -> PyResult<Value> {
        match f {
            Value::Native(n) => {
                if let Some(sm) = n.as_any().downcast_ref::<StaticMethod>() {
                    return self.call(&sm.func.clone(), Args::new(&all[1..]));
                }
                if let Some(cm) = n.as_any().downcast_ref::<ClassMethod>() {
                    let mut v = all.to_vec();
                    v[0] = Value::Class(obj.class());
                    return self.call(&cm.func.clone(), Args::new(&v));
                }
                self.call(f, Args::new(all))
            }
            _ => self.call(f, Args::new(all)),
        }
    }
}
