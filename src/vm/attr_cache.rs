//! A per-thread cache of class attribute lookups (the MRO walk behind `obj.attr`,
//! `obj.method()` and the `__getattribute__`/`__setattr__` checks).
//!
//! Looking `name` up on a class walks its MRO and probes each class's dict, taking each dict's
//! lock. The cache remembers, per (class, interned name), what the walk found (or that it found
//! nothing) and the write count (`DictObj::writes`) of every dict on the MRO at the time; while
//! all counts are unchanged no class on the MRO has been written to, so the remembered result
//! is still the answer. A hit costs one plain load per class on the MRO.
//!
//! Entries hold the class and the name alive, so the pointers they are keyed on cannot be
//! reused while they exist. The cache belongs to one thread's `Vm`: no sharing, no lock.

use crate::objects::str::PyStr;
use crate::objects::{Class, Value};
use std::sync::Arc;

/// Entries in the direct-mapped table.
const SLOTS: usize = 512;

/// Classes with longer MROs are looked up without the cache (their entries would need more
/// room than the common case, and such hierarchies are rare in hot code).
const MAX_MRO: usize = 8;

struct Entry {
    class: Arc<Class>,
    name: Arc<PyStr>,
    writes: [u64; MAX_MRO],
    found: Option<Value>,
}

#[derive(Default)]
pub struct AttrCache {
    slots: Vec<Option<Entry>>,
}

#[inline(always)]
fn slot_of(class: &Arc<Class>, name: &Arc<PyStr>) -> usize {
    // Fibonacci hashing of both pointers: the top bits of the product depend on every bit.
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let a = Arc::as_ptr(class) as *const u8 as u64;
    let b = Arc::as_ptr(name) as *const u8 as u64;
    let h = (a.wrapping_mul(K) ^ b).wrapping_mul(K);
    (h >> 32) as usize % SLOTS
}

/// The write counts of the dicts on `class`'s MRO, or None when the MRO is too long.
#[inline]
fn mro_writes(class: &Class) -> Option<[u64; MAX_MRO]> {
    if class.mro_rest.len() + 1 > MAX_MRO {
        return None;
    }
    let mut w = [0; MAX_MRO];
    w[0] = class.dict.writes();
    for (slot, c) in w[1..].iter_mut().zip(&class.mro_rest) {
        *slot = c.dict.writes();
    }
    Some(w)
}

impl AttrCache {
    /// `class.lookup(name)`: the first definition of `name` on the MRO, if any.
    pub fn lookup(&mut self, class: &Arc<Class>, name: &Arc<PyStr>) -> Option<Value> {
        let i = slot_of(class, name);
        if let Some(Some(e)) = self.slots.get(i) {
            if Arc::ptr_eq(&e.class, class) && Arc::ptr_eq(&e.name, name) {
                if let Some(w) = mro_writes(class) {
                    if w == e.writes {
                        return e.found.clone();
                    }
                }
            }
        }
        // Counts first, then the walk: a write racing with the walk only causes a miss later.
        let writes = mro_writes(class);
        let found = lookup_hashed(class, name);
        if let Some(writes) = writes {
            if self.slots.is_empty() {
                self.slots.resize_with(SLOTS, || None);
            }
            self.slots[i] = Some(Entry {
                class: class.clone(),
                name: name.clone(),
                writes,
                found: found.clone(),
            });
        }
        found
    }

    /// Forgets everything (what the entries keep alive is released).
    pub fn clear(&mut self) {
        self.slots.clear();
    }
}

/// The MRO walk with the name's cached hash (no rehashing per class).
fn lookup_hashed(class: &Arc<Class>, name: &PyStr) -> Option<Value> {
    let (s, h) = (name.as_str(), name.hash());
    if let Some(v) = class.dict.lock().get_str(s, h) {
        return Some(v.clone());
    }
    class
        .mro_rest
        .iter()
        .find_map(|c| c.dict.lock().get_str(s, h).cloned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::str::intern;

    #[test]
    fn a_write_to_any_class_on_the_mro_invalidates() {
        let base = Class::new_builtin("Base", None);
        let derived = Class::new_builtin("Derived", Some(&base));
        let name = intern("f");
        let mut c = AttrCache::default();
        assert!(c.lookup(&derived, &name).is_none());
        base.dict.set_str("f", Value::Int(1));
        assert!(matches!(c.lookup(&derived, &name), Some(Value::Int(1))));
        derived.dict.set_str("f", Value::Int(2));
        assert!(matches!(c.lookup(&derived, &name), Some(Value::Int(2))));
        derived.dict.del_str("f");
        assert!(matches!(c.lookup(&derived, &name), Some(Value::Int(1))));
        base.dict.set_str("f", Value::Int(3));
        assert!(matches!(c.lookup(&derived, &name), Some(Value::Int(3))));
    }
}
