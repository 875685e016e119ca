//! `dict` objects: an insertion-ordered hash table behind the dict's own lock.
//!
//! Hashing a key and comparing keys can run Python code (`__hash__`, `__eq__`), which must
//! never happen under the lock. So the table takes precomputed hashes, compares keys natively
//! where it can (str, int, float, tuple of those, identity), and hands back the candidate keys
//! it cannot decide; the VM compares those without the lock and looks the winner up again by
//! identity (see `vm::dict_ops`).

use super::{int, Value};
use hashbrown::HashTable;
use parking_lot::{Mutex, MutexGuard};
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::OnceLock;

pub struct DictObj {
    inner: Mutex<DictInner>,
    /// Counts the lock sessions that could have changed the table (see `DictGuard`), so a
    /// reader can tell without the lock that nothing changed since it last looked (the VM's
    /// cache of global lookups checks the builtins dict's this way, `vm::global_cache`).
    writes: AtomicU64,
    /// Set once the dict is a class's namespace: its writes then also bump `CLASS_EPOCH`.
    class_ns: AtomicBool,
    /// Finer counts for dicts used as module globals, made by the first cached global lookup
    /// in them (`vm::global_cache`); see `NameWrites`.
    name_writes: OnceLock<Box<NameWrites>>,
}

/// How many per-name write counters a globals dict keeps: a store to one global makes the
/// cached lookups of the names sharing its counter miss (1 in this many for another name).
pub const NAME_BUCKETS: usize = 64;

/// A 64-byte cache line of its own, so that bumping a name counter does not make the other
/// threads' reads of `shape` miss their caches.
#[repr(align(64))]
struct Line(AtomicU64);

/// Write counts split by what changed, so a store to one global (`num += 1` in a loop run by
/// several threads) does not invalidate every thread's cached lookup of every other global
/// (CPython 3.11 likewise checks its LOAD_GLOBAL caches against the dict's keys version, not
/// its values). `shape` counts the sessions that changed the table in any way other than
/// replacing one str key's value (adding or removing keys, or anything unknown); `names[b]`
/// counts the value replacements of the str keys whose hash falls in bucket `b`. A lookup
/// remembered with both counts unchanged is still current.
pub struct NameWrites {
    shape: Line,
    names: [AtomicU64; NAME_BUCKETS],
}

impl NameWrites {
    /// The counter bucket of a str key's hash.
    #[inline(always)]
    pub fn bucket(hash: i64) -> usize {
        ((hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58) as usize % NAME_BUCKETS
    }
    /// (shape count, count of the bucket of `hash`).
    #[inline(always)]
    pub fn versions(&self, hash: i64) -> (u64, u64) {
        let shape = self.shape.0.load(Ordering::Acquire);
        let name = self.names[Self::bucket(hash)].load(Ordering::Acquire);
        (shape, name)
    }
}

/// Adds one to a counter only lock holders write (so a load and a store suffice); Release
/// orders the table's changes before the new count (the unlock follows).
#[inline(always)]
fn bump(c: &AtomicU64) {
    let n = c.load(Ordering::Relaxed);
    c.store(n.wrapping_add(1), Ordering::Release);
}

/// Bumped by every write to any class's namespace (and when a dict becomes one), so a cache
/// of class attribute lookups is valid while the epoch it was filled at is current
/// (`vm::attr_cache`). Class namespaces are rarely written once a program runs.
pub static CLASS_EPOCH: AtomicU64 = AtomicU64::new(0);

/// The lock on a dict's table. Every mutable access goes through `DerefMut`, which marks the
/// session as a write; dropping a write session bumps `DictObj::writes` before the lock is
/// released, so a reader that sees an unchanged count saw the table as it still is.
pub struct DictGuard<'a> {
    guard: MutexGuard<'a, DictInner>,
    writes: &'a AtomicU64,
    class_ns: &'a AtomicBool,
    name_writes: &'a OnceLock<Box<NameWrites>>,
    dirty: bool,
    /// The hash of the one str key whose value `replace_str_value` replaced (not a `dirty`
    /// change: it bumps only that key's name counter).
    replaced: Option<i64>,
}

impl Deref for DictGuard<'_> {
    type Target = DictInner;
    #[inline]
    fn deref(&self) -> &DictInner {
        &self.guard
    }
}

impl DerefMut for DictGuard<'_> {
    #[inline]
    fn deref_mut(&mut self) -> &mut DictInner {
        self.dirty = true;
        &mut self.guard
    }
}

impl DictGuard<'_> {
    /// Replaces the value at position `i`, whose key is a str with this hash, returning the
    /// old value. Unlike a change through `DerefMut`, this leaves the other names' cached
    /// global lookups valid (see `NameWrites`).
    pub fn replace_str_value(&mut self, i: usize, hash: i64, value: Value) -> Option<Value> {
        let slot = self.guard.value_mut(i)?;
        let old = std::mem::replace(slot, value);
        match self.replaced {
            None => self.replaced = Some(hash),
            Some(h) if h == hash => {}
            Some(_) => self.dirty = true,
        }
        Some(old)
    }
}

impl DictGuard<'_> {
    /// Bumps the write counts for the changes made so far, as dropping the guard would, while
    /// the lock is still held (the caller can then read the counts its own write produced).
    #[inline]
    pub fn publish(&mut self) {
        self.bump_counts();
        self.dirty = false;
        self.replaced = None;
    }

    #[inline]
    fn bump_counts(&self) {
        if self.dirty || self.replaced.is_some() {
            bump(self.writes);
            if let Some(nw) = self.name_writes.get() {
                match self.replaced {
                    Some(h) if !self.dirty => bump(&nw.names[NameWrites::bucket(h)]),
                    _ => bump(&nw.shape.0),
                }
            }
            if self.class_ns.load(Ordering::Relaxed) {
                CLASS_EPOCH.fetch_add(1, Ordering::AcqRel);
            }
        }
    }
}

impl Drop for DictGuard<'_> {
    #[inline]
    fn drop(&mut self) {
        self.bump_counts();
    }
}

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// The table: entries in insertion order (with holes left by deletions) and an index.
#[derive(Default, Clone)]
pub struct DictInner {
    entries: Vec<Option<Entry>>,
    index: HashTable<usize>,
    live: usize,
    /// Bumped on every insertion or deletion, so iterators can detect a change of size.
    pub version: u64,
}

/// What a native lookup found.
pub enum Find {
    /// The entry's position.
    At(usize),
    Missing,
    /// Keys with the same hash that only Python `__eq__` can compare.
    Unsure(Vec<Value>),
}

/// Spreads Python hashes (small ints hash to themselves) over all 64 bits for the index.
fn mix(h: i64) -> u64 {
    let x = (h as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 32)
}

/// Key equality decidable without running Python code: `Some(eq)` or `None` when it needs
/// `__eq__`.
pub fn native_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Float(x), Value::Float(y)) => Some(x == y),
        (Value::Str(x), Value::Str(y)) => Some(x.as_str() == y.as_str()),
        (Value::Bytes(x), Value::Bytes(y)) => Some(x == y),
        (Value::Instance(_), _) | (_, Value::Instance(_)) => None,
        (Value::Native(_), _) | (_, Value::Native(_)) => None,
        // Bound methods compare their functions (which may be any callable).
        (Value::BoundMethod(_), Value::BoundMethod(_)) => None,
        (Value::Builtin(x), Value::Builtin(y)) if x.bound.is_some() && y.bound.is_some() => None,
        // Lists and dicts are compared item by item by the VM (their items may need `__eq__`).
        (Value::List(_), Value::List(_)) | (Value::Dict(_), Value::Dict(_)) => None,
        (Value::Tuple(x), Value::Tuple(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            for (p, q) in x.items.iter().zip(y.items.iter()) {
                match native_eq(p, q) {
                    Some(true) => {}
                    other => return other,
                }
            }
            Some(true)
        }
        _ => {
            if let (Some(x), Some(y)) = (int::as_number(a), int::as_number(b)) {
                return Some(int::num_eq(&x, &y));
            }
            match (a, b) {
                (Value::Set(x), Value::Set(y)) => x.native_eq(y),
                (Value::Range(x), Value::Range(y)) => Some(x.same(y)),
                _ => Some(false),
            }
        }
    }
}

impl DictInner {
    /// An empty table with room for `n` entries (no regrowth while filling a known count).
    pub fn with_capacity(n: usize) -> DictInner {
        DictInner {
            entries: Vec::with_capacity(n),
            index: HashTable::with_capacity(n),
            live: 0,
            version: 0,
        }
    }
    pub fn len(&self) -> usize {
        self.live
    }
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    pub fn find(&self, key: &Value, hash: i64) -> Find {
        let mut unsure = Vec::new();
        let entries = &self.entries;
        let found = self.index.find(mix(hash), |&i| match &entries[i] {
            Some(e) if e.hash == hash => match native_eq(&e.key, key) {
                Some(eq) => eq,
                None => {
                    unsure.push(e.key.clone());
                    false
                }
            },
            _ => false,
        });
        match found {
            Some(&i) => Find::At(i),
            None if unsure.is_empty() => Find::Missing,
            None => Find::Unsure(unsure),
        }
    }

    /// The position of the entry whose key is this very object.
    pub fn find_identical(&self, key: &Value, hash: i64) -> Option<usize> {
        let entries = &self.entries;
        self.index
            .find(
                mix(hash),
                |&i| matches!(&entries[i], Some(e) if e.key.is(key)),
            )
            .copied()
    }

    /// Lookup of a str key: never needs Python code.
    pub fn get_str(&self, key: &str, hash: i64) -> Option<&Value> {
        let i = self.find_str(key, hash)?;
        self.entries[i].as_ref().map(|e| &e.value)
    }

    /// The position in `entries` of the interned str key `name`, trying first the position
    /// `hint` remembers (a pointer comparison, no hashing or probing) and remembering where
    /// a full lookup found it.
    #[inline]
    pub fn find_str_hinted(
        &self,
        name: &std::sync::Arc<super::PyStr>,
        hint: &AtomicU32,
    ) -> Option<usize> {
        let h = hint.load(Ordering::Relaxed) as usize;
        if let Some(Some(Entry {
            key: Value::Str(k), ..
        })) = self.entries.get(h)
        {
            if std::sync::Arc::ptr_eq(k, name) {
                return Some(h);
            }
        }
        let i = self.find_str(name.as_str(), name.hash())?;
        hint.store(i as u32, Ordering::Relaxed);
        Some(i)
    }

    /// `get_str` through `find_str_hinted`.
    #[inline]
    pub fn get_str_hinted(
        &self,
        name: &std::sync::Arc<super::PyStr>,
        hint: &AtomicU32,
    ) -> Option<&Value> {
        let i = self.find_str_hinted(name, hint)?;
        self.entries[i].as_ref().map(|e| &e.value)
    }

    /// The position in `entries` of the str key `key` (with hash `hash`).
    #[inline]
    fn find_str(&self, key: &str, hash: i64) -> Option<usize> {
        let entries = &self.entries;
        let kp = key.as_ptr();
        // Interned identifiers share their text: a pointer match needs no memcmp.
        let is_key = |e: &Option<Entry>| match e {
            Some(Entry {
                key: Value::Str(k),
                hash: h,
                ..
            }) => *h == hash && (k.as_str().as_ptr() == kp || k.as_str() == key),
            _ => false,
        };
        self.index
            .find(mix(hash), |&i| is_key(&entries[i]))
            .copied()
    }

    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).and_then(|e| e.as_ref())
    }
    pub fn value_mut(&mut self, i: usize) -> Option<&mut Value> {
        self.entries
            .get_mut(i)
            .and_then(|e| e.as_mut())
            .map(|e| &mut e.value)
    }

    /// Appends a new entry; the caller has checked the key is absent.
    pub fn push(&mut self, hash: i64, key: Value, value: Value) {
        let i = self.entries.len();
        self.entries.push(Some(Entry { hash, key, value }));
        let entries = &self.entries;
        self.index
            .insert_unique(mix(hash), i, |&j| match &entries[j] {
                Some(e) => mix(e.hash),
                None => 0,
            });
        self.live += 1;
        self.version += 1;
    }

    /// Removes the entry at position `i`, returning it.
    pub fn remove_at(&mut self, i: usize) -> Option<Entry> {
        let hash = self.entries.get(i)?.as_ref()?.hash;
        if let Ok(slot) = self.index.find_entry(mix(hash), |&j| j == i) {
            slot.remove();
        }
        let e = self.entries[i].take();
        self.live -= 1;
        self.version += 1;
        if self.entries.len() > 16 && self.live * 2 < self.entries.len() {
            self.compact();
        }
        e
    }

    /// Drops the holes left by deletions and rebuilds the index.
    fn compact(&mut self) {
        self.entries.retain(|e| e.is_some());
        self.index.clear();
        for (i, e) in self.entries.iter().enumerate() {
            if let Some(e) = e {
                let entries = &self.entries;
                self.index
                    .insert_unique(mix(e.hash), i, |&j| match &entries[j] {
                        Some(e) => mix(e.hash),
                        None => 0,
                    });
            }
        }
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.live = 0;
        self.version += 1;
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter_map(|e| e.as_ref())
    }

    /// The first live entry at or after raw position `pos`, with its position (for iterators
    /// that release the lock between steps).
    pub fn next_from(&self, pos: usize) -> Option<(usize, &Entry)> {
        self.entries
            .iter()
            .enumerate()
            .skip(pos)
            .find_map(|(i, e)| e.as_ref().map(|e| (i, e)))
    }

    /// The last live entry's position (for popitem).
    pub fn last_index(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| e.is_some())
    }
}

impl DictObj {
    pub fn new() -> DictObj {
        DictObj {
            inner: Mutex::new(DictInner::default()),
            writes: AtomicU64::new(0),
            class_ns: AtomicBool::new(false),
            name_writes: OnceLock::new(),
        }
    }
    pub fn from_inner(inner: DictInner) -> DictObj {
        DictObj {
            inner: Mutex::new(inner),
            writes: AtomicU64::new(0),
            class_ns: AtomicBool::new(false),
            name_writes: OnceLock::new(),
        }
    }
    /// Locks the table. Callers must not run Python code while holding the guard.
    #[inline]
    pub fn lock(&self) -> DictGuard<'_> {
        DictGuard {
            guard: self.inner.lock(),
            writes: &self.writes,
            class_ns: &self.class_ns,
            name_writes: &self.name_writes,
            dirty: false,
            replaced: None,
        }
    }
    /// Makes this dict a class namespace (see `CLASS_EPOCH`).
    pub fn mark_class_namespace(&self) {
        self.class_ns.store(true, Ordering::Release);
        CLASS_EPOCH.fetch_add(1, Ordering::AcqRel);
    }
    /// The per-name write counts, made on first use (by the global-lookup cache).
    #[inline]
    pub fn name_writes(&self) -> &NameWrites {
        self.name_writes.get_or_init(|| {
            Box::new(NameWrites {
                shape: Line(AtomicU64::new(0)),
                names: std::array::from_fn(|_| AtomicU64::new(0)),
            })
        })
    }
    /// The per-name write counts if a cached lookup ever made them.
    #[inline(always)]
    pub fn name_writes_if_any(&self) -> Option<&NameWrites> {
        self.name_writes.get().map(|b| &**b)
    }
    /// The write count (see `writes`): equal counts mean no write happened in between.
    #[inline]
    pub fn writes(&self) -> u64 {
        self.writes.load(Ordering::Acquire)
    }
    pub fn len(&self) -> usize {
        self.lock().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `d[key]` for a str key (globals, attributes, keyword arguments).
    pub fn get_str(&self, key: &str) -> Option<Value> {
        let hash = super::str::hash_bytes(key.as_bytes());
        self.lock().get_str(key, hash).cloned()
    }

    /// `d[key] = value` for a str key.
    pub fn set_str(&self, key: &str, value: Value) {
        self.set_str_value(Value::Str(super::str::intern(key)), value)
    }

    /// `d[key] = value` where key is a `Value::Str`.
    pub fn set_str_value(&self, key: Value, value: Value) {
        let Value::Str(s) = &key else { return };
        let old = self.set_str_key(s, value);
        drop(old);
    }

    /// `d[key] = value` for a str key held by reference (the key is cloned only when it is
    /// new). Returns the value replaced, for the caller to drop after the lock is released.
    pub fn set_str_key(&self, s: &std::sync::Arc<super::PyStr>, value: Value) -> Option<Value> {
        let hash = s.hash();
        let mut d = self.lock();
        match d.find_str(s.as_str(), hash) {
            Some(i) => d.replace_str_value(i, hash, value),
            None => {
                d.push(hash, Value::Str(s.clone()), value);
                None
            }
        }
    }

    /// `set_str_key` through `find_str_hinted`.
    #[inline]
    pub fn set_str_hinted(
        &self,
        s: &std::sync::Arc<super::PyStr>,
        value: Value,
        hint: &AtomicU32,
    ) -> Option<Value> {
        let hash = s.hash();
        let mut d = self.lock();
        match d.find_str_hinted(s, hint) {
            Some(i) => d.replace_str_value(i, hash, value),
            None => {
                hint.store(d.entries.len() as u32, Ordering::Relaxed);
                d.push(hash, Value::Str(s.clone()), value);
                None
            }
        }
    }

    /// `set_str_key`, also returning the globals write counts (`NameWrites::versions` of the
    /// key) as they stand right after this store, read before the lock is released, so a
    /// per-thread lookup cache can remember the stored value as current: any later store by
    /// any thread changes them. `None` for the counts when the dict keeps no name counters.
    pub fn store_str_versioned(
        &self,
        s: &std::sync::Arc<super::PyStr>,
        value: Value,
    ) -> (Option<Value>, Option<(u64, u64)>) {
        let hash = s.hash();
        let mut d = self.lock();
        let old = match d.find_str(s.as_str(), hash) {
            Some(i) => d.replace_str_value(i, hash, value),
            None => {
                d.push(hash, Value::Str(s.clone()), value);
                None
            }
        };
        d.publish();
        let versions = self.name_writes.get().map(|nw| nw.versions(hash));
        drop(d);
        (old, versions)
    }

    /// Removes a str key, returning its value.
    pub fn del_str(&self, key: &str) -> Option<Value> {
        let hash = super::str::hash_bytes(key.as_bytes());
        let mut d = self.lock();
        let i = {
            let entries = &d.entries;
            d.index
                .find(mix(hash), |&i| match &entries[i] {
                    Some(Entry {
                        key: Value::Str(k), ..
                    }) => k.as_str() == key,
                    _ => false,
                })
                .copied()
        }?;
        d.remove_at(i).map(|e| e.value)
    }

    /// Snapshot of the (key, value) pairs in order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.inner
            .lock()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }
    pub fn keys(&self) -> Vec<Value> {
        self.lock().iter().map(|e| e.key.clone()).collect()
    }
}

impl Drop for DictObj {
    fn drop(&mut self) {
        let inner = self.inner.get_mut();
        let live = inner.live;
        super::trashcan::defer_with(std::mem::take(&mut inner.entries), |entries| {
            let mut items = Vec::with_capacity(live * 2);
            for e in entries.into_iter().flatten() {
                items.push(e.key);
                items.push(e.value);
            }
            items
        });
    }
}

impl Default for DictObj {
    fn default() -> Self {
        DictObj::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_keys_keep_insertion_order_through_deletes() {
        let d = DictObj::new();
        for i in 0..100 {
            d.set_str(&format!("k{i}"), Value::Int(i));
        }
        for i in (0..100).step_by(2) {
            assert!(d.del_str(&format!("k{i}")).is_some());
        }
        assert_eq!(d.len(), 50);
        let keys: Vec<String> = d
            .keys()
            .iter()
            .map(|k| match k {
                Value::Str(s) => s.as_str().to_string(),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(keys[0], "k1");
        assert_eq!(keys[49], "k99");
        assert!(matches!(d.get_str("k51"), Some(Value::Int(51))));
        assert!(d.get_str("k50").is_none());
        d.set_str("k1", Value::Int(7));
        assert!(matches!(d.get_str("k1"), Some(Value::Int(7))));
        assert_eq!(d.len(), 50);
    }
}
