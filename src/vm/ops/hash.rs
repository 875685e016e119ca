//! The object protocol: hashing and equality.

use super::*;

impl Vm {
    // ----- hashing and equality ---------------------------------------------------------

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        Ok(match v {
            Value::None => 0x5f5e_1f3d,
            Value::Bool(b) => *b as i64,
            Value::Int(i) => int::hash_i64(*i),
            Value::BigInt(b) => int::hash_big(b),
            Value::Float(f) => int::hash_f64(*f),
            Value::Str(s) => s.hash(),
            Value::Bytes(b) => pystr::hash_bytes(b),
            Value::Tuple(t) => {
                let mut hs = Vec::with_capacity(t.len());
                self.enter_native(" while calling a Python object")?;
                for it in t.items.iter() {
                    match self.hash(it) {
                        Ok(h) => hs.push(h),
                        Err(e) => {
                            self.leave();
                            return Err(e);
                        }
                    }
                }
                self.leave();
                tuple::hash_tuple(hs.into_iter(), t.len())
            }
            Value::Set(s) if s.frozen => {
                // CPython's frozenset hash: order-independent mix of the entry hashes.
                let mut h: u64 = 0;
                for (eh, _) in s.lock().iter() {
                    let x = eh as u64;
                    h ^= ((x ^ 89869747) ^ (x << 16)).wrapping_mul(3644798167);
                }
                h ^= (s.len() as u64 + 1).wrapping_mul(1927868237);
                h = h ^ (h >> 11) ^ (h >> 25);
                h = h.wrapping_mul(69069).wrapping_add(907133923);
                let h = h as i64;
                if h == -1 {
                    590923713
                } else {
                    h
                }
            }
            Value::Range(r) => {
                let key = r.hash_key();
                let mut hs = [0; 3];
                for (h, v) in hs.iter_mut().zip(key.iter()) {
                    *h = self.hash(v)?;
                }
                tuple::hash_tuple(hs.into_iter(), 3)
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
                return Err(PyErr::type_error(format!(
                    "unhashable type: '{}'",
                    v.type_name()
                )))
            }
            // Consistent with bound-method equality: the receiver's identity and the function.
            Value::BoundMethod(m) => {
                let f = m.func.clone();
                identity_hash(&m.self_) ^ self.hash(&f)?
            }
            Value::Builtin(b) if b.bound.is_some() => {
                let me = b.bound.as_ref().map_or(0, identity_hash);
                me ^ pystr::hash_bytes(b.name.as_bytes())
            }
            Value::Instance(i) => {
                let cls = i.class();
                match cls.lookup_with_owner("__hash__") {
                    Some((Value::None, _)) => {
                        return Err(PyErr::type_error(format!(
                            "unhashable type: '{}'",
                            cls.name
                        )))
                    }
                    Some((f, owner)) if !Arc::ptr_eq(&owner, &types().object) => {
                        let r = self.call(&f, Args::new(std::slice::from_ref(v)))?;
                        return match r {
                            Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                            Value::BigInt(b) => Ok(int::hash_big(&b)),
                            Value::Bool(b) => Ok(b as i64),
                            _ => Err(PyErr::type_error(
                                "__hash__ method should return an integer",
                            )),
                        };
                    }
                    _ => {
                        // A class that defines __eq__ without __hash__ is unhashable.
                        if let Some((_, owner)) = cls.lookup_with_owner("__eq__") {
                            if !Arc::ptr_eq(&owner, &types().object) {
                                let own_hash = owner.dict.get_str("__hash__");
                                if own_hash.is_none() {
                                    return Err(PyErr::type_error(format!(
                                        "unhashable type: '{}'",
                                        cls.name
                                    )));
                                }
                            }
                        }
                        if let Some(b) = base_value(v) {
                            return self.hash(&b.clone());
                        }
                        identity_hash(v)
                    }
                }
            }
            _ => identity_hash(v),
        })
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = crate::objects::dict::native_eq(a, b) {
            // native_eq is exact for builtin values; containers may hold instances, so it
            // returns None for those and we fall through to the full protocol.
            return Ok(r);
        }
        let r = self.compare(CmpOp::Eq, a, b)?;
        self.truthy(&r)
    }
}
