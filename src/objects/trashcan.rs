//! Iterative destruction of nested containers (CPython's "trashcan").
//!
//! Dropping a list that holds a list that holds a list ... would recurse once per level in
//! Rust's `Drop` and overflow the native stack for a million-deep structure. Containers hand
//! their items to [`defer`] instead: the outermost drop on a thread drains a work list, so
//! native recursion stays two levels deep whatever the nesting.

use super::Value;
use std::cell::{Cell, RefCell};

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static PENDING: RefCell<Vec<Vec<Value>>> = const { RefCell::new(Vec::new()) };
}

/// Drops a container's contents `owned` as `defer` drops `values(owned)`, without moving them
/// into a `Vec` first when this is the outermost drop (the common case: a dict or list
/// dropped from the eval loop). Nested containers reached while `owned` drops queue their
/// items as usual.
pub fn defer_with<T>(owned: T, values: impl FnOnce(T) -> Vec<Value>) {
    if DEPTH.with(|d| d.get()) > 0 {
        let items = values(owned);
        if !items.is_empty() {
            PENDING.with(|p| p.borrow_mut().push(items));
        }
        return;
    }
    DEPTH.with(|d| d.set(1));
    drop(owned);
    drain();
}

/// Drops the queued batches, then leaves the outermost drop.
fn drain() {
    loop {
        let next = PENDING.with(|p| p.borrow_mut().pop());
        match next {
            Some(batch) => drop(batch),
            None => break,
        }
    }
    DEPTH.with(|d| d.set(0));
}

/// Drops `items` without recursing deeper than one container level at a time.
pub fn defer(items: Vec<Value>) {
    if items.is_empty() {
        return;
    }
    let depth = DEPTH.with(|d| d.get());
    if depth > 0 {
        // Inside another container's drop: queue the items for the outermost drop.
        PENDING.with(|p| p.borrow_mut().push(items));
        return;
    }
    DEPTH.with(|d| d.set(1));
    drop(items);
    drain();
}
