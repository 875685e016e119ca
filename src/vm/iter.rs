//! `__next__` of the builtin iterators. The position lock is taken only to read and advance
//! the position; calls into Python (map/filter functions, nested iterators) happen outside it.

use super::Vm;
use crate::objects::function::Args;
use crate::objects::iter::{IterKind, IterObj};
use crate::objects::{ExcKind, PyErr, PyResult, Value};

/// Items a collecting call (`list(it)`) reserves room for up front at most: a huge range
/// grows its vector as it goes instead of asking for all of its memory at once.
const DRAIN_PREALLOC: usize = 1 << 20;

pub fn next_builtin(vm: &mut Vm, it: &IterObj) -> PyResult<Option<Value>> {
    if let Some(r) = next_simple(it) {
        return Ok(r);
    }
    if let IterKind::Map { .. } = it.kind {
        // As CPython's map, no exhausted flag of its own: it asks its iterables each time
        // (and saves a lock per item).
        return next_inner(vm, it);
    }
    if it.state.lock().done {
        return Ok(None);
    }
    let r = next_inner(vm, it);
    if matches!(r, Ok(None)) {
        it.state.lock().done = true;
    }
    r
}

/// `next()` of a range or list iterator (the common `for` loops), which cannot fail or run
/// Python code: Some(item or None at the end); None for every other kind of iterator.
#[inline]
pub fn next_simple(it: &IterObj) -> Option<Option<Value>> {
    // One lock on the iterator's position instead of three.
    match &it.kind {
        IterKind::Range { start, step, len } => {
            let mut st = it.state.lock();
            if st.done || st.pos >= *len {
                st.done = true;
                return Some(None);
            }
            let i = st.pos;
            st.pos += 1;
            Some(Some(Value::Int(start + i * step)))
        }
        IterKind::List(l) => {
            let i = {
                let mut st = it.state.lock();
                if st.done {
                    return Some(None);
                }
                st.pos += 1;
                st.pos - 1
            };
            let v = l.get(i as usize);
            if v.is_none() {
                it.state.lock().done = true;
            }
            Some(v)
        }
        _ => None,
    }
}

/// The rest of a range or list iterator, taken at once (None for other kinds): what
/// `next_simple` would give item by item, with one lock of the position (and one of the list)
/// instead of one per item. The list's items are those it holds at this moment, as CPython's
/// `list(it)` sees them under its GIL.
pub fn drain_simple(it: &IterObj) -> Option<Vec<Value>> {
    match &it.kind {
        IterKind::Range { start, step, len } => {
            let from = {
                let mut st = it.state.lock();
                let from = if st.done { *len } else { st.pos.min(*len) };
                st.pos = *len;
                st.done = true;
                from
            };
            let n = (len - from).max(0) as usize;
            let mut out = Vec::with_capacity(n.min(DRAIN_PREALLOC));
            out.extend((from..*len).map(|i| Value::Int(start + i * step)));
            Some(out)
        }
        IterKind::List(l) => {
            // Marked exhausted first, so no other thread takes an item of the rest; the
            // position and the list are never locked together.
            let from = {
                let mut st = it.state.lock();
                if st.done {
                    return Some(Vec::new());
                }
                st.done = true;
                st.pos
            };
            let out = {
                let items = l.lock();
                let from = (from.max(0) as usize).min(items.len());
                items[from..].to_vec()
            };
            it.state.lock().pos = from.max(0) + out.len() as i64;
            Some(out)
        }
        _ => None,
    }
}

/// Takes the next index of a sequence iterator, bumping the position.
fn bump(it: &IterObj) -> i64 {
    let mut st = it.state.lock();
    let p = st.pos;
    st.pos += 1;
    p
}

fn check_version(it: &IterObj, version: u64, what: &str) -> PyResult<()> {
    let mut st = it.state.lock();
    match st.version {
        None => {
            st.version = Some(version);
            Ok(())
        }
        Some(v) if v == version => Ok(()),
        Some(_) => {
            st.done = true;
            Err(PyErr::runtime_error(format!(
                "{what} changed size during iteration"
            )))
        }
    }
}

fn next_inner(vm: &mut Vm, it: &IterObj) -> PyResult<Option<Value>> {
    match &it.kind {
        IterKind::List(l) => {
            let i = bump(it);
            Ok(l.get(i as usize))
        }
        IterKind::ListReversed(l) => {
            let i = bump(it);
            let g = l.lock();
            let n = g.len() as i64;
            // pos counts from the end; a list that shrank ends the iteration.
            let idx = n - 1 - i;
            if idx < 0 {
                return Ok(None);
            }
            Ok(g.get(idx as usize).cloned())
        }
        IterKind::Tuple(t) => {
            let i = bump(it);
            Ok(t.items.get(i as usize).cloned())
        }
        IterKind::Str(s) => {
            let mut st = it.state.lock();
            let pos = st.pos as usize;
            let text = s.as_str();
            match text.get(pos..).and_then(|r| r.chars().next()) {
                Some(c) => {
                    st.pos += c.len_utf8() as i64;
                    Ok(Some(Value::str(c.to_string())))
                }
                None => Ok(None),
            }
        }
        IterKind::Bytes(b) => {
            let i = bump(it);
            Ok(b.get(i as usize).map(|&x| Value::Int(x as i64)))
        }
        IterKind::Range { start, step, len } => {
            let i = bump(it);
            if i >= *len {
                return Ok(None);
            }
            Ok(Some(Value::Int(start + i * step)))
        }
        IterKind::BigRange { start, step, len } => {
            let i = {
                let mut st = it.state.lock();
                // 2**63 items cannot be iterated in practice; stop rather than wrap.
                let Some(next) = st.pos.checked_add(1) else {
                    return Ok(None);
                };
                st.pos = next;
                next - 1
            };
            let i = num_bigint::BigInt::from(i);
            if i >= *len {
                return Ok(None);
            }
            Ok(Some(crate::objects::int::normalize(start + i * step)))
        }
        IterKind::DictKeys(d) | IterKind::DictValues(d) | IterKind::DictItems(d) => {
            let g = d.lock();
            let version = g.version;
            let pos = it.state.lock().pos as usize;
            let found = g
                .next_from(pos)
                .map(|(i, e)| (i, e.key.clone(), e.value.clone()));
            drop(g);
            check_version(it, version, "dictionary")?;
            match found {
                Some((i, k, v)) => {
                    it.state.lock().pos = i as i64 + 1;
                    Ok(Some(match &it.kind {
                        IterKind::DictKeys(_) => k,
                        IterKind::DictValues(_) => v,
                        _ => Value::tuple(vec![k, v]),
                    }))
                }
                None => Ok(None),
            }
        }
        IterKind::Set(s) => {
            let g = s.lock();
            let version = g.version;
            let pos = it.state.lock().pos as usize;
            let found = g.next_from(pos).map(|(i, k)| (i, k.clone()));
            drop(g);
            check_version(it, version, "Set")?;
            match found {
                Some((i, k)) => {
                    it.state.lock().pos = i as i64 + 1;
                    Ok(Some(k))
                }
                None => Ok(None),
            }
        }
        IterKind::Enumerate(inner) => match vm.next(inner)? {
            Some(v) => {
                let i = bump(it);
                Ok(Some(Value::tuple(vec![Value::Int(i), v])))
            }
            None => Ok(None),
        },
        IterKind::Zip { iters, strict } => {
            let mut out = Vec::with_capacity(iters.len());
            for (k, i) in iters.iter().enumerate() {
                match vm.next(i)? {
                    Some(v) => out.push(v),
                    None => {
                        if *strict && (k > 0 || iters.len() > 1 && vm_any_left(vm, &iters[1..])?) {
                            let msg = if k > 0 {
                                format!(
                                    "zip() argument {} is shorter than argument{} 1{}",
                                    k + 1,
                                    if k > 1 { "s" } else { "" },
                                    if k > 1 {
                                        format!("-{k}")
                                    } else {
                                        String::new()
                                    }
                                )
                            } else {
                                "zip() argument 2 is longer than argument 1".to_string()
                            };
                            return Err(PyErr::value_error(msg));
                        }
                        return Ok(None);
                    }
                }
            }
            if iters.is_empty() {
                return Ok(None);
            }
            Ok(Some(Value::tuple(out)))
        }
        IterKind::Map { func, iters } => {
            // `it` holds `func` for the whole call: no count update (shared by every thread
            // mapping the same function), and one iterable needs no argument vector.
            if let [only] = iters.as_slice() {
                let Some(v) = vm.next(only)? else {
                    return Ok(None);
                };
                return vm.call(func, Args::new(std::slice::from_ref(&v))).map(Some);
            }
            let mut args = Vec::with_capacity(iters.len());
            for i in iters {
                match vm.next(i)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            vm.call(func, Args::new(&args)).map(Some)
        }
        IterKind::Filter { func, iter } => loop {
            let Some(v) = vm.next(iter)? else {
                return Ok(None);
            };
            let keep = if func.is_none() {
                vm.truthy(&v)?
            } else {
                let func = func.clone();
                let r = vm.call(&func, Args::new(std::slice::from_ref(&v)))?;
                vm.truthy(&r)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
        IterKind::SeqReversed(seq) => {
            let i = bump(it);
            // pos starts at len-1 counting down: stored as an offset from the start length.
            let start = it.state.lock().version.unwrap_or(0) as i64;
            let idx = start - 1 - i;
            if idx < 0 {
                return Ok(None);
            }
            let seq = seq.clone();
            vm.getitem(&seq, &Value::Int(idx)).map(Some)
        }
        IterKind::SeqGetItem(seq) => {
            let i = bump(it);
            let seq = seq.clone();
            match vm.getitem(&seq, &Value::Int(i)) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.is(ExcKind::IndexError) || e.is(ExcKind::StopIteration) => Ok(None),
                Err(e) => Err(e),
            }
        }
        IterKind::Callable { func, sentinel } => {
            let func = func.clone();
            let v = vm.call(&func, Args::new(&[]))?;
            if vm.eq(&v, sentinel)? {
                return Ok(None);
            }
            Ok(Some(v))
        }
    }
}

fn vm_any_left(vm: &mut Vm, iters: &[Value]) -> PyResult<bool> {
    for i in iters {
        if vm.next(i)?.is_some() {
            return Ok(true);
        }
    }
    Ok(false)
}
