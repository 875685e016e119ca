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
native_class!(Property, property);
native_class!(StaticMethod, staticmethod);
native_class!(ClassMethod, classmethod);
native_class!(Super, super_);
