//! A per-thread cache of global-name lookups (`LoadGlobal`).
//!
//! A function reads its globals and builtins (`fib`, `len`, `range`) on every call, and each
//! lookup would take the dict's lock and probe its table. The cache remembers, per (name,
//! globals dict), the value found, the globals dict's write counts that concern that name
//! (`DictObj::name_writes`: changes to the table's keys, and value stores to the names that
//! share the name's counter) and the builtins dict's write count (`DictObj::writes`) at the
//! time; while all are unchanged the remembered value is still the binding, and a hit costs
//! three plain loads. A store to another global (`num += 1` in a loop several threads run)
//! leaves the entry valid, as CPython 3.11's LOAD_GLOBAL caches, which check the dict's keys
//! version; the written name itself misses and is looked up again.
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

/// The write counts a lookup of one name depends on: (globals shape, globals name counter,
/// builtins writes).
pub type Versions = (u64, u64, u64);

struct Entry {
    name: Arc<PyStr>,
    globals: Arc<DictObj>,
    versions: Versions,
    value: Value,
}

#[derive(Default)]
pub struct GlobalCache {
    slots: Vec<Option<Entry>>,
    /// Names evicted since the table last grew.
    evictions: usize,
}

/// A new thread's table starts this small and doubles (up to `SLOTS`) once lookups have
/// evicted as many names as it has slots: as `AttrCache::evicted` explains, growing on the
/// first eviction sized tables by the birthday bound, while counting evictions still grows
/// the table of a hot loop whose names collide.
const MIN_SLOTS: usize = 8;

#[inline(always)]
fn slot_of(name: &Arc<PyStr>, globals: &Arc<DictObj>, len: usize) -> usize {
    // Fibonacci hashing of both pointers: the top bits of the product depend on every bit.
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let a = Arc::as_ptr(name) as *const u8 as u64;
    let b = Arc::as_ptr(globals) as *const u8 as u64;
    let h = (a.wrapping_mul(K) ^ b).wrapping_mul(K);
    (h >> 32) as usize & (len - 1)
}

/// The counts to pass to `put`, read *before* the lookup (so a write racing with the lookup
/// only causes a miss). Makes the globals dict's per-name counts on first use.
#[inline]
pub fn versions(name: &Arc<PyStr>, globals: &DictObj, builtins: &DictObj) -> Versions {
    let (shape, n) = globals.name_writes().versions(name.hash());
    (shape, n, builtins.writes())
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
        if self.slots.is_empty() {
            return None;
        }
        let e = self.slots[slot_of(name, globals, self.slots.len())].as_ref()?;
        if !(Arc::ptr_eq(&e.name, name) && Arc::ptr_eq(&e.globals, globals)) {
            return None;
        }
        let (shape, n) = globals.name_writes_if_any()?.versions(name.hash());
        let hit = e.versions == (shape, n, builtins.writes());
        hit.then_some(&e.value)
    }

    /// Remembers `value` as the binding found with the given counts (see `versions`).
    pub fn put(
        &mut self,
        name: &Arc<PyStr>,
        globals: &Arc<DictObj>,
        versions: Versions,
        value: &Value,
    ) {
        if self.slots.is_empty() {
            self.slots.resize_with(MIN_SLOTS, || None);
        }
        let mut i = slot_of(name, globals, self.slots.len());
        let evicts = matches!(&self.slots[i], Some(e)
            if !(Arc::ptr_eq(&e.name, name) && Arc::ptr_eq(&e.globals, globals)));
        if evicts {
            self.evictions += 1;
        }
        if evicts && self.slots.len() < SLOTS && self.evictions >= self.slots.len() {
            self.grow();
            i = slot_of(name, globals, self.slots.len());
        }
        match &mut self.slots[i] {
            // Same key, newer counts: update in place (no new references to name and dict).
            Some(e) if Arc::ptr_eq(&e.name, name) && Arc::ptr_eq(&e.globals, globals) => {
                e.versions = versions;
                e.value = value.clone();
            }
            slot => {
                *slot = Some(Entry {
                    name: name.clone(),
                    globals: globals.clone(),
                    versions,
                    value: value.clone(),
                });
            }
        }
    }

    /// Stores `value` under `name` in `globals` (`StoreGlobal`) and remembers it as the
    /// current binding, so this thread's next load of the name hits (`global num; num += 1`
    /// in a loop: the store used to make every next load miss). The counts are those the
    /// store itself produced, read under the dict's lock: a later store by any thread
    /// changes them.
    #[inline]
    pub fn store(
        &mut self,
        name: &Arc<PyStr>,
        globals: &Arc<DictObj>,
        builtins: &DictObj,
        value: Value,
    ) -> Option<Value> {
        let (old, after) = globals.store_str_versioned(name, value.clone());
        if let Some((shape, n)) = after {
            self.put(name, globals, (shape, n, builtins.writes()), &value);
        }
        old
    }

    /// Doubles the table, keeping the entries (one per slot where two now collide).
    fn grow(&mut self) {
        self.evictions = 0;
        let old = std::mem::take(&mut self.slots);
        let len = old.len() * 2;
        self.slots.resize_with(len, || None);
        for e in old.into_iter().flatten() {
            let j = slot_of(&e.name, &e.globals, len);
            self.slots[j] = Some(e);
        }
    }

    /// Forgets everything (what the entries keep alive is released).
    pub fn clear(&mut self) {
        self.slots.clear();
        self.evictions = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::dict::NameWrites;
    use crate::objects::str::intern;

    fn lookup(c: &mut GlobalCache, name: &Arc<PyStr>, g: &Arc<DictObj>, b: &DictObj) {
        let v = versions(name, g, b);
        let value = g.get_str(name.as_str()).unwrap_or(Value::None);
        c.put(name, g, v, &value);
    }

    #[test]
    fn a_write_to_the_name_or_to_builtins_invalidates_the_entry() {
        let globals = Arc::new(DictObj::new());
        let builtins = DictObj::new();
        let name = intern("x");
        globals.set_str("x", Value::Int(1));
        let mut c = GlobalCache::default();
        lookup(&mut c, &name, &globals, &builtins);
        assert!(matches!(
            c.get(&name, &globals, &builtins),
            Some(Value::Int(1))
        ));
        globals.set_str("x", Value::Int(2));
        assert!(c.get(&name, &globals, &builtins).is_none());
        lookup(&mut c, &name, &globals, &builtins);
        assert!(matches!(
            c.get(&name, &globals, &builtins),
            Some(Value::Int(2))
        ));
        builtins.set_str("y", Value::Int(3));
        assert!(c.get(&name, &globals, &builtins).is_none());
    }

    #[test]
    fn storing_another_name_keeps_the_entry_but_adding_or_deleting_one_does_not() {
        let globals = Arc::new(DictObj::new());
        let builtins = DictObj::new();
        let name = intern("lock");
        globals.set_str("lock", Value::Int(1));
        // A name whose counter differs from `lock`'s.
        let other = (0..1000)
            .map(|i| intern(&format!("num{i}")))
            .find(|o| NameWrites::bucket(o.hash()) != NameWrites::bucket(name.hash()))
            .expect("some name has another bucket");
        globals.set_str(other.as_str(), Value::Int(0));
        let mut c = GlobalCache::default();
        lookup(&mut c, &name, &globals, &builtins);
        for i in 0..10 {
            globals.set_str(other.as_str(), Value::Int(i));
            assert!(c.get(&name, &globals, &builtins).is_some());
        }
        globals.set_str("brand_new", Value::Int(5));
        assert!(c.get(&name, &globals, &builtins).is_none());
        lookup(&mut c, &name, &globals, &builtins);
        assert!(c.get(&name, &globals, &builtins).is_some());
        globals.del_str("brand_new");
        assert!(c.get(&name, &globals, &builtins).is_none());
        lookup(&mut c, &name, &globals, &builtins);
        // A change through the generic table access (`globals()[k] = v`) counts as a shape
        // change: every entry misses.
        if let Some(v) = globals.lock().value_mut(0) {
            *v = Value::Int(9);
        }
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
        lookup(&mut c, &name, &globals, &builtins);
        let _ = globals.get_str("y");
        let _ = globals.lock().len();
        assert!(c.get(&name, &globals, &builtins).is_some());
        assert!(c.get(&name, &other, &builtins).is_none());
    }
}
