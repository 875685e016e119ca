//! Module objects: a name and a globals dict.

use super::{DictObj, Value};
use std::sync::Arc;

pub struct Module {
    pub name: Arc<str>,
    pub dict: Arc<DictObj>,
}

impl Module {
    pub fn new(name: &str) -> Module {
        let dict = Arc::new(DictObj::new());
        dict.set_str("__name__", Value::str(name));
        dict.set_str("__doc__", Value::None);
        Module {
            name: name.into(),
            dict,
        }
    }
    pub fn with_dict(name: &str, dict: Arc<DictObj>) -> Module {
        Module {
            name: name.into(),
            dict,
        }
    }
    pub fn get(&self, name: &str) -> Option<Value> {
        self.dict.get_str(name)
    }
    pub fn set(&self, name: &str, v: Value) {
        self.dict.set_str(name, v)
    }
}
