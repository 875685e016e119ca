//! `tuple` objects: immutable, so shared between threads without a lock.

use super::Value;

pub struct TupleObj {
    pub items: Box<[Value]>,
}

impl TupleObj {
    pub fn new(items: Vec<Value>) -> TupleObj {
        TupleObj {
            items: items.into_boxed_slice(),
        }
    }
    pub fn len(&self) -> usize {
        self.items.len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl Drop for TupleObj {
    fn drop(&mut self) {
        super::trashcan::defer(std::mem::take(&mut self.items).into_vec());
    }
}

/// CPython 3.11's tuple hash (an xxHash variant), so sets of tuples iterate in CPython's order.
pub fn hash_tuple(item_hashes: impl Iterator<Item = i64>, len: usize) -> i64 {
    const PRIME1: u64 = 11400714785074694791;
    const PRIME2: u64 = 14029467366897019727;
    const PRIME5: u64 = 2870177450012600261;
    let mut acc: u64 = PRIME5;
    for h in item_hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(PRIME2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME1);
    }
    acc = acc.wrapping_add((len as u64) ^ (PRIME5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}
