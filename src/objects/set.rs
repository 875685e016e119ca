//! `set` and `frozenset`: CPython's open-addressing table, reproduced slot for slot so that
//! sets of ints iterate and print in the same order as under CPython.

use super::dict::{native_eq, Find};
use super::Value;
use parking_lot::{Mutex, MutexGuard};

/// CPython's PySet_MINSIZE.
const MIN_SIZE: usize = 8;
/// CPython probes this many neighbouring slots before perturbing (LINEAR_PROBES).
const LINEAR_PROBES: usize = 9;
/// CPython's PERTURB_SHIFT.
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Empty,
    Dummy,
    Full(i64, Value),
}

#[derive(Clone)]
pub struct SetInner {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
    /// Where `pop()` resumes its search (CPython's `finger`).
    finger: usize,
    pub version: u64,
}

impl Default for SetInner {
    fn default() -> Self {
        SetInner {
            table: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }
}

impl SetInner {
    pub fn len(&self) -> usize {
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Calls `visit` on each slot index along the probe sequence until it returns Some.
    fn probe<T>(&self, hash: i64, mut visit: impl FnMut(usize, &Slot) -> Option<T>) -> T {
        let mask = self.mask();
        let mut perturb = hash as u64 as usize;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                if let Some(r) = visit(j, &self.table[j]) {
                    return r;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    pub fn find(&self, key: &Value, hash: i64) -> Find {
        let mut unsure = Vec::new();
        let found = self.probe(hash, |i, slot| match slot {
            Slot::Empty => Some(None),
            Slot::Full(h, k) if *h == hash => match native_eq(k, key) {
                Some(true) => Some(Some(i)),
                Some(false) => None,
                None => {
                    unsure.push(k.clone());
                    None
                }
            },
            _ => None,
        });
        match found {
            Some(i) => Find::At(i),
            None if unsure.is_empty() => Find::Missing,
            None => Find::Unsure(unsure),
        }
    }

    pub fn find_identical(&self, key: &Value, hash: i64) -> Option<usize> {
        self.probe(hash, |i, slot| match slot {
            Slot::Empty => Some(None),
            Slot::Full(_, k) if k.is(key) => Some(Some(i)),
            _ => None,
        })
    }

    /// Inserts a key known to be absent, as CPython's set_add_entry does.
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        let mut freeslot = None;
        let target = self.probe(hash, |i, slot| match slot {
            Slot::Empty => Some(i),
            Slot::Dummy => {
                // CPython 3.11 remembers the last dummy on the probe path, not the first.
                freeslot = Some(i);
                None
            }
            Slot::Full(..) => None,
        });
        self.version += 1;
        self.used += 1;
        if let Some(f) = freeslot {
            self.table[f] = Slot::Full(hash, key);
            return;
        }
        self.table[target] = Slot::Full(hash, key);
        self.fill += 1;
        if self.fill * 5 >= self.mask() * 3 {
            self.resize(if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; size]);
        self.fill = self.used;
        let mask = size - 1;
        for slot in old {
            if let Slot::Full(hash, key) = slot {
                // set_insert_clean: the new table has no dummies and no equal keys.
                let mut perturb = hash as u64 as usize;
                let mut i = (hash as u64 as usize) & mask;
                'outer: loop {
                    let probes = if i + LINEAR_PROBES <= mask {
                        LINEAR_PROBES
                    } else {
                        0
                    };
                    for j in i..=i + probes {
                        if matches!(self.table[j], Slot::Empty) {
                            self.table[j] = Slot::Full(hash, key);
                            break 'outer;
                        }
                    }
                    perturb >>= PERTURB_SHIFT;
                    i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
                }
            }
        }
    }

    /// CPython's one resize before inserting about `extra` new keys (`set_update` of a dict,
    /// the start of `set_merge`), so the table ends up the size CPython's would.
    pub fn presize(&mut self, extra: usize) {
        if (self.fill + extra) * 5 >= self.mask() * 3 {
            self.resize((self.used + extra) * 2);
        }
    }

    /// The start of CPython's `set_merge`: presize, then when this table is empty and the
    /// same size as `other`'s (with no dummies there), copy it slot for slot. Returns true
    /// when the copy made the merge complete.
    pub fn begin_merge(&mut self, other: &SetInner) -> bool {
        self.presize(other.used);
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            let version = self.version + 1;
            *self = other.clone();
            self.finger = 0;
            self.version = version;
            return true;
        }
        false
    }

    pub fn remove_at(&mut self, i: usize) -> Option<Value> {
        match std::mem::replace(&mut self.table[i], Slot::Dummy) {
            Slot::Full(_, k) => {
                self.used -= 1;
                self.version += 1;
                Some(k)
            }
            other => {
                self.table[i] = other;
                None
            }
        }
    }

    /// `set.pop()`: the first entry from the finger on, as CPython.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let n = self.table.len();
        let mut i = self.finger & self.mask();
        for _ in 0..n {
            if matches!(self.table[i], Slot::Full(..)) {
                self.finger = i + 1;
                return self.remove_at(i);
            }
            i = (i + 1) & self.mask();
        }
        None
    }

    pub fn clear(&mut self) {
        *self = SetInner {
            version: self.version + 1,
            ..SetInner::default()
        };
    }

    pub fn iter(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.table.iter().filter_map(|s| match s {
            Slot::Full(h, k) => Some((*h, k)),
            _ => None,
        })
    }

    /// The first key at or after slot `pos`, with its slot (for iterators).
    pub fn next_from(&self, pos: usize) -> Option<(usize, &Value)> {
        self.table
            .iter()
            .enumerate()
            .skip(pos)
            .find_map(|(i, s)| match s {
                Slot::Full(_, k) => Some((i, k)),
                _ => None,
            })
    }
}

pub struct SetObj {
    pub frozen: bool,
    inner: Mutex<SetInner>,
}

impl SetObj {
    pub fn new(frozen: bool) -> SetObj {
        SetObj {
            frozen,
            inner: Mutex::new(SetInner::default()),
        }
    }
    pub fn from_inner(frozen: bool, inner: SetInner) -> SetObj {
        SetObj {
            frozen,
            inner: Mutex::new(inner),
        }
    }
    /// Locks the table. Callers must not run Python code while holding the guard.
    pub fn lock(&self) -> MutexGuard<'_, SetInner> {
        self.inner.lock()
    }
    pub fn len(&self) -> usize {
        self.inner.lock().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn keys(&self) -> Vec<Value> {
        self.inner.lock().iter().map(|(_, k)| k.clone()).collect()
    }
    /// Native equality when every key is natively comparable.
    pub fn native_eq(&self, other: &SetObj) -> Option<bool> {
        let a = self.inner.lock().clone();
        let b = other.inner.lock().clone();
        if a.len() != b.len() {
            return Some(false);
        }
        for (h, k) in a.iter() {
            match b.find(k, h) {
                Find::At(_) => {}
                Find::Missing => return Some(false),
                Find::Unsure(_) => return None,
            }
        }
        Some(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(s: &SetInner) -> Vec<i64> {
        s.iter()
            .map(|(_, k)| match k {
                Value::Int(i) => *i,
                _ => -999,
            })
            .collect()
    }

    fn add(s: &mut SetInner, i: i64) {
        let h = crate::objects::int::hash_i64(i);
        if matches!(s.find(&Value::Int(i), h), Find::Missing) {
            s.insert_new(h, Value::Int(i));
        }
    }

    #[test]
    fn small_ints_iterate_in_cpython_order() {
        // CPython 3.11: list({5, 3, 100, 1, 8, -1}) == [1, 3, 100, 5, 8, -1]
        let mut s = SetInner::default();
        for i in [5, 3, 100, 1, 8, -1] {
            add(&mut s, i);
        }
        assert_eq!(ints(&s), [1, 3, 100, 5, 8, -1]);
        // CPython 3.11: list(set(range(20, 0, -3))) == [2, 5, 8, 11, 14, 17, 20]
        let mut s = SetInner::default();
        for i in (1..=20).rev().step_by(3) {
            add(&mut s, i);
        }
        assert_eq!(ints(&s), [2, 5, 8, 11, 14, 17, 20]);
    }
}
