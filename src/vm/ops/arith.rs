//! The object protocol: arithmetic, in-place operators, unary operators.

use super::*;

impl Vm {
    // ----- arithmetic -------------------------------------------------------------------

    pub fn binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let Some(r) = int::int_binop(op, a, b) {
            return r;
        }
        if let (Some(x), Some(y)) = (as_number(a), as_number(b)) {
            let (fx, fy) = (num_to_f64(&x)?, num_to_f64(&y)?);
            return float::float_binop(op, fx, fy);
        }
        if let Some(r) = self.builtin_binop(op, a, b)? {
            return Ok(r);
        }
        let (name, rname, _) = binop_dunder(op);
        let a_cls = a.class();
        let b_cls = b.class();
        let reflect_first = !Arc::ptr_eq(&a_cls, &b_cls)
            && b_cls.is_subclass(&a_cls)
            && self.special(b, rname).is_some();
        if reflect_first {
            if let Some(r) = self.call_special(b, rname, std::slice::from_ref(a))? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = self.call_special(a, name, std::slice::from_ref(b))? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if !reflect_first && !Arc::ptr_eq(&a_cls, &b_cls) {
            if let Some(r) = self.call_special(b, rname, std::slice::from_ref(a))? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if base_value(a).is_some() || base_value(b).is_some() {
            let x = base_value(a).cloned().unwrap_or_else(|| a.clone());
            let y = base_value(b).cloned().unwrap_or_else(|| b.clone());
            return self.binop(op, &x, &y);
        }
        if matches!(op, BinOp::Mult) {
            // Sequence repetition by an object with __index__ (after its own dunders said no).
            let is_seq = |v: &Value| {
                matches!(
                    v,
                    Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
                )
            };
            for (s, n) in [(a, b), (b, a)] {
                if is_seq(s) {
                    if self.special(n, "__index__").is_some() {
                        let i = self.index_of(n, "")?;
                        return self.repeat(s, &Value::Int(i));
                    }
                    return Err(PyErr::type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        n.type_name()
                    )));
                }
            }
        }
        Err(binop_type_error(op, a, b))
    }

    /// Operators of builtin non-numeric types: sequences, sets, dicts, str formatting.
    pub(super) fn builtin_binop(
        &mut self,
        op: BinOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<Value>> {
        Ok(Some(match (op, a, b) {
            (BinOp::Add, Value::Str(x), Value::Str(y)) => {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Value::str(s)
            }
            (BinOp::Add, Value::Str(_), other) if !matches!(other, Value::Instance(_)) => {
                return Err(PyErr::type_error(format!(
                    "can only concatenate str (not \"{}\") to str",
                    other.type_name()
                )))
            }
            (BinOp::Add, Value::List(x), Value::List(y)) => {
                let mut v = x.snapshot();
                v.extend(y.snapshot());
                Value::list(v)
            }
            (BinOp::Add, Value::List(_), other) if !matches!(other, Value::Instance(_)) => {
                return Err(PyErr::type_error(format!(
                    "can only concatenate list (not \"{}\") to list",
                    other.type_name()
                )))
            }
            (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = x.items.to_vec();
                v.extend(y.items.iter().cloned());
                Value::tuple(v)
            }
            (BinOp::Add, Value::Tuple(_), other) if !matches!(other, Value::Instance(_)) => {
                return Err(PyErr::type_error(format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    other.type_name()
                )))
            }
            (BinOp::Add, Value::Bytes(x), Value::Bytes(y)) => {
                let mut v = (**x).clone();
                v.extend_from_slice(y);
                Value::Bytes(Arc::new(v))
            }
            (
                BinOp::Mult,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_),
                n,
            ) if is_intlike(n) => return self.repeat(a, n).map(Some),
            (
                BinOp::Mult,
                n,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_),
            ) if is_intlike(n) => return self.repeat(b, n).map(Some),
            (
                BinOp::Mult,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_),
                n,
            ) if !matches!(n, Value::Instance(_) | Value::Native(_)) => {
                return Err(PyErr::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    n.type_name()
                )))
            }
            (
                BinOp::Mult,
                n,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_),
            ) if !matches!(n, Value::Instance(_) | Value::Native(_)) => {
                return Err(PyErr::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    n.type_name()
                )))
            }
            (BinOp::Mod, Value::Str(fmt), args) => {
                return crate::builtins::format::percent_format(self, fmt.as_str(), args)
                    .map(|s| Some(Value::str(s)))
            }
            (
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
                Value::Set(x),
                Value::Set(y),
            ) => return self.set_op(op, x, y).map(Some),
            (BinOp::BitOr, Value::Dict(x), Value::Dict(y)) => {
                let d = Arc::new(DictObj::from_inner(x.lock().clone()));
                for (k, v) in y.items() {
                    self.dict_set(&d, k, v)?;
                }
                Value::Dict(d)
            }
            _ => return Ok(None),
        }))
    }

    pub(super) fn repeat(&mut self, seq: &Value, n: &Value) -> PyResult<Value> {
        let n = match n {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            _ => {
                return Err(PyErr::overflow_error(
                    "cannot fit 'int' into an index-sized integer",
                ))
            }
        };
        let n = n.max(0) as usize;
        let len = match seq {
            Value::Str(s) => s.as_str().len(),
            Value::List(l) => l.len(),
            Value::Tuple(t) => t.len(),
            Value::Bytes(b) => b.len(),
            _ => 0,
        };
        if len.saturating_mul(n) > MAX_REPEAT_ITEMS {
            return Err(PyErr::new(ExcKind::MemoryError, ""));
        }
        Ok(match seq {
            Value::Str(s) => Value::str(s.as_str().repeat(n)),
            Value::List(l) => {
                let items = l.snapshot();
                let mut v = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    v.extend(items.iter().cloned());
                }
                Value::list(v)
            }
            Value::Tuple(t) => {
                let mut v = Vec::with_capacity(t.len() * n);
                for _ in 0..n {
                    v.extend(t.items.iter().cloned());
                }
                Value::tuple(v)
            }
            Value::Bytes(b) => Value::Bytes(Arc::new(b.repeat(n))),
            _ => Value::None,
        })
    }

    /// `x | y`, `x & y`, `x - y`, `x ^ y` on sets, built in CPython's insertion order
    /// (`builtins::set_methods`).
    pub fn set_op(&mut self, op: BinOp, x: &Arc<SetObj>, y: &Arc<SetObj>) -> PyResult<Value> {
        crate::builtins::set_methods::set_operator(self, op, x, y)
    }

    /// `a op= b`: mutates lists and sets in place, tries `__iop__`, else the binary op.
    pub fn inplace_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        match (op, a) {
            (BinOp::Add, Value::List(l)) => {
                let items = self.collect(b)?;
                l.lock().extend(items);
                return Ok(a.clone());
            }
            (BinOp::Mult, Value::List(l)) if is_intlike(b) => {
                let n = match b {
                    Value::Int(i) => (*i).max(0) as usize,
                    Value::Bool(x) => *x as usize,
                    _ => 0,
                };
                let mut g = l.lock();
                let items = g.clone();
                g.clear();
                for _ in 0..n {
                    g.extend(items.iter().cloned());
                }
                return Ok(a.clone());
            }
            (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Value::Set(s))
                if !s.frozen && matches!(b, Value::Set(_)) =>
            {
                let Value::Set(other) = b else { unreachable!() };
                crate::builtins::set_methods::set_inplace(self, op, s, other)?;
                return Ok(a.clone());
            }
            (BinOp::BitOr, Value::Dict(d)) => {
                self.dict_update(d, b)?;
                return Ok(a.clone());
            }
            (_, Value::Instance(_)) => {
                let (_, _, iname) = binop_dunder(op);
                if let Some(r) = self.call_special(a, iname, std::slice::from_ref(b))? {
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
                // A subclass of list/dict/set updates its payload in place and stays itself
                // (`x += [1]` keeps `x` an instance of the subclass).
                if let Some(base @ (Value::List(_) | Value::Dict(_) | Value::Set(_))) =
                    base_value(a).cloned()
                {
                    let r = self.inplace_op(op, &base, b)?;
                    return Ok(if r.is(&base) { a.clone() } else { r });
                }
            }
            _ => {}
        }
        match self.binop(op, a, b) {
            // The message names the augmented operator (`+=`), as CPython's does.
            Err(e) if e.is(ExcKind::TypeError) && same_message(&e, &binop_type_error(op, a, b)) => {
                Err(PyErr::type_error(format!(
                    "unsupported operand type(s) for {}=: '{}' and '{}'",
                    if op == BinOp::Pow { "**" } else { op.symbol() },
                    a.type_name(),
                    b.type_name()
                )))
            }
            r => r,
        }
    }

    /// `dict.update(other)` for a mapping or an iterable of pairs.
    pub fn dict_update(&mut self, d: &Arc<DictObj>, other: &Value) -> PyResult<()> {
        match other {
            Value::Dict(o) => {
                for (k, v) in o.items() {
                    self.dict_set(d, k, v)?;
                }
            }
            _ if self.has_attr(other, "keys")? => {
                let keys = self.call_method(other, "keys", &[])?;
                for k in self.collect(&keys)? {
                    let v = self.getitem(other, &k)?;
                    self.dict_set(d, k, v)?;
                }
            }
            _ => {
                for (i, item) in self.collect(other)?.into_iter().enumerate() {
                    let pair = self.collect(&item).map_err(|_| {
                        PyErr::type_error(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        ))
                    })?;
                    if pair.len() != 2 {
                        return Err(PyErr::value_error(format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            pair.len()
                        )));
                    }
                    let mut it = pair.into_iter();
                    let (k, v) = (
                        it.next().unwrap_or(Value::None),
                        it.next().unwrap_or(Value::None),
                    );
                    self.dict_set(d, k, v)?;
                }
            }
        }
        Ok(())
    }

    pub fn neg(&mut self, a: &Value) -> PyResult<Value> {
        match a {
            Value::Int(i) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => int::normalize(-num_bigint::BigInt::from(*i)),
            }),
            Value::Bool(b) => Ok(Value::Int(-(*b as i64))),
            Value::BigInt(b) => Ok(int::normalize(-(**b).clone())),
            Value::Float(f) => Ok(Value::Float(-f)),
            _ => self.unary_special(a, "__neg__", "-"),
        }
    }

    pub fn pos(&mut self, a: &Value) -> PyResult<Value> {
        match a {
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) => Ok(a.clone()),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            _ => self.unary_special(a, "__pos__", "+"),
        }
    }

    pub fn invert(&mut self, a: &Value) -> PyResult<Value> {
        match a {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::Bool(b) => Ok(Value::Int(!(*b as i64))),
            Value::BigInt(b) => Ok(int::normalize(-(**b).clone() - 1)),
            _ => self.unary_special(a, "__invert__", "~"),
        }
    }

    pub(super) fn unary_special(&mut self, a: &Value, name: &str, sym: &str) -> PyResult<Value> {
        if let Some(r) = self.call_special(a, name, &[])? {
            return Ok(r);
        }
        Err(PyErr::type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            a.type_name()
        )))
    }
}

/// True when two exceptions carry the same message (first argument).
fn same_message(a: &PyErr, b: &PyErr) -> bool {
    let msg = |e: &PyErr| {
        crate::objects::exception::exc_state(&e.0).and_then(|st| match st.lock().args.first() {
            Some(Value::Str(s)) => Some(s.as_str().to_string()),
            _ => None,
        })
    };
    matches!((msg(a), msg(b)), (Some(x), Some(y)) if x == y)
}
