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
    loop {
        let next = PENDING.with(|p| p.borrow_mut().pop());
        match next {
            Some(batch) => drop(batch),
            None => break,
        }
    }
    DEPTH.with(|d| d.set(0));
}
