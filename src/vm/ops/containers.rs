//! The object protocol: dict and set operations that may call Python code (keys compared outside the lock).

use super::*;

impl Vm {
    // ----- dict and set operations that may call Python ---------------------------------

    /// Resolves a lookup whose candidates need `__eq__`: compares without the lock, then
    /// finds the winner again by identity.
    pub(super) fn resolve<F, G>(
        &mut self,
        key: &Value,
        mut find: F,
        mut find_ident: G,
    ) -> PyResult<Option<usize>>
    where
        F: FnMut() -> Find,
        G: FnMut(&Value) -> Option<usize>,
    {
        // Bounded retries: each retry means another thread mutated the table meanwhile.
        for _ in 0..16 {
            match find() {
                Find::At(i) => return Ok(Some(i)),
                Find::Missing => return Ok(None),
                Find::Unsure(cands) => {
                    let mut winner = None;
                    for c in &cands {
                        if self.eq(c, key)? {
                            winner = Some(c.clone());
                            break;
                        }
                    }
                    match winner {
                        None => return Ok(None),
                        Some(w) => {
                            if let Some(i) = find_ident(&w) {
                                return Ok(Some(i));
                            }
                        }
                    }
                }
            }
        }
        Err(PyErr::runtime_error(
            "dictionary changed size during iteration",
        ))
    }

    pub fn dict_get(&mut self, d: &Arc<DictObj>, key: &Value) -> PyResult<Option<Value>> {
        if let Value::Str(s) = key {
            if let Some(v) = d.lock().get_str(s.as_str(), s.hash()) {
                return Ok(Some(v.clone()));
            }
            // A miss may still match a key of a str subclass with the same hash: the
            // general lookup below compares those through `__eq__`.
        }
        let h = self.hash(key)?;
        let found = self.resolve(
            key,
            || d.lock().find(key, h),
            |w| d.lock().find_identical(w, h),
        )?;
        Ok(found.and_then(|i| d.lock().entry(i).map(|e| e.value.clone())))
    }

    /// `d.setdefault(key, default)`, atomic as under CPython's GIL: two threads setting
    /// defaults for one key both get the one value stored (`d.setdefault(k, []).append(x)`).
    pub fn dict_setdefault(
        &mut self,
        d: &Arc<DictObj>,
        key: Value,
        default: Value,
    ) -> PyResult<Value> {
        let h = self.hash(&key)?;
        loop {
            // Natively compared keys are decided here in one lock session; a key that needs
            // Python `__eq__` is resolved without the lock, then checked again under it.
            // (Bound first: the guard must be gone before `resolve` runs `__eq__`.)
            let first = d.lock().find(&key, h);
            let found = match first {
                Find::Unsure(_) => self.resolve(
                    &key,
                    || d.lock().find(&key, h),
                    |w| d.lock().find_identical(w, h),
                )?,
                Find::At(i) => Some(i),
                Find::Missing => None,
            };
            let mut g = d.lock();
            match found {
                Some(i) => {
                    if let Some(e) = g.entry(i) {
                        return Ok(e.value.clone());
                    }
                }
                None => match g.find(&key, h) {
                    Find::At(i) => {
                        if let Some(e) = g.entry(i) {
                            return Ok(e.value.clone());
                        }
                    }
                    Find::Missing => {
                        g.push(h, key, default.clone());
                        return Ok(default);
                    }
                    Find::Unsure(_) => {}
                },
            }
        }
    }

    pub fn dict_set(&mut self, d: &Arc<DictObj>, key: Value, value: Value) -> PyResult<()> {
        if let Value::Str(_) = key {
            d.set_str_value(key, value);
            return Ok(());
        }
        let h = self.hash(&key)?;
        {
            // Keys the table compares natively (ints, floats, tuples of those...): one lock
            // session decides.
            let mut g = d.lock();
            match g.find(&key, h) {
                Find::At(i) => {
                    let old = g.value_mut(i).map(|slot| std::mem::replace(slot, value));
                    drop(g);
                    drop(old);
                    return Ok(());
                }
                Find::Missing => {
                    g.push(h, key, value);
                    return Ok(());
                }
                Find::Unsure(_) => {}
            }
        }
        loop {
            let found = self.resolve(
                &key,
                || d.lock().find(&key, h),
                |w| d.lock().find_identical(w, h),
            )?;
            let mut g = d.lock();
            match found {
                Some(i) => {
                    if let Some(slot) = g.value_mut(i) {
                        *slot = value;
                        return Ok(());
                    }
                }
                None => {
                    // Re-check natively under the lock: another thread may have inserted it.
                    match g.find(&key, h) {
                        Find::At(i) => {
                            if let Some(slot) = g.value_mut(i) {
                                *slot = value;
                            }
                            return Ok(());
                        }
                        Find::Missing => {
                            g.push(h, key, value);
                            return Ok(());
                        }
                        Find::Unsure(_) => continue,
                    }
                }
            }
        }
    }

    pub fn dict_del(&mut self, d: &Arc<DictObj>, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let found = self.resolve(
            key,
            || d.lock().find(key, h),
            |w| d.lock().find_identical(w, h),
        )?;
        Ok(match found {
            Some(i) => d.lock().remove_at(i).map(|e| e.value),
            None => None,
        })
    }

    pub fn set_contains(&mut self, s: &Arc<SetObj>, key: &Value) -> PyResult<bool> {
        let h = self.hash(key)?;
        Ok(self
            .resolve(
                key,
                || s.lock().find(key, h),
                |w| s.lock().find_identical(w, h),
            )?
            .is_some())
    }

    pub fn set_add(&mut self, s: &Arc<SetObj>, key: Value) -> PyResult<()> {
        let h = self.hash(&key)?;
        {
            // Keys the table compares natively: one lock session decides.
            let mut g = s.lock();
            match g.find(&key, h) {
                Find::At(_) => return Ok(()),
                Find::Missing => {
                    g.insert_new(h, key);
                    return Ok(());
                }
                Find::Unsure(_) => {}
            }
        }
        loop {
            let found = self.resolve(
                &key,
                || s.lock().find(&key, h),
                |w| s.lock().find_identical(w, h),
            )?;
            if found.is_some() {
                return Ok(());
            }
            let mut g = s.lock();
            match g.find(&key, h) {
                Find::At(_) => return Ok(()),
                Find::Missing => {
                    g.insert_new(h, key);
                    return Ok(());
                }
                Find::Unsure(_) => continue,
            }
        }
    }

    pub fn set_discard(&mut self, s: &Arc<SetObj>, key: &Value) -> PyResult<bool> {
        let h = self.hash(key)?;
        let found = self.resolve(
            key,
            || s.lock().find(key, h),
            |w| s.lock().find_identical(w, h),
        )?;
        Ok(match found {
            Some(i) => s.lock().remove_at(i).is_some(),
            None => false,
        })
    }
}
