//! The `heapq` module: CPython's `_heapq` sift algorithms, natively. The list's lock is held
//! only to read or write single slots, never across a comparison (which may run Python
//! `__lt__`); a size change seen after a comparison raises, as CPython's C version does.
//! `merge`, `nlargest` and `nsmallest` stay in Python (`py/heapq.py`) over these.

use super::util::{pos, python_module};
use crate::objects::function::Args;
use crate::objects::{ListObj, Module, PyErr, PyResult, Value};
use crate::vm::Vm;
use std::sync::Arc;

fn heap_arg<'a>(args: &Args<'a>, fname: &str) -> PyResult<&'a Arc<ListObj>> {
    match pos(args, 0, fname)? {
        Value::List(l) => Ok(l),
        Value::Instance(i) => match &i.payload {
            crate::objects::instance::Payload::Base(Value::List(l)) => Ok(l),
            _ => Err(PyErr::type_error("heap argument must be a list")),
        },
        _ => Err(PyErr::type_error("heap argument must be a list")),
    }
}

fn get(heap: &ListObj, i: usize) -> PyResult<Value> {
    heap.get(i)
        .ok_or_else(|| PyErr::runtime_error("list changed size during iteration"))
}

fn set(heap: &ListObj, i: usize, v: Value) -> PyResult<()> {
    match heap.lock().get_mut(i) {
        Some(slot) => {
            *slot = v;
            Ok(())
        }
        None => Err(PyErr::runtime_error("list changed size during iteration")),
    }
}

/// `a < b` (or `b < a` for the max-heap variants), checking the heap kept its size.
fn less(
    vm: &mut Vm,
    heap: &ListObj,
    size: usize,
    a: &Value,
    b: &Value,
    max: bool,
) -> PyResult<bool> {
    let r = if max {
        vm.less_than(b, a)?
    } else {
        vm.less_than(a, b)?
    };
    if heap.len() != size {
        return Err(PyErr::runtime_error("list changed size during iteration"));
    }
    Ok(r)
}

fn siftdown(
    vm: &mut Vm,
    heap: &ListObj,
    startpos: usize,
    mut pos: usize,
    max: bool,
) -> PyResult<()> {
    let size = heap.len();
    if pos >= size {
        return Err(PyErr::index_error("list index out of range"));
    }
    let newitem = get(heap, pos)?;
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        let parent = get(heap, parentpos)?;
        if less(vm, heap, size, &newitem, &parent, max)? {
            set(heap, pos, parent)?;
            pos = parentpos;
            continue;
        }
        break;
    }
    set(heap, pos, newitem)
}

fn siftup(vm: &mut Vm, heap: &ListObj, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = heap.len();
    let startpos = pos;
    if pos >= endpos {
        return Err(PyErr::index_error("list index out of range"));
    }
    let newitem = get(heap, pos)?;
    let mut childpos = 2 * pos + 1;
    while childpos < endpos {
        let rightpos = childpos + 1;
        if rightpos < endpos {
            let c = get(heap, childpos)?;
            let r = get(heap, rightpos)?;
            if !less(vm, heap, endpos, &c, &r, max)? {
                childpos = rightpos;
            }
        }
        let child = get(heap, childpos)?;
        set(heap, pos, child)?;
        pos = childpos;
        childpos = 2 * pos + 1;
    }
    set(heap, pos, newitem)?;
    siftdown(vm, heap, startpos, pos, max)
}

fn heappush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let heap = heap_arg(&args, "heappush")?;
    let item = pos(&args, 1, "heappush")?.clone();
    let n = {
        let mut v = heap.lock();
        v.push(item);
        v.len()
    };
    siftdown(vm, heap, 0, n - 1, false)?;
    Ok(Value::None)
}

fn pop_impl(vm: &mut Vm, args: Args, fname: &str, max: bool) -> PyResult<Value> {
    let heap = heap_arg(&args, fname)?;
    let (last, empty_after) = {
        let mut v = heap.lock();
        match v.pop() {
            Some(x) => {
                let empty = v.is_empty();
                (x, empty)
            }
            None => return Err(PyErr::index_error("index out of range")),
        }
    };
    if empty_after {
        return Ok(last);
    }
    let ret = {
        let mut v = heap.lock();
        match v.first_mut() {
            Some(slot) => std::mem::replace(slot, last),
            None => return Err(PyErr::runtime_error("list changed size during iteration")),
        }
    };
    siftup(vm, heap, 0, max)?;
    Ok(ret)
}

fn heappop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pop_impl(vm, args, "heappop", false)
}

fn heappop_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pop_impl(vm, args, "_heappop_max", true)
}

fn replace_impl(vm: &mut Vm, args: Args, fname: &str, max: bool) -> PyResult<Value> {
    let heap = heap_arg(&args, fname)?;
    let item = pos(&args, 1, fname)?.clone();
    let ret = {
        let mut v = heap.lock();
        match v.first_mut() {
            Some(slot) => std::mem::replace(slot, item),
            None => return Err(PyErr::index_error("index out of range")),
        }
    };
    siftup(vm, heap, 0, max)?;
    Ok(ret)
}

fn heapreplace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    replace_impl(vm, args, "heapreplace", false)
}

fn heapreplace_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    replace_impl(vm, args, "_heapreplace_max", true)
}

fn heappushpop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let heap = heap_arg(&args, "heappushpop")?;
    let item = pos(&args, 1, "heappushpop")?.clone();
    let Some(top) = heap.get(0) else {
        return Ok(item);
    };
    let size = heap.len();
    if !less(vm, heap, size, &top, &item, false)? {
        return Ok(item);
    }
    let ret = {
        let mut v = heap.lock();
        match v.first_mut() {
            Some(slot) => std::mem::replace(slot, item),
            None => return Err(PyErr::index_error("index out of range")),
        }
    };
    siftup(vm, heap, 0, false)?;
    Ok(ret)
}

fn heapify_impl(vm: &mut Vm, args: Args, fname: &str, max: bool) -> PyResult<Value> {
    let heap = heap_arg(&args, fname)?;
    let n = heap.len();
    for i in (0..n / 2).rev() {
        siftup(vm, heap, i, max)?;
    }
    Ok(Value::None)
}

fn heapify(vm: &mut Vm, args: Args) -> PyResult<Value> {
    heapify_impl(vm, args, "heapify", false)
}

fn heapify_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    heapify_impl(vm, args, "_heapify_max", true)
}

pub fn init(vm: &mut Vm) -> PyResult<Arc<Module>> {
    python_module(
        vm,
        "heapq",
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
            ("heapify", heapify),
            ("_heappop_max", heappop_max),
            ("_heapreplace_max", heapreplace_max),
            ("_heapify_max", heapify_max),
        ],
        include_str!("py/heapq.py"),
    )
}
