//! The object protocol: length, indexing, slicing, item assignment, containment.

use super::*;

impl Vm {
    // ----- length, items, containment ---------------------------------------------------

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::Bytes(b) => b.len(),
            Value::Tuple(t) => t.len(),
            Value::List(l) => l.len(),
            Value::Dict(d) => d.len(),
            Value::Set(s) => s.len(),
            Value::Range(r) => match r.len() {
                Some(n) => n as usize,
                None => {
                    return Err(PyErr::overflow_error(
                        "Python int too large to convert to C ssize_t",
                    ))
                }
            },
            Value::Instance(_) => {
                if let Some(r) = self.call_special(v, "__len__", &[])? {
                    return match r {
                        Value::Int(i) if i >= 0 => Ok(i as usize),
                        Value::Int(_) => Err(PyErr::value_error("__len__() should return >= 0")),
                        Value::Bool(b) => Ok(b as usize),
                        other => Err(PyErr::type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            other.type_name()
                        ))),
                    };
                }
                if let Some(b) = base_value(v) {
                    return self.len(&b.clone());
                }
                return Err(PyErr::type_error(format!(
                    "object of type '{}' has no len()",
                    v.type_name()
                )));
            }
            Value::Native(n) => {
                if let Some(view) = n.as_any().downcast_ref::<DictView>() {
                    return Ok(view.dict.len());
                }
                if let Some(l) = native_len(self, v)? {
                    return Ok(l);
                }
                return Err(PyErr::type_error(format!(
                    "object of type '{}' has no len()",
                    v.type_name()
                )));
            }
            Value::Class(c) => {
                // A metaclass's __len__ (`len(signal.Signals)`).
                if let Some(f) = c.meta.as_ref().and_then(|m| m.lookup("__len__")) {
                    let r = self.call(&f, Args::new(std::slice::from_ref(v)))?;
                    return match r {
                        Value::Int(i) if i >= 0 => Ok(i as usize),
                        _ => Err(PyErr::value_error("__len__() should return >= 0")),
                    };
                }
                return Err(PyErr::type_error(format!(
                    "object of type '{}' has no len()",
                    v.type_name()
                )));
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "object of type '{}' has no len()",
                    v.type_name()
                )))
            }
        })
    }

    /// Converts an index operand: int, bool, or an object with `__index__`.
    pub fn index_of(&mut self, v: &Value, what: &str) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => Err(PyErr::index_error(
                "cannot fit 'int' into an index-sized integer".to_string(),
            )),
            Value::Instance(_) => match self.call_special(v, "__index__", &[])? {
                Some(Value::Int(i)) => Ok(i),
                Some(Value::Bool(b)) => Ok(b as i64),
                Some(Value::BigInt(_)) => Err(PyErr::index_error(format!(
                    "cannot fit '{}' into an index-sized integer",
                    v.type_name()
                ))),
                Some(r) => Err(PyErr::type_error(format!(
                    "__index__ returned non-int (type {})",
                    r.type_name()
                ))),
                None => Err(PyErr::type_error(format!("{what}, not {}", v.type_name()))),
            },
            _ => Err(PyErr::type_error(format!("{what}, not {}", v.type_name()))),
        }
    }

    /// An int, or an object with `__index__`, as a big integer; None for `None`; TypeError
    /// `msg` otherwise. For range indices and slices, which may exceed i64.
    pub fn opt_index_big(&mut self, v: &Value, msg: &str) -> PyResult<Option<num_bigint::BigInt>> {
        match v {
            Value::None => Ok(None),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Ok(int::to_bigint(v)),
            Value::Instance(_) => match self.call_special(v, "__index__", &[])? {
                Some(r @ (Value::Int(_) | Value::BigInt(_))) => Ok(int::to_bigint(&r)),
                // An int subclass without an `__index__` of its own.
                None => match base_value(v) {
                    Some(b @ (Value::Int(_) | Value::BigInt(_))) => Ok(int::to_bigint(b)),
                    _ => Err(PyErr::type_error(msg)),
                },
                _ => Err(PyErr::type_error(msg)),
            },
            _ => Err(PyErr::type_error(msg)),
        }
    }

    /// Resolves a slice against a length: (start, stop, step, count).
    pub fn slice_indices(
        &mut self,
        s: &crate::objects::SliceObj,
        len: usize,
    ) -> PyResult<(i64, i64, i64, usize)> {
        let msg = "slice indices must be integers or None or have an __index__ method";
        let step = match &s.step {
            Value::None => 1,
            // Clamped as CPython clamps to +-PY_SSIZE_T_MAX (`l[::2**70]` is `l[:1]`).
            Value::BigInt(b) => {
                if num_traits::Signed::is_negative(&**b) {
                    -i64::MAX
                } else {
                    i64::MAX
                }
            }
            v => self.index_of(v, msg).map_err(|_| PyErr::type_error(msg))?,
        };
        if step == 0 {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        let len = len as i64;
        let adjust = |vm: &mut Vm, v: &Value, default: i64| -> PyResult<i64> {
            match v {
                Value::None => Ok(default),
                Value::BigInt(b) => Ok(if num_traits::Signed::is_negative(&**b) {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                }),
                v => {
                    let i = vm.index_of(v, msg).map_err(|_| PyErr::type_error(msg))?;
                    Ok(if i < 0 {
                        let j = i + len;
                        if j < 0 {
                            if step < 0 {
                                -1
                            } else {
                                0
                            }
                        } else {
                            j
                        }
                    } else if i >= len {
                        if step < 0 {
                            len - 1
                        } else {
                            len
                        }
                    } else {
                        i
                    })
                }
            }
        };
        let (start, stop) = if step > 0 {
            (adjust(self, &s.start, 0)?, adjust(self, &s.stop, len)?)
        } else {
            (adjust(self, &s.start, len - 1)?, adjust(self, &s.stop, -1)?)
        };
        let count = if step > 0 {
            if stop > start {
                ((stop - start - 1) / step + 1) as usize
            } else {
                0
            }
        } else if start > stop {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        };
        Ok((start, stop, step, count))
    }

    pub fn getitem(&mut self, obj: &Value, idx: &Value) -> PyResult<Value> {
        match obj {
            Value::List(l) => match idx {
                Value::Int(i) => {
                    let g = l.lock();
                    match norm_index(*i, g.len()) {
                        Some(i) => Ok(g[i].clone()),
                        None => Err(PyErr::index_error("list index out of range")),
                    }
                }
                Value::Slice(s) if plain_slice(s) => {
                    // Bounds that run no Python code: indices and copy under one lock, copying
                    // only the slice (`items[i:i + n]` of a long list stays O(n)).
                    let items = l.lock();
                    let (start, _, step, n) = self.slice_indices(s, items.len())?;
                    Ok(Value::list(
                        (0..n)
                            .map(|k| items[(start + k as i64 * step) as usize].clone())
                            .collect(),
                    ))
                }
                Value::Slice(s) => {
                    let items = l.snapshot();
                    let (start, _, step, n) = self.slice_indices(s, items.len())?;
                    Ok(Value::list(
                        (0..n)
                            .map(|k| items[(start + k as i64 * step) as usize].clone())
                            .collect(),
                    ))
                }
                _ => {
                    let i = self.index_of(idx, "list indices must be integers or slices")?;
                    self.getitem(obj, &Value::Int(i))
                }
            },
            Value::Tuple(t) => match idx {
                Value::Int(i) => match norm_index(*i, t.len()) {
                    Some(i) => Ok(t.items[i].clone()),
                    None => Err(PyErr::index_error("tuple index out of range")),
                },
                Value::Slice(s) => {
                    let (start, _, step, n) = self.slice_indices(s, t.len())?;
                    Ok(Value::tuple(
                        (0..n)
                            .map(|k| t.items[(start + k as i64 * step) as usize].clone())
                            .collect(),
                    ))
                }
                _ => {
                    let i = self.index_of(idx, "tuple indices must be integers or slices")?;
                    self.getitem(obj, &Value::Int(i))
                }
            },
            Value::Str(s) => match idx {
                Value::Int(i) => {
                    let len = s.char_len();
                    match norm_index(*i, len).and_then(|i| s.char_at(i)) {
                        Some(c) => Ok(Value::str(c.to_string())),
                        None => Err(PyErr::index_error("string index out of range")),
                    }
                }
                Value::Slice(sl) => {
                    let len = s.char_len();
                    let (start, _, step, n) = self.slice_indices(sl, len)?;
                    if step == 1 {
                        if s.is_ascii() {
                            let st = start as usize;
                            return Ok(Value::str(&s.as_str()[st..st + n]));
                        }
                        return Ok(Value::str(
                            s.as_str()
                                .chars()
                                .skip(start as usize)
                                .take(n)
                                .collect::<String>(),
                        ));
                    }
                    let chars: Vec<char> = s.as_str().chars().collect();
                    Ok(Value::str(
                        (0..n)
                            .map(|k| chars[(start + k as i64 * step) as usize])
                            .collect::<String>(),
                    ))
                }
                Value::Bool(_) => {
                    let i = self.index_of(idx, "")?;
                    self.getitem(obj, &Value::Int(i))
                }
                Value::Instance(_) if self.special(idx, "__index__").is_some() => {
                    let i = self.index_of(idx, "")?;
                    self.getitem(obj, &Value::Int(i))
                }
                _ => Err(PyErr::type_error(format!(
                    "string indices must be integers, not '{}'",
                    idx.type_name()
                ))),
            },
            Value::Bytes(b) => match idx {
                Value::Slice(sl) => {
                    let (start, _, step, n) = self.slice_indices(sl, b.len())?;
                    Ok(Value::Bytes(Arc::new(
                        (0..n)
                            .map(|k| b[(start + k as i64 * step) as usize])
                            .collect(),
                    )))
                }
                _ => {
                    let i = self.index_of(idx, "byte indices must be integers or slices")?;
                    match norm_index(i, b.len()) {
                        Some(i) => Ok(Value::Int(b[i] as i64)),
                        None => Err(PyErr::index_error("index out of range")),
                    }
                }
            },
            Value::Range(r) => {
                let item = match idx {
                    Value::Int(i) => r.item(*i),
                    Value::Bool(b) => r.item(*b as i64),
                    Value::BigInt(b) => r.item_big(b),
                    Value::Slice(sl) => {
                        let msg =
                            "slice indices must be integers or None or have an __index__ method";
                        let start = self.opt_index_big(&sl.start, msg)?;
                        let stop = self.opt_index_big(&sl.stop, msg)?;
                        let step = self.opt_index_big(&sl.step, msg)?;
                        return match r.slice(start, stop, step) {
                            Some(s) => Ok(Value::Range(Arc::new(s))),
                            None => Err(PyErr::value_error("slice step cannot be zero")),
                        };
                    }
                    _ => {
                        let msg = format!(
                            "range indices must be integers or slices, not {}",
                            idx.type_name()
                        );
                        match self.opt_index_big(idx, &msg)? {
                            Some(i) => r.item_big(&i),
                            None => return Err(PyErr::type_error(msg)),
                        }
                    }
                };
                item.ok_or_else(|| PyErr::index_error("range object index out of range"))
            }
            Value::Dict(d) => match self.dict_get(d, idx)? {
                Some(v) => Ok(v),
                None => Err(PyErr::key_error(idx.clone())),
            },
            Value::Instance(_) => {
                if let Some(r) = self.call_special(obj, "__getitem__", std::slice::from_ref(idx))? {
                    return Ok(r);
                }
                if let Some(b) = base_value(obj).cloned() {
                    if let Value::Dict(d) = &b {
                        if let Some(v) = self.dict_get(d, idx)? {
                            return Ok(v);
                        }
                        if let Some(r) =
                            self.call_special(obj, "__missing__", std::slice::from_ref(idx))?
                        {
                            return Ok(r);
                        }
                        return Err(PyErr::key_error(idx.clone()));
                    }
                    return self.getitem(&b, idx);
                }
                Err(PyErr::type_error(format!(
                    "'{}' object is not subscriptable",
                    obj.type_name()
                )))
            }
            Value::Class(c) => {
                // A metaclass's __getitem__ comes first (`Signals['SIGINT']`), as in CPython.
                if let Some(meta) = &c.meta {
                    if let Some(f) = meta.lookup("__getitem__") {
                        return self.call(&f, Args::new(&[obj.clone(), idx.clone()]));
                    }
                }
                if let Some(f) = c.lookup("__class_getitem__") {
                    // A classmethod (type creation makes it one): bound to the class.
                    let f = self.class_descr_get(&f, c)?;
                    let args = match &f {
                        Value::Function(_) => vec![obj.clone(), idx.clone()],
                        _ => vec![idx.clone()],
                    };
                    return self.call(&f, Args::new(&args));
                }
                // The builtin types CPython makes generic (`list[int]`, `dict[str, int]`).
                const GENERIC: &[&str] = &[
                    "list",
                    "dict",
                    "tuple",
                    "set",
                    "frozenset",
                    "type",
                    "enumerate",
                ];
                if c.base_kind == crate::objects::class::BaseKind::Builtin
                    && GENERIC.contains(&&*c.name)
                {
                    // `list[int]`-style generic aliases.
                    return Ok(crate::objects::generic_alias::GenericAlias::new_value(
                        obj.clone(),
                        idx,
                    ));
                }
                Err(PyErr::type_error(format!(
                    "type '{}' is not subscriptable",
                    c.name
                )))
            }
            Value::Native(_) => {
                if let Some(v) = native_getitem(self, obj, idx)? {
                    return Ok(v);
                }
                Err(PyErr::type_error(format!(
                    "'{}' object is not subscriptable",
                    obj.type_name()
                )))
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not subscriptable",
                obj.type_name()
            ))),
        }
    }

    pub fn setitem(&mut self, obj: &Value, idx: &Value, value: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => match idx {
                Value::Slice(s) => {
                    let items = self.collect(&value)?;
                    let mut g = l.lock();
                    let len = g.len();
                    drop(g);
                    let (start, stop, step, n) = self.slice_indices(s, len)?;
                    g = l.lock();
                    if step == 1 {
                        let start = start.max(0) as usize;
                        let stop = (stop.max(start as i64) as usize).min(g.len());
                        let start = start.min(g.len());
                        g.splice(start..stop, items);
                        return Ok(());
                    }
                    if items.len() != n {
                        return Err(PyErr::value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            items.len(),
                            n
                        )));
                    }
                    for (k, it) in items.into_iter().enumerate() {
                        let i = (start + k as i64 * step) as usize;
                        if i < g.len() {
                            g[i] = it;
                        }
                    }
                    Ok(())
                }
                _ => {
                    let i = self.index_of(idx, "list indices must be integers or slices")?;
                    let mut g = l.lock();
                    match norm_index(i, g.len()) {
                        Some(i) => {
                            g[i] = value;
                            Ok(())
                        }
                        None => Err(PyErr::index_error("list assignment index out of range")),
                    }
                }
            },
            Value::Dict(d) => self.dict_set(d, idx.clone(), value),
            Value::Instance(_) => {
                if self
                    .call_special(obj, "__setitem__", &[idx.clone(), value.clone()])?
                    .is_some()
                {
                    return Ok(());
                }
                if let Some(b) = base_value(obj).cloned() {
                    return self.setitem(&b, idx, value);
                }
                Err(PyErr::type_error(format!(
                    "'{}' object does not support item assignment",
                    obj.type_name()
                )))
            }
            Value::Native(_) => {
                if native_setitem(self, obj, idx, &value)? {
                    return Ok(());
                }
                Err(PyErr::type_error(format!(
                    "'{}' object does not support item assignment",
                    obj.type_name()
                )))
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object does not support item assignment",
                obj.type_name()
            ))),
        }
    }

    pub fn delitem(&mut self, obj: &Value, idx: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => match idx {
                Value::Slice(s) => {
                    let len = l.len();
                    let (start, _, step, n) = self.slice_indices(s, len)?;
                    let mut g = l.lock();
                    let mut kill: Vec<usize> =
                        (0..n).map(|k| (start + k as i64 * step) as usize).collect();
                    kill.sort_unstable();
                    for i in kill.into_iter().rev() {
                        if i < g.len() {
                            g.remove(i);
                        }
                    }
                    Ok(())
                }
                _ => {
                    let i = self.index_of(idx, "list indices must be integers or slices")?;
                    let mut g = l.lock();
                    match norm_index(i, g.len()) {
                        Some(i) => {
                            g.remove(i);
                            Ok(())
                        }
                        None => Err(PyErr::index_error("list assignment index out of range")),
                    }
                }
            },
            Value::Dict(d) => match self.dict_del(d, idx)? {
                Some(_) => Ok(()),
                None => Err(PyErr::key_error(idx.clone())),
            },
            Value::Instance(_) => {
                if self
                    .call_special(obj, "__delitem__", std::slice::from_ref(idx))?
                    .is_some()
                {
                    return Ok(());
                }
                if let Some(b) = base_value(obj).cloned() {
                    return self.delitem(&b, idx);
                }
                Err(PyErr::type_error(format!(
                    "'{}' object doesn't support item deletion",
                    obj.type_name()
                )))
            }
            Value::Native(_) => {
                if let Some(f) = obj.class().lookup("__delitem__") {
                    self.call(&f, Args::new(&[obj.clone(), idx.clone()]))?;
                    return Ok(());
                }
                Err(PyErr::type_error(format!(
                    "'{}' object doesn't support item deletion",
                    obj.type_name()
                )))
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object doesn't support item deletion",
                obj.type_name()
            ))),
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => Err(PyErr::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    item.type_name()
                ))),
            },
            Value::Bytes(b) => match item {
                Value::Int(i) => Ok(b.contains(&(*i as u8))),
                Value::Bytes(sub) => {
                    Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == sub.as_slice()))
                }
                _ => Err(PyErr::type_error("a bytes-like object is required")),
            },
            Value::Dict(d) => Ok(self.dict_get(d, item)?.is_some()),
            Value::Set(s) => match item {
                Value::Set(inner) if !inner.frozen => {
                    let f = Value::Set(Arc::new(SetObj::from_inner(true, inner.lock().clone())));
                    self.set_contains(s, &f)
                }
                _ => self.set_contains(s, item),
            },
            Value::Range(r) => match item {
                Value::Int(i) => Ok(r.contains(*i)),
                Value::Bool(b) => Ok(r.contains(*b as i64)),
                Value::BigInt(b) => Ok(r.position_big(b).is_some()),
                _ => {
                    let it = self.get_iter(container)?;
                    self.iter_contains(&it, item)
                }
            },
            // Natively decided items under one lock session; `__eq__` without the lock.
            Value::List(l) => {
                Ok(crate::builtins::list_methods::find(self, l, item, 0, usize::MAX)?.is_some())
            }
            Value::Tuple(t) => {
                for x in t.items.iter() {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Instance(_) => {
                if let Some(r) =
                    self.call_special(container, "__contains__", std::slice::from_ref(item))?
                {
                    return self.truthy(&r);
                }
                if let Some(b) = base_value(container).cloned() {
                    return self.contains(&b, item);
                }
                if self.special(container, "__iter__").is_none()
                    && self.special(container, "__getitem__").is_none()
                {
                    return Err(PyErr::type_error(format!(
                        "argument of type '{}' is not iterable",
                        container.type_name()
                    )));
                }
                let it = self.get_iter(container)?;
                self.iter_contains(&it, item)
            }
            Value::Native(n) => {
                if let Some(view) = n.as_any().downcast_ref::<DictView>() {
                    let d = view.dict.clone();
                    return match view.kind {
                        ViewKind::Keys => Ok(self.dict_get(&d, item)?.is_some()),
                        ViewKind::Values => {
                            for (_, v) in d.items() {
                                if self.eq(&v, item)? {
                                    return Ok(true);
                                }
                            }
                            Ok(false)
                        }
                        ViewKind::Items => {
                            let pair = self.collect(item)?;
                            if pair.len() != 2 {
                                return Ok(false);
                            }
                            match self.dict_get(&d, &pair[0])? {
                                Some(v) => self.eq(&v, &pair[1]),
                                None => Ok(false),
                            }
                        }
                    };
                }
                let it = self.get_iter(container)?;
                self.iter_contains(&it, item)
            }
            Value::Class(c) => match c.meta.as_ref().and_then(|m| m.lookup("__contains__")) {
                // A metaclass's __contains__ (`sig in signal.Signals`).
                Some(f) => {
                    let r = self.call(&f, Args::new(&[container.clone(), item.clone()]))?;
                    self.truthy(&r)
                }
                None => Err(PyErr::type_error(format!(
                    "argument of type '{}' is not iterable",
                    container.type_name()
                ))),
            },
            _ => Err(PyErr::type_error(format!(
                "argument of type '{}' is not iterable",
                container.type_name()
            ))),
        }
    }

    pub(super) fn iter_contains(&mut self, it: &Value, item: &Value) -> PyResult<bool> {
        while let Some(x) = self.next(it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// Whether a slice's bounds are ints or None, so computing its indices runs no Python code
/// (no `__index__`) and may happen while a container's lock is held.
fn plain_slice(s: &crate::objects::SliceObj) -> bool {
    [&s.start, &s.stop, &s.step]
        .iter()
        .all(|v| matches!(v, Value::None | Value::Int(_) | Value::Bool(_)))
}
