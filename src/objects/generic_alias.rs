//! `types.GenericAlias`: what subscripting a builtin type gives (`list[int]`,
//! `dict[str, int]`), as in annotations. It prints as written, exposes `__origin__` and
//! `__args__`, and calling it calls the origin.

use super::class::{types, Class};
use super::{NativeObject, PyResult, Value};
use crate::vm::Vm;
use std::any::Any;
use std::sync::{Arc, OnceLock};

pub struct GenericAlias {
    pub origin: Value,
    pub args: Vec<Value>,
}

fn alias_class() -> Arc<Class> {
    static CLASS: OnceLock<Arc<Class>> = OnceLock::new();
    CLASS
        .get_or_init(|| {
            let c = Class::new_builtin("GenericAlias", Some(&types().object));
            c.dict.set_str("__module__", Value::str("types"));
            c
        })
        .clone()
}

impl GenericAlias {
    /// `origin[idx]`: a tuple index gives several arguments.
    pub fn new_value(origin: Value, idx: &Value) -> Value {
        let args = match idx {
            Value::Tuple(t) => t.items.to_vec(),
            other => vec![other.clone()],
        };
        Value::Native(Arc::new(GenericAlias { origin, args }))
    }
}

/// How `typing` prints one argument: a class by its (module-qualified) name, `...` for
/// Ellipsis, anything else by repr.
fn arg_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Class(c) => {
            let module = c.module_name();
            Ok(if module == "builtins" {
                c.qualname().to_string()
            } else {
                format!("{module}.{}", c.qualname())
            })
        }
        Value::Ellipsis => Ok("...".to_string()),
        other => vm.repr(other),
    }
}

impl NativeObject for GenericAlias {
    fn class(&self) -> Arc<Class> {
        alias_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, vm: &mut Vm, _me: &Value) -> PyResult<Option<String>> {
        let mut parts = Vec::with_capacity(self.args.len());
        for a in &self.args {
            parts.push(arg_repr(vm, a)?);
        }
        let origin = arg_repr(vm, &self.origin)?;
        let inner = if parts.is_empty() {
            "()".to_string()
        } else {
            parts.join(", ")
        };
        Ok(Some(format!("{origin}[{inner}]")))
    }
    fn getattr(&self, _vm: &mut Vm, _me: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__origin__" => Some(self.origin.clone()),
            "__args__" => Some(Value::tuple(self.args.clone())),
            "__parameters__" => Some(Value::tuple(vec![])),
            _ => None,
        })
    }
    fn call(
        &self,
        vm: &mut Vm,
        _me: &Value,
        args: crate::objects::function::Args,
    ) -> PyResult<Option<Value>> {
        let origin = self.origin.clone();
        vm.call(&origin, args).map(Some)
    }
}
