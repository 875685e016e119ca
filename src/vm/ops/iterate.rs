//! The object protocol: iteration: iter(), next(), collect.

use super::*;

impl Vm {
    // ----- iteration ----------------------------------------------------------------------

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        Ok(match v {
            Value::List(l) => Value::new_iter(IterKind::List(l.clone())),
            Value::Tuple(t) => Value::new_iter(IterKind::Tuple(t.clone())),
            Value::Str(s) => Value::new_iter(IterKind::Str(s.clone())),
            Value::Bytes(b) => Value::new_iter(IterKind::Bytes(b.clone())),
            Value::Range(r) => Value::new_iter(r.iter_kind()),
            Value::Dict(d) => Value::new_iter(IterKind::DictKeys(d.clone())),
            Value::Set(s) => Value::new_iter(IterKind::Set(s.clone())),
            Value::Native(n) => {
                if n.as_any().is::<IterObj>() || n.as_any().is::<crate::vm::generator::Generator>()
                {
                    return Ok(v.clone());
                }
                if let Some(view) = n.as_any().downcast_ref::<DictView>() {
                    let d = view.dict.clone();
                    return Ok(Value::new_iter(match view.kind {
                        ViewKind::Keys => IterKind::DictKeys(d),
                        ViewKind::Values => IterKind::DictValues(d),
                        ViewKind::Items => IterKind::DictItems(d),
                    }));
                }
                if let Some(it) = native_iter(self, v)? {
                    return Ok(it);
                }
                return self.iter_via_class(v);
            }
            Value::Instance(_) => {
                if let Some(it) = self.call_special(v, "__iter__", &[])? {
                    if self.special(&it, "__next__").is_none()
                        && !matches!(&it, Value::Native(n) if n.as_any().is::<IterObj>() || n.as_any().is::<crate::vm::generator::Generator>())
                        && native_iter(self, &it)?.is_none()
                    {
                        return Err(PyErr::type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            it.type_name()
                        )));
                    }
                    return Ok(it);
                }
                if let Some(b) = base_value(v).cloned() {
                    return self.get_iter(&b);
                }
                if self.special(v, "__getitem__").is_some() {
                    return Ok(Value::new_iter(IterKind::SeqGetItem(v.clone())));
                }
                return Err(PyErr::type_error(format!(
                    "'{}' object is not iterable",
                    v.type_name()
                )));
            }
            // A metaclass's __iter__ (`list(signal.Signals)`).
            Value::Class(c)
                if c.meta
                    .as_ref()
                    .is_some_and(|m| m.lookup("__iter__").is_some()) =>
            {
                return self.iter_via_class(v);
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not iterable",
                    v.type_name()
                )))
            }
        })
    }

    pub(super) fn iter_via_class(&mut self, v: &Value) -> PyResult<Value> {
        let cls = v.class();
        if let Some(f) = cls.lookup("__iter__") {
            return self.call(&f, Args::new(std::slice::from_ref(v)));
        }
        Err(PyErr::type_error(format!(
            "'{}' object is not iterable",
            v.type_name()
        )))
    }

    /// `next(it)`: Some(value), or None when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Native(n) => {
                if let Some(io) = n.as_any().downcast_ref::<IterObj>() {
                    return crate::vm::iter::next_builtin(self, io);
                }
                if let Some(g) = n.as_any().downcast_ref::<crate::vm::generator::Generator>() {
                    return crate::vm::generator::gen_next(self, g, it);
                }
                if let Some(r) = native_next(self, it)? {
                    return Ok(r);
                }
                let cls = it.class();
                if let Some(f) = cls.lookup("__next__") {
                    return match self.call(&f, Args::new(std::slice::from_ref(it))) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if e.is(ExcKind::StopIteration) => Ok(None),
                        Err(e) => Err(e),
                    };
                }
                Err(PyErr::type_error(format!(
                    "'{}' object is not an iterator",
                    it.type_name()
                )))
            }
            Value::Instance(_) => match self.call_special(it, "__next__", &[]) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) => Err(PyErr::type_error(format!(
                    "'{}' object is not an iterator",
                    it.type_name()
                ))),
                Err(e) if e.is(ExcKind::StopIteration) => Ok(None),
                Err(e) => Err(e),
            },
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not an iterator",
                it.type_name()
            ))),
        }
    }

    /// Collects any iterable into a vector.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.snapshot()),
            Value::Tuple(t) => Ok(t.items.to_vec()),
            _ => {
                let it = self.get_iter(v)?;
                if let Value::Native(n) = &it {
                    if let Some(io) = n.as_any().downcast_ref::<IterObj>() {
                        // A builtin iterator: a range or list iterator is taken whole under
                        // one lock of its position, others item by item without re-dispatch.
                        if let Some(out) = crate::vm::iter::drain_simple(io) {
                            return Ok(out);
                        }
                        let mut out = Vec::new();
                        while let Some(x) = crate::vm::iter::next_builtin(self, io)? {
                            out.push(x);
                        }
                        return Ok(out);
                    }
                }
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                }
                Ok(out)
            }
        }
    }
}
