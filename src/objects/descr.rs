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

macro_rules! native_class {
    ($t:ty, $field:ident) => {
        impl NativeObject for $t {
            fn class(&self) -> Arc<Class> {
                types().$field.clone()
            }
            fn as_any(&self) -> &dyn Any {
                self
            }
        }
    };
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
native_class!(Super, super_);
