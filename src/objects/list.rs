//! `list` objects: a vector behind the list's own lock.
//!
//! Each builtin operation takes the lock once and runs whole, so `append`, `pop` and friends
//! are atomic across threads as in CPython. Operations that must call Python code (comparing
//! with `__eq__`, sorting with a key) copy items out and release the lock first.

use super::Value;
use parking_lot::{Mutex, MutexGuard};

pub struct ListObj {
    items: Mutex<Vec<Value>>,
}

impl ListObj {
    pub fn new(items: Vec<Value>) -> ListObj {
        ListObj {
            items: Mutex::new(items),
        }
    }
    /// Locks the list. Callers must not run Python code while holding the guard.
    pub fn lock(&self) -> MutexGuard<'_, Vec<Value>> {
        self.items.lock()
    }
    pub fn len(&self) -> usize {
        self.items.lock().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.lock().get(i).cloned()
    }
    pub fn push(&self, v: Value) {
        self.items.lock().push(v);
    }
    /// A copy of the items, for iteration that may run Python code.
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.lock().clone()
    }
    pub fn replace(&self, items: Vec<Value>) -> Vec<Value> {
        std::mem::replace(&mut *self.items.lock(), items)
    }
}

impl Drop for ListObj {
    fn drop(&mut self) {
        super::trashcan::defer(std::mem::take(self.items.get_mut()));
    }
}
