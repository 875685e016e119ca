//! `collections.deque`: a native double-ended queue whose every operation runs whole under
//! its own lock, so appends and pops from many threads are atomic (the producer/consumer
//! programs rely on it). No Python code ever runs while the lock is held: comparisons
//! (`count`, `index`, `remove`, `in`) work on a snapshot and re-check for mutation after.

use super::util::{pos, to_i64};
use crate::builtins::add_methods;
use crate::objects::function::Args;
use crate::objects::{Class, DictObj, NativeObject, PyErr, PyResult, Value};
use crate::vm::Vm;
use parking_lot::Mutex;
use std::any::Any;
use std::collections::VecDeque;
use std::sync::{Arc, OnceLock};

pub struct DequeState {
    pub items: VecDeque<Value>,
    pub maxlen: Option<usize>,
    /// Bumped by every mutation; iterators compare it to detect concurrent changes.
    pub version: u64,
}

pub struct Deque {
    pub state: Mutex<DequeState>,
}

impl Deque {
    fn push_back(st: &mut DequeState, v: Value) {
        if st.maxlen == Some(0) {
            return;
        }
        if st.maxlen.is_some_and(|m| st.items.len() >= m) {
            st.items.pop_front();
        }
        st.items.push_back(v);
        st.version += 1;
    }
    fn push_front(st: &mut DequeState, v: Value) {
        if st.maxlen == Some(0) {
            return;
        }
        if st.maxlen.is_some_and(|m| st.items.len() >= m) {
            st.items.pop_back();
        }
        st.items.push_front(v);
        st.version += 1;
    }
}

static DEQUE_CLASS: OnceLock<Arc<Class>> = OnceLock::new();
static DEQUE_ITER_CLASS: OnceLock<Arc<Class>> = OnceLock::new();

pub fn deque_class() -> Arc<Class> {
    DEQUE_CLASS
        .get_or_init(|| {
            let ns = Arc::new(DictObj::new());
            ns.set_str("__module__", Value::str("collections"));
            let cls = Class::new_user("deque", "deque", vec![], ns, None)
                .unwrap_or_else(|_| Class::new_builtin("deque", None));
            add_methods(
                &cls,
                "deque",
                &[
                    ("__new__", deque_new),
                    ("append", append),
                    ("appendleft", appendleft),
                    ("pop", pop),
                    ("popleft", popleft),
                    ("extend", extend),
                    ("extendleft", extendleft),
                    ("rotate", rotate),
                    ("clear", clear),
                    ("count", count),
                    ("index", index),
                    ("remove", remove),
                    ("copy", copy),
                    ("__copy__", copy),
                    ("reverse", reverse),
                    ("insert", insert),
                    ("__contains__", contains),
                    ("__eq__", eq),
                    ("__iadd__", iadd),
                    ("__delitem__", delitem),
                    ("__reversed__", reversed),
                ],
            );
            cls
        })
        .clone()
}

fn iter_class() -> Arc<Class> {
    DEQUE_ITER_CLASS
        .get_or_init(|| Class::new_builtin("_collections._deque_iterator", None))
        .clone()
}

impl NativeObject for Deque {
    fn plain_attrs(&self) -> bool {
        true
    }
    fn class(&self) -> Arc<Class> {
        deque_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, vm: &mut Vm, me: &Value) -> PyResult<Option<String>> {
        let (items, maxlen) = {
            let st = self.state.lock();
            (st.items.iter().cloned().collect::<Vec<_>>(), st.maxlen)
        };
        if vm
            .repr_stack
            .iter()
            .any(|p| *p == me.heap_ptr().unwrap_or(0))
        {
            return Ok(Some("[...]".into()));
        }
        vm.repr_stack.push(me.heap_ptr().unwrap_or(0));
        let mut parts = Vec::with_capacity(items.len());
        for v in &items {
            match vm.repr(v) {
                Ok(s) => parts.push(s),
                Err(e) => {
                    vm.repr_stack.pop();
                    return Err(e);
                }
            }
        }
        vm.repr_stack.pop();
        let body = parts.join(", ");
        Ok(Some(match maxlen {
            Some(m) => format!("deque([{body}], maxlen={m})"),
            None => format!("deque([{body}])"),
        }))
    }
    fn getattr(&self, _vm: &mut Vm, _me: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "maxlen" => Some(match self.state.lock().maxlen {
                Some(m) => Value::Int(m as i64),
                None => Value::None,
            }),
            _ => None,
        })
    }
    fn len(&self, _vm: &mut Vm, _me: &Value) -> PyResult<Option<usize>> {
        Ok(Some(self.state.lock().items.len()))
    }
    fn getitem(&self, vm: &mut Vm, _me: &Value, idx: &Value) -> PyResult<Option<Value>> {
        let i = index_arg(vm, idx)?;
        let st = self.state.lock();
        let n = st.items.len() as i64;
        let j = if i < 0 { i + n } else { i };
        match usize::try_from(j).ok().and_then(|j| st.items.get(j)) {
            Some(v) => Ok(Some(v.clone())),
            None => Err(PyErr::index_error("deque index out of range")),
        }
    }
    fn setitem(&self, vm: &mut Vm, _me: &Value, idx: &Value, v: &Value) -> PyResult<bool> {
        let i = index_arg(vm, idx)?;
        let mut st = self.state.lock();
        let n = st.items.len() as i64;
        let j = if i < 0 { i + n } else { i };
        match usize::try_from(j).ok().and_then(|j| st.items.get_mut(j)) {
            Some(slot) => {
                *slot = v.clone();
                Ok(true)
            }
            None => Err(PyErr::index_error("deque assignment index out of range")),
        }
    }
    fn iter(&self, _vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
        let Some(d) = me.as_native::<Deque>() else {
            return Ok(None);
        };
        let version = d.state.lock().version;
        let Value::Native(arc) = me else {
            return Ok(None);
        };
        Ok(Some(Value::Native(Arc::new(DequeIter {
            deque: arc.clone(),
            pos: Mutex::new(0),
            version,
            reverse: false,
        }))))
    }
}

fn index_arg(_vm: &mut Vm, idx: &Value) -> PyResult<i64> {
    match idx {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => to_i64(idx),
        other => Err(PyErr::type_error(format!(
            "sequence index must be integer, not '{}'",
            other.type_name()
        ))),
    }
}

pub struct DequeIter {
    deque: Arc<dyn NativeObject>,
    pos: Mutex<usize>,
    version: u64,
    reverse: bool,
}

impl NativeObject for DequeIter {
    fn class(&self) -> Arc<Class> {
        iter_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn iter(&self, _vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
        Ok(Some(me.clone()))
    }
    fn next(&self, _vm: &mut Vm, _me: &Value) -> PyResult<Option<Option<Value>>> {
        let Some(d) = self.deque.as_any().downcast_ref::<Deque>() else {
            return Ok(Some(None));
        };
        let st = d.state.lock();
        if st.version != self.version {
            return Err(PyErr::runtime_error("deque mutated during iteration"));
        }
        let mut pos = self.pos.lock();
        let n = st.items.len();
        if *pos >= n {
            return Ok(Some(None));
        }
        let i = if self.reverse { n - 1 - *pos } else { *pos };
        *pos += 1;
        Ok(Some(st.items.get(i).cloned()))
    }
}

fn me<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Deque> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<Deque>())
        .ok_or_else(|| {
            PyErr::type_error(format!(
            "descriptor '{name}' for 'collections.deque' objects doesn't apply to a '{}' object",
            args.pos.first().map(|v| v.type_name()).unwrap_or_default()
        ))
        })
}

/// `deque(iterable=(), maxlen=None)`; called as `__new__(cls, ...)`.
fn deque_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 3 {
        return Err(PyErr::type_error(format!(
            "deque expected at most 2 arguments, got {}",
            args.pos.len() - 1
        )));
    }
    let iterable = args.pos.get(1).or_else(|| args.get_kw("iterable"));
    let maxlen = match args.pos.get(2).or_else(|| args.get_kw("maxlen")) {
        None | Some(Value::None) => None,
        Some(v) => {
            let m = match v {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => to_i64(v)?,
                _ => return Err(PyErr::type_error("an integer is required")),
            };
            if m < 0 {
                return Err(PyErr::value_error("maxlen must be non-negative"));
            }
            Some(m as usize)
        }
    };
    let items = match iterable {
        Some(it) => vm.collect(it)?,
        None => vec![],
    };
    let mut st = DequeState {
        items: VecDeque::with_capacity(items.len()),
        maxlen,
        version: 0,
    };
    for v in items {
        Deque::push_back(&mut st, v);
    }
    Ok(Value::Native(Arc::new(Deque {
        state: Mutex::new(st),
    })))
}

fn append(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "append")?;
    let v = pos(&args, 1, "append")?.clone();
    Deque::push_back(&mut d.state.lock(), v);
    Ok(Value::None)
}

fn appendleft(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "appendleft")?;
    let v = pos(&args, 1, "appendleft")?.clone();
    Deque::push_front(&mut d.state.lock(), v);
    Ok(Value::None)
}

fn pop(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "pop")?;
    let mut st = d.state.lock();
    let v = st.items.pop_back();
    st.version += 1;
    v.ok_or_else(|| PyErr::index_error("pop from an empty deque"))
}

fn popleft(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "popleft")?;
    let mut st = d.state.lock();
    let v = st.items.pop_front();
    st.version += 1;
    v.ok_or_else(|| PyErr::index_error("pop from an empty deque"))
}

/// The items of an iterable; a deque extended by itself uses a snapshot.
fn items_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    if let Some(d) = v.as_native::<Deque>() {
        return Ok(d.state.lock().items.iter().cloned().collect());
    }
    vm.collect(v)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "extend")?;
    let items = items_of(vm, pos(&args, 1, "extend")?)?;
    let mut st = d.state.lock();
    for v in items {
        Deque::push_back(&mut st, v);
    }
    Ok(Value::None)
}

fn iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    extend(vm, args)?;
    Ok(args.pos[0].clone())
}

fn extendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "extendleft")?;
    let items = items_of(vm, pos(&args, 1, "extendleft")?)?;
    let mut st = d.state.lock();
    for v in items {
        Deque::push_front(&mut st, v);
    }
    Ok(Value::None)
}

fn rotate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "rotate")?;
    let n = match args.pos.get(1) {
        Some(v) => to_i64(v)?,
        None => 1,
    };
    let mut st = d.state.lock();
    let len = st.items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        st.items.rotate_right(k);
        st.version += 1;
    }
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "clear")?;
    let mut st = d.state.lock();
    st.items.clear();
    st.version += 1;
    Ok(Value::None)
}

fn snapshot(d: &Deque) -> (Vec<Value>, u64) {
    let st = d.state.lock();
    (st.items.iter().cloned().collect(), st.version)
}

fn check_unchanged(d: &Deque, version: u64) -> PyResult<()> {
    if d.state.lock().version != version {
        return Err(PyErr::runtime_error("deque mutated during iteration"));
    }
    Ok(())
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "count")?;
    let x = pos(&args, 1, "count")?;
    let (items, version) = snapshot(d);
    let mut n = 0;
    for v in &items {
        if v.is(x) || vm.eq(v, x)? {
            n += 1;
        }
        check_unchanged(d, version)?;
    }
    Ok(Value::Int(n))
}

fn find(vm: &mut Vm, d: &Deque, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let (items, version) = snapshot(d);
    for (i, v) in items.iter().enumerate().take(stop).skip(start) {
        let hit = v.is(x) || vm.eq(v, x)?;
        check_unchanged(d, version)?;
        if hit {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "index")?;
    let x = pos(&args, 1, "index")?;
    let len = d.state.lock().items.len() as i64;
    let norm = |i: i64| -> usize { (if i < 0 { (i + len).max(0) } else { i.min(len) }) as usize };
    let start = match args.pos.get(2) {
        Some(v) => norm(to_i64(v)?),
        None => 0,
    };
    let stop = match args.pos.get(3) {
        Some(v) => norm(to_i64(v)?),
        None => len as usize,
    };
    match find(vm, d, x, start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(x)?;
            Err(PyErr::value_error(format!("{r} is not in deque")))
        }
    }
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "remove")?;
    let x = pos(&args, 1, "remove")?;
    let (items, version) = snapshot(d);
    for (i, v) in items.iter().enumerate() {
        let hit = v.is(x) || vm.eq(v, x)?;
        if hit {
            let mut st = d.state.lock();
            if st.version != version {
                return Err(PyErr::index_error("deque mutated during remove()."));
            }
            st.items.remove(i);
            st.version += 1;
            return Ok(Value::None);
        }
    }
    let r = vm.repr(x)?;
    Err(PyErr::value_error(format!("{r} is not in deque")))
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "__contains__")?;
    let x = pos(&args, 1, "__contains__")?;
    let len = d.state.lock().items.len();
    Ok(Value::Bool(find(vm, d, x, 0, len)?.is_some()))
}

fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "__eq__")?;
    let Some(other) = args.pos.get(1).and_then(|v| v.as_native::<Deque>()) else {
        return Ok(Value::NotImplemented);
    };
    let (a, _) = snapshot(d);
    let (b, _) = snapshot(other);
    if a.len() != b.len() {
        return Ok(Value::Bool(false));
    }
    for (x, y) in a.iter().zip(b.iter()) {
        if !(x.is(y) || vm.eq(x, y)?) {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "copy")?;
    let st = d.state.lock();
    Ok(Value::Native(Arc::new(Deque {
        state: Mutex::new(DequeState {
            items: st.items.clone(),
            maxlen: st.maxlen,
            version: 0,
        }),
    })))
}

fn reverse(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "reverse")?;
    let mut st = d.state.lock();
    st.items.make_contiguous().reverse();
    st.version += 1;
    Ok(Value::None)
}

fn insert(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "insert")?;
    let i = to_i64(pos(&args, 1, "insert")?)?;
    let v = pos(&args, 2, "insert")?.clone();
    let mut st = d.state.lock();
    if st.maxlen.is_some_and(|m| st.items.len() >= m) {
        return Err(PyErr::index_error("deque already at its maximum size"));
    }
    let len = st.items.len() as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    st.items.insert(j, v);
    st.version += 1;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "__delitem__")?;
    let i = index_arg(vm, pos(&args, 1, "__delitem__")?)?;
    let mut st = d.state.lock();
    let n = st.items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::index_error("deque index out of range"));
    }
    st.items.remove(j as usize);
    st.version += 1;
    Ok(Value::None)
}

fn reversed(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = me(&args, "__reversed__")?;
    let version = d.state.lock().version;
    let Some(Value::Native(arc)) = args.pos.first() else {
        return Err(PyErr::type_error("expected a deque"));
    };
    Ok(Value::Native(Arc::new(DequeIter {
        deque: arc.clone(),
        pos: Mutex::new(0),
        version,
        reverse: true,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(maxlen: Option<usize>) -> DequeState {
        DequeState {
            items: VecDeque::new(),
            maxlen,
            version: 0,
        }
    }

    #[test]
    fn maxlen_drops_from_the_other_end() {
        let mut st = state(Some(2));
        for i in 0..4 {
            Deque::push_back(&mut st, Value::Int(i));
        }
        let v: Vec<i64> = st
            .items
            .iter()
            .map(|v| if let Value::Int(i) = v { *i } else { -1 })
            .collect();
        assert_eq!(v, vec![2, 3]);
    }

    #[test]
    fn maxlen_zero_keeps_nothing() {
        let mut st = state(Some(0));
        Deque::push_front(&mut st, Value::Int(1));
        assert!(st.items.is_empty());
    }
}
