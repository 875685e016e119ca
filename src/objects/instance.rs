//! Instances of user classes: a class pointer, an attribute dict (behind its own lock) and,
//! for exceptions and subclasses of builtin types, a builtin payload.

use super::exception::ExcState;
use super::{Class, DictObj, Value};
use parking_lot::{Mutex, RwLock};
use std::sync::Arc;

pub struct Instance {
    class: RwLock<Arc<Class>>,
    pub dict: Arc<DictObj>,
    pub payload: Payload,
}

pub enum Payload {
    None,
    Exception(Mutex<ExcState>),
    /// The builtin value a subclass of a builtin type wraps (`class MyDict(dict)`).
    Base(Value),
    /// Native state attached by a builtin module's class.
    Native(Arc<dyn super::NativeObject>),
}

impl Instance {
    pub fn new(class: Arc<Class>, dict: Arc<DictObj>, payload: Payload) -> Instance {
        Instance {
            class: RwLock::new(class),
            dict,
            payload,
        }
    }
    pub fn class(&self) -> Arc<Class> {
        self.class.read().clone()
    }
    /// `obj.__class__ = C`.
    pub fn set_class(&self, class: Arc<Class>) {
        *self.class.write() = class;
    }
}
