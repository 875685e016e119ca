//! The object protocol: rich comparison.

use super::*;

impl Vm {
    // ----- rich comparison --------------------------------------------------------------

    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        match op {
            CmpOp::Is => return Ok(Value::Bool(a.is(b))),
            CmpOp::IsNot => return Ok(Value::Bool(!a.is(b))),
            CmpOp::In => return Ok(Value::Bool(self.contains(b, a)?)),
            CmpOp::NotIn => return Ok(Value::Bool(!self.contains(b, a)?)),
            _ => {}
        }
        // Fast paths for builtin values.
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => {
                return Ok(Value::Bool(ord_matches(op, Some(x.cmp(y)))))
            }
            (Value::Float(x), Value::Float(y)) => {
                return Ok(Value::Bool(ord_matches(op, x.partial_cmp(y))))
            }
            _ => {}
        }
        if let (Some(x), Some(y)) = (as_number(a), as_number(b)) {
            let o = int::num_cmp(&x, &y);
            return Ok(Value::Bool(ord_matches(op, o)));
        }
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => {
                return Ok(Value::Bool(ord_matches(
                    op,
                    Some(x.as_str().cmp(y.as_str())),
                )))
            }
            (Value::Bytes(x), Value::Bytes(y)) => {
                return Ok(Value::Bool(ord_matches(
                    op,
                    Some(x.as_slice().cmp(y.as_slice())),
                )))
            }
            // Tuples are immutable: compare their items in place.
            (Value::Tuple(x), Value::Tuple(y)) => return self.compare_seq(op, &x.items, &y.items),
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.snapshot(), y.snapshot());
                return self.compare_seq(op, &x, &y);
            }
            (Value::Dict(x), Value::Dict(y)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                let eq = self.dict_eq(x, y)?;
                return Ok(Value::Bool(eq == (op == CmpOp::Eq)));
            }
            (Value::Set(x), Value::Set(y)) => return self.compare_sets(op, x, y),
            (Value::Slice(x), Value::Slice(y)) => {
                let a = [x.start.clone(), x.stop.clone(), x.step.clone()];
                let b = [y.start.clone(), y.stop.clone(), y.step.clone()];
                return self.compare_seq(op, &a, &b);
            }
            // Bound methods are equal when bound to the same object with equal functions.
            (Value::BoundMethod(x), Value::BoundMethod(y))
                if matches!(op, CmpOp::Eq | CmpOp::NotEq) =>
            {
                let same = x.self_.is(&y.self_) && {
                    let (f, g) = (x.func.clone(), y.func.clone());
                    self.eq(&f, &g)?
                };
                return Ok(Value::Bool(same == (op == CmpOp::Eq)));
            }
            (Value::Builtin(x), Value::Builtin(y))
                if matches!(op, CmpOp::Eq | CmpOp::NotEq) && x.bound.is_some() =>
            {
                let same = x.name == y.name
                    && x.owner == y.owner
                    && matches!((&x.bound, &y.bound), (Some(p), Some(q)) if p.is(q));
                return Ok(Value::Bool(same == (op == CmpOp::Eq)));
            }
            (Value::Range(x), Value::Range(y)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                return Ok(Value::Bool(x.same(y) == (op == CmpOp::Eq)));
            }
            _ => {}
        }
        let (name, rname) = cmp_dunder(op);
        // Reflected first when b's class is a proper subclass of a's and overrides it.
        let a_cls = a.class();
        let b_cls = b.class();
        let reflect_first = !Arc::ptr_eq(&a_cls, &b_cls)
            && b_cls.is_subclass(&a_cls)
            && (self.special(b, rname).is_some()
                || rname == "__ne__" && self.special(b, "__eq__").is_some());
        if reflect_first {
            if let Some(r) = self.call_cmp(b, rname, a)? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = self.call_cmp(a, name, b)? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if !reflect_first {
            if let Some(r) = self.call_cmp(b, rname, a)? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        // Subclasses of builtins compare through their payloads.
        if base_value(a).is_some() || base_value(b).is_some() {
            let x = base_value(a).cloned().unwrap_or_else(|| a.clone());
            let y = base_value(b).cloned().unwrap_or_else(|| b.clone());
            return self.compare(op, &x, &y);
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::NotEq => Ok(Value::Bool(!a.is(b))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                cmp_symbol(op),
                a.type_name(),
                b.type_name()
            ))),
        }
    }

    /// Calls one comparison dunder; a class without its own `__ne__` gets `object.__ne__`,
    /// which inverts `__eq__` (unless that returns NotImplemented).
    fn call_cmp(&mut self, obj: &Value, name: &str, other: &Value) -> PyResult<Option<Value>> {
        if name == "__ne__" && self.special(obj, "__ne__").is_none() {
            return match self.call_special(obj, "__eq__", std::slice::from_ref(other))? {
                Some(Value::NotImplemented) => Ok(Some(Value::NotImplemented)),
                Some(v) => Ok(Some(Value::Bool(!self.truthy(&v)?))),
                None => Ok(None),
            };
        }
        self.call_special(obj, name, std::slice::from_ref(other))
    }

    pub(super) fn compare_seq(&mut self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<Value> {
        self.enter_native(" in comparison")?;
        let r = self.compare_seq_inner(op, x, y);
        self.leave();
        r
    }

    pub(super) fn compare_seq_inner(
        &mut self,
        op: CmpOp,
        x: &[Value],
        y: &[Value],
    ) -> PyResult<Value> {
        if matches!(op, CmpOp::Eq | CmpOp::NotEq) && x.len() != y.len() {
            return Ok(Value::Bool(op == CmpOp::NotEq));
        }
        for (p, q) in x.iter().zip(y.iter()) {
            if !self.eq(p, q)? {
                return match op {
                    CmpOp::Eq => Ok(Value::Bool(false)),
                    CmpOp::NotEq => Ok(Value::Bool(true)),
                    _ => self.compare(op, p, q),
                };
            }
        }
        Ok(Value::Bool(ord_matches(op, Some(x.len().cmp(&y.len())))))
    }

    pub(super) fn dict_eq(&mut self, x: &Arc<DictObj>, y: &Arc<DictObj>) -> PyResult<bool> {
        if Arc::ptr_eq(x, y) {
            return Ok(true);
        }
        if x.len() != y.len() {
            return Ok(false);
        }
        for (k, v) in x.items() {
            match self.dict_get(y, &k)? {
                Some(w) => {
                    if !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    pub(super) fn compare_sets(
        &mut self,
        op: CmpOp,
        x: &Arc<SetObj>,
        y: &Arc<SetObj>,
    ) -> PyResult<Value> {
        let xs = x.keys();
        let ys = y.keys();
        let mut x_in_y = true;
        for k in &xs {
            if !self.set_contains(y, k)? {
                x_in_y = false;
                break;
            }
        }
        let mut y_in_x = true;
        for k in &ys {
            if !self.set_contains(x, k)? {
                y_in_x = false;
                break;
            }
        }
        Ok(Value::Bool(match op {
            CmpOp::Eq => x_in_y && y_in_x,
            CmpOp::NotEq => !(x_in_y && y_in_x),
            CmpOp::LtE => x_in_y,
            CmpOp::Lt => x_in_y && !y_in_x,
            CmpOp::GtE => y_in_x,
            CmpOp::Gt => y_in_x && !x_in_y,
            _ => false,
        }))
    }

    /// `a < b` etc. as a bool, for sorting and min/max.
    pub fn less_than(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x < y);
        }
        let r = self.compare(CmpOp::Lt, a, b)?;
        self.truthy(&r)
    }
}
