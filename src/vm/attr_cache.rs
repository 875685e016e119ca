//! A per-thread cache of class attribute lookups (the MRO walk behind `obj.attr`,
//! `obj.method()` and the `__getattribute__`/`__setattr__` checks).
//!
//! Looking `name` up on a class walks its MRO and probes each class's dict, taking each dict's
//! lock. The cache remembers, per (class, interned name), what the walk found (or that it found
//! nothing), whether the class's `__getattribute__` and `__setattr__` are object's own, and the
//! class epoch (`dict::CLASS_EPOCH`, bumped by every write to any class namespace) at the time;
//! while the epoch is unchanged no class has been written to, so the remembered answers still
//! hold. A hit costs two pointer compares and one load of the epoch.
//!
//! Entries hold the class and the name alive, so the pointers they are keyed on cannot be
//! reused while they exist. The cache belongs to one thread's `Vm`: no sharing, no lock.

use crate::objects::dict::CLASS_EPOCH;
use crate::objects::str::{intern, PyStr};
use crate::objects::{Class, Value};
use std::sync::atomic::Ordering;
use std::sync::{Arc, LazyLock};

/// Entries in the direct-mapped table.
const SLOTS: usize = 512;

static GETATTRIBUTE: LazyLock<Arc<PyStr>> = LazyLock::new(|| intern("__getattribute__"));
static SETATTR: LazyLock<Arc<PyStr>> = LazyLock::new(|| intern("__setattr__"));

/// What one MRO walk found, plus the class's attribute-access hooks.
#[derive(Default)]
pub struct Entry {
    /// The key's addresses (0 in an empty slot, which no key matches).
    class_addr: usize,
    name_addr: usize,
    /// Holds the key alive, so its addresses cannot be reused while the entry exists.
    _keep: Option<(Arc<Class>, Arc<PyStr>)>,
    epoch: u64,
    /// The first definition of the name on the MRO.
    pub found: Option<Value>,
    /// The class's `__getattribute__` is a builtin (object's or a builtin type's): reading an
    /// attribute is the plain instance-dict-then-class protocol.
    pub plain_get: bool,
    /// Likewise for `__setattr__`.
    pub plain_set: bool,
}

#[derive(Default)]
pub struct AttrCache {
    slots: Vec<Entry>,
    /// Keys evicted since the table last grew.
    evictions: usize,
}

/// A new thread's table starts this small and doubles (up to `SLOTS`) once lookups have
/// evicted as many keys as it has slots (see `AttrCache::evicted`).
const MIN_SLOTS: usize = 8;

#[inline(always)]
fn slot_of(class_addr: usize, name_addr: usize, len: usize) -> usize {
    // Fibonacci hashing of both pointers: the top bits of the product depend on every bit.
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let h = ((class_addr as u64).wrapping_mul(K) ^ name_addr as u64).wrapping_mul(K);
    (h >> 32) as usize & (len - 1)
}

impl Entry {
    #[inline(always)]
    fn is(&self, class_addr: usize, name_addr: usize) -> bool {
        self.class_addr == class_addr && self.name_addr == name_addr
    }
}

impl AttrCache {
    /// The cached walk for `name` on `class`, filled on a miss. Two-way: a key lives in its
    /// slot or the slot's pair (`i ^ 1`), so two hot keys hashing alike (the deque methods and
    /// a Condition's `_waiters` of one loop) do not evict each other on every use.
    #[inline]
    pub fn entry(&mut self, class: &Arc<Class>, name: &Arc<PyStr>) -> &Entry {
        if self.slots.is_empty() {
            self.slots.resize_with(MIN_SLOTS, Entry::default);
        }
        let epoch = CLASS_EPOCH.load(Ordering::Acquire);
        let (ca, na) = (
            Arc::as_ptr(class) as usize,
            Arc::as_ptr(name) as *const u8 as usize,
        );
        // `slot_of` is below the table's length, which is even, so is its pair.
        let i = slot_of(ca, na, self.slots.len());
        if self.slots[i].is(ca, na) && self.slots[i].epoch == epoch {
            return &self.slots[i];
        }
        if self.slots[i ^ 1].is(ca, na) && self.slots[i ^ 1].epoch == epoch {
            return &self.slots[i ^ 1];
        }
        self.miss(epoch, class, name)
    }

    /// Fills the key's entry: in place of its stale entry if it has one, else in its slot,
    /// the slot's previous key moving to the pair (whose key is forgotten).
    #[cold]
    #[inline(never)]
    fn miss(&mut self, epoch: u64, class: &Arc<Class>, name: &Arc<PyStr>) -> &Entry {
        let (ca, na) = (
            Arc::as_ptr(class) as usize,
            Arc::as_ptr(name) as *const u8 as usize,
        );
        let mut i = slot_of(ca, na, self.slots.len());
        let taken = |e: &Entry| e.class_addr != 0 && !e.is(ca, na);
        if taken(&self.slots[i]) && taken(&self.slots[i ^ 1]) && self.evicted() {
            self.grow();
            i = slot_of(ca, na, self.slots.len());
        }
        if self.slots[i ^ 1].is(ca, na) {
            i ^= 1;
        } else if taken(&self.slots[i]) {
            self.slots.swap(i, i ^ 1);
        }
        self.slots[i] = fill(epoch, class, name);
        &self.slots[i]
    }

    /// Counts an eviction; true when the table should grow now: once it has evicted as many
    /// keys as it has slots. Growing on the first eviction sized a table by the birthday
    /// bound (a direct-mapped table holds n keys without a collision only with about n²
    /// slots), so a thread that touched a few dozen attributes once, as threading's start-up
    /// and a wait do, reached the full `SLOTS`: 37 KB a thread, most of the heap of a program
    /// holding a thousand sleeping threads. Counting evictions still grows the table of a hot
    /// loop whose keys collide (they evict each other on every iteration) within a few
    /// hundred extra misses in all, but not that of a thread that touches each key once.
    fn evicted(&mut self) -> bool {
        self.evictions += 1;
        self.slots.len() < SLOTS && self.evictions >= self.slots.len()
    }

    /// Doubles the table, keeping the entries (each in its slot or the slot's pair, where
    /// there is room).
    fn grow(&mut self) {
        self.evictions = 0;
        let old = std::mem::take(&mut self.slots);
        let len = old.len() * 2;
        self.slots.resize_with(len, Entry::default);
        for e in old.into_iter().filter(|e| e.class_addr != 0) {
            let j = slot_of(e.class_addr, e.name_addr, len);
            if self.slots[j].class_addr == 0 {
                self.slots[j] = e;
            } else if self.slots[j ^ 1].class_addr == 0 {
                self.slots[j ^ 1] = e;
            }
        }
    }

    /// Forgets everything (what the entries keep alive is released).
    pub fn clear(&mut self) {
        self.slots.clear();
        self.evictions = 0;
    }
}

/// Walks the MRO for `name` and the hooks. The epoch was read before the walks: a write racing
/// with them only causes a miss later.
#[cold]
#[inline(never)]
fn fill(epoch: u64, class: &Arc<Class>, name: &Arc<PyStr>) -> Entry {
    let plain = |hook: &PyStr| matches!(lookup_hashed(class, hook), Some(Value::Builtin(_)));
    Entry {
        class_addr: Arc::as_ptr(class) as usize,
        name_addr: Arc::as_ptr(name) as *const u8 as usize,
        _keep: Some((class.clone(), name.clone())),
        epoch,
        found: lookup_hashed(class, name),
        plain_get: plain(&GETATTRIBUTE),
        plain_set: plain(&SETATTR),
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

    fn found(c: &mut AttrCache, class: &Arc<Class>, name: &Arc<PyStr>) -> Option<i64> {
        match c.entry(class, name).found {
            Some(Value::Int(i)) => Some(i),
            _ => None,
        }
    }

    #[test]
    fn a_write_to_any_class_on_the_mro_invalidates() {
        let base = Class::new_builtin("Base", None);
        let derived = Class::new_builtin("Derived", Some(&base));
        let name = intern("f");
        let mut c = AttrCache::default();
        assert_eq!(found(&mut c, &derived, &name), None);
        base.dict.set_str("f", Value::Int(1));
        assert_eq!(found(&mut c, &derived, &name), Some(1));
        derived.dict.set_str("f", Value::Int(2));
        assert_eq!(found(&mut c, &derived, &name), Some(2));
        derived.dict.del_str("f");
        assert_eq!(found(&mut c, &derived, &name), Some(1));
        base.dict.set_str("f", Value::Int(3));
        assert_eq!(found(&mut c, &derived, &name), Some(3));
    }

    #[test]
    fn the_table_grows_from_small_and_keeps_answering_right() {
        let class = Class::new_builtin("Many", None);
        let names: Vec<_> = (0..300).map(|i| intern(&format!("attr{i}"))).collect();
        for (i, n) in names.iter().enumerate() {
            class.dict.set_str(n.as_str(), Value::Int(i as i64));
        }
        let mut c = AttrCache::default();
        for _ in 0..2 {
            for (i, n) in names.iter().enumerate() {
                assert_eq!(found(&mut c, &class, n), Some(i as i64));
            }
        }
        assert!(c.slots.len() > MIN_SLOTS && c.slots.len() <= SLOTS);
        // A hit after growth needs no walk: the entry is the one filled before.
        let e = c.entry(&class, &names[7]);
        assert_eq!(e.class_addr, Arc::as_ptr(&class) as usize);
    }

    #[test]
    fn keys_touched_once_keep_the_table_small_but_colliding_hot_keys_grow_it() {
        let class = Class::new_builtin("Cold", None);
        let names: Vec<_> = (0..40).map(|i| intern(&format!("cold{i}"))).collect();
        let mut c = AttrCache::default();
        for n in &names {
            c.entry(&class, n);
        }
        // Growing on every eviction reached SLOTS here (the birthday bound).
        assert!(c.slots.len() <= 64, "{} slots", c.slots.len());
        // Three keys that share a slot pair of the current table (two fit in a pair):
        // cycling through them evicts on every lookup until the table has grown enough to
        // separate them.
        let len = c.slots.len();
        let pair = |n: &Arc<PyStr>, len| {
            slot_of(
                Arc::as_ptr(&class) as usize,
                Arc::as_ptr(n) as *const u8 as usize,
                len,
            ) >> 1
        };
        let hot: Vec<_> = (0..10_000).map(|i| intern(&format!("hot{i}"))).collect();
        let same: Vec<_> = hot
            .iter()
            .filter(|n| pair(n, len) == pair(&hot[0], len))
            .take(3)
            .collect();
        assert_eq!(same.len(), 3, "three names share a pair in a small table");
        for _ in 0..4 * SLOTS {
            for n in &same {
                c.entry(&class, n);
            }
        }
        let len = c.slots.len();
        let pairs: std::collections::HashSet<_> = same.iter().map(|n| pair(n, len)).collect();
        assert!(len == SLOTS || pairs.len() > 1, "{len} slots");
        if pairs.len() > 1 {
            let before = c.evictions;
            for n in &same {
                c.entry(&class, n);
            }
            assert_eq!(
                c.evictions, before,
                "separated keys no longer evict each other"
            );
        }
    }
}
