//! Descriptor objects: `property`, `staticmethod`, `classmethod`, and `super`.

use super::class::types;
use super::{Class, NativeObject, Value};
use parking_lot::RwLock;
use std::any::Any;
use std::sync::Arc;

pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
    /// The attribute name it was assigned to (`__set_name__`), for error messages.
    pub name: RwLock<Option<Arc<str>>>,
}

impl Property {
    /// A property; with no `doc`, a Python getter's docstring becomes the doc (as CPython).
    pub fn new(fget: Value, fset: Value, fdel: Value, doc: Value) -> Property {
        let doc = match (&doc, &fget) {
            (Value::None, Value::Function(f)) => f.meta.read().doc.clone(),
            _ => doc,
        };
        Property {
            fget,
            fset,
            fdel,
            doc,
            name: RwLock::new(None),
        }
    }

    /// CPython's AttributeError for a missing getter/setter/deleter (`what`) used on `obj`.
    pub fn missing(&self, obj: &Value, what: &str) -> super::PyErr {
        let owner = obj.class().qualname();
        super::PyErr::attribute_error(match &*self.name.read() {
            Some(n) => format!("property '{n}' of '{owner}' object has no {what}"),
            None => format!("property of '{owner}' object has no {what}"),
        })
    }
}

pub struct StaticMethod {
    pub func: Value,
    pub dict: RwLock<Vec<(String, Value)>>,
}

pub struct ClassMethod {
    pub func: Value,
}

/// A `super(C, obj)` proxy: attribute lookups start after `C` in `type(obj).__mro__`.
pub struct Super {
    pub this_class: Arc<Class>,
    pub obj: Value,
    /// The class whose MRO is searched: `type(obj)`, or `obj` itself when it is a class.
    pub obj_class: Arc<Class>,
}

impl NativeObject for Property {
    fn class(&self) -> Arc<Class> {
        types().property.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(
        &self,
        _vm: &mut crate::vm::Vm,
        _me: &Value,
        name: &str,
    ) -> crate::objects::PyResult<Option<Value>> {
        Ok(match name {
            "fget" => Some(self.fget.clone()),
            "fset" => Some(self.fset.clone()),
            "fdel" => Some(self.fdel.clone()),
            "__doc__" => Some(self.doc.clone()),
            _ => None,
        })
    }
}
impl NativeObject for StaticMethod {
    fn class(&self) -> Arc<Class> {
        types().staticmethod.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(
        &self,
        _vm: &mut crate::vm::Vm,
        _me: &Value,
        name: &str,
    ) -> crate::objects::PyResult<Option<Value>> {
        Ok(match name {
            "__func__" | "__wrapped__" => Some(self.func.clone()),
            _ => None,
        })
    }
    fn call(
        &self,
        vm: &mut crate::vm::Vm,
        _me: &Value,
        args: crate::objects::function::Args,
    ) -> crate::objects::PyResult<Option<Value>> {
        let f = self.func.clone();
        vm.call(&f, args).map(Some)
    }
}
impl NativeObject for ClassMethod {
    fn class(&self) -> Arc<Class> {
        types().classmethod.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(
        &self,
        _vm: &mut crate::vm::Vm,
        _me: &Value,
        name: &str,
    ) -> crate::objects::PyResult<Option<Value>> {
        Ok(match name {
            "__func__" | "__wrapped__" => Some(self.func.clone()),
            _ => None,
        })
    }
}
impl NativeObject for Super {
    fn class(&self) -> Arc<Class> {
        types().super_.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(
        &self,
        _vm: &mut crate::vm::Vm,
        _me: &Value,
    ) -> crate::objects::PyResult<Option<String>> {
        Ok(Some(format!(
            "<super: <class '{}'>, <{} object>>",
            self.this_class.name, self.obj_class.name
        )))
    }
}
