//! A per-thread cache of global-name lookups (`LoadGlobal`).
//!
//! A function reads its globals and builtins (`fib`, `len`, `range`) on every call, and each
//! lookup would take the dict's lock and probe its table. The cache remembers, per (name,
//! globals dict), the value found and the write counts (`DictObj::writes`) of the globals and
//! builtins dicts at the time; while both counts are unchanged no write has happened to either
//! dict, so the remembered value is still the binding, and a hit costs two plain loads.
//!
//! Each entry holds the name, the globals dict and the value alive, so the pointers it is
//! keyed on cannot be reused by other objects while it exists. The cache belongs to one
//! thread's `Vm` (no sharing, no lock); a racing write in another thread is seen either before
//! or after the lookup, as with the dict's own lock.

use crate::objects::str::PyStr;
use crate::objects::{DictObj, Value};
use std::sync::Arc;

/// Entries in the direct-mapped table: enough for the globals a hot loop touches; small
/// enough that what it keeps alive stays negligible.
const SLOTS: usize = 256;

struct Entry {
    name: Arc<PyStr>,
    globals: Arc<DictObj>,
    globals_writes: u64,
    builtins_writes: u64,
    value: Value,
}

#[derive(Default)]
pub struct GlobalCache {
    slots: Vec<Option<Entry>>,
}

#[inline(always)]
fn slot_of(name: &Arc<PyStr>, globals: &Arc<DictObj>) -> usize {
    // Fibonacci hashing of both pointers: the top bits of the product depend on every bit.
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let a = Arc::as_ptr(name) as *const u8 as u64;
    let b = Arc::as_ptr(globals) as *const u8 as u64;
    let h = (a.wrapping_mul(K) ^ b).wrapping_mul(K);
    (h >> 32) as usize % SLOTS
}

impl GlobalCache {
    /// The cached binding of `name` in `globals` (then `builtins`), if still current.
    #[inline(always)]
    pub fn get(
        &self,
        name: &Arc<PyStr>,
        globals: &Arc<DictObj>,
        builtins: &DictObj,
    ) -> Option<&Value> {
        let e = self.slots.get(slot_of(name, globals))?.as_ref()?;
        let hit = Arc::ptr_eq(&e.name, name)
            && Arc::ptr_eq(&e.globals, globals)
            && e.globals_writes == globals.writes()
            && e.builtins_writes == builtins.writes();
        hit.then_some(&e.value)
    }

    /// Remembers `value` as the binding found with the given write counts, which the caller
    /// read *before* its lookup (so a write racing with the lookup only causes a miss).
    pub fn put(
        &mut self,
        name: &Arc<PyStr>,
        globals: &Arc<DictObj>,
        writes: (u64, u64),
        value: &Value,
    ) {
        if self.slots.is_empty() {
            self.slots.resize_with(SLOTS, || None);
        }
        let i = slot_of(name, globals);
        match &mut self.slots[i] {
            // Same key, newer counts: update in place (no new references to name and dict).
            Some(e) if Arc::ptr_eq(&e.name, name) && Arc::ptr_eq(&e.globals, globals) => {
                e.globals_writes = writes.0;
                e.builtins_writes = writes.1;
                e.value = value.clone();
            }
            slot => {
                *slot = Some(Entry {
                    name: name.clone(),
                    globals: globals.clone(),
                    globals_writes: writes.0,
                    builtins_writes: writes.1,
                    value: value.clone(),
                });
            }
        }
    }

    /// Forgets everything (what the entries keep alive is released).
    pub fn clear(&mut self) {
        self.slots.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::str::intern;

    #[test]
    fn a_write_to_globals_or_builtins_invalidates_the_entry() {
        let globals = Arc::new(DictObj::new());
        let builtins = DictObj::new();
        let name = intern("x");
        globals.set_str("x", Value::Int(1));
        let mut c = GlobalCache::default();
        let w = (globals.writes(), builtins.writes());
        c.put(&name, &globals, w, &Value::Int(1));
        assert!(matches!(
            c.get(&name, &globals, &builtins),
            Some(Value::Int(1))
        ));
        globals.set_str("x", Value::Int(2));
        assert!(c.get(&name, &globals, &builtins).is_none());
        let w = (globals.writes(), builtins.writes());
        c.put(&name, &globals, w, &Value::Int(2));
        assert!(matches!(
            c.get(&name, &globals, &builtins),
            Some(Value::Int(2))
        ));
        builtins.set_str("y", Value::Int(3));
        assert!(c.get(&name, &globals, &builtins).is_none());
    }

    #[test]
    fn reads_do_not_invalidate_and_other_dicts_do_not_match() {
        let globals = Arc::new(DictObj::new());
        let other = Arc::new(DictObj::new());
        let builtins = DictObj::new();
        let name = intern("y");
        globals.set_str("y", Value::Int(7));
        let mut c = GlobalCache::default();
        let w = (globals.writes(), builtins.writes());
        c.put(&name, &globals, w, &Value::Int(7));
        let _ = globals.get_str("y");
        let _ = globals.lock().len();
        assert!(c.get(&name, &globals, &builtins).is_some());
        assert!(c.get(&name, &other, &builtins).is_none());
    }
}
