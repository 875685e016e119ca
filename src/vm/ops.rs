//! The object protocol: truth, repr/str, hash, comparison, arithmetic, attributes, items,
//! iteration. Builtin types take native fast paths; instances of user classes go through
//! their special methods. No internal lock is held while a special method runs.

use super::Vm;
use crate::objects::class::types;
use crate::objects::descr::{ClassMethod, Property, StaticMethod, Super};
use crate::objects::dict::Find;
use crate::objects::exception::exc_state;
use crate::objects::function::Args;
use crate::objects::instance::Payload;
use crate::objects::int::{self, as_number, Num};
use crate::objects::iter::{DictView, IterKind, IterObj, ViewKind};
use crate::objects::{
    float, str as pystr, tuple, BoundMethod, Builtin, Class, DictObj, ExcKind, PyErr, PyResult,
    SetObj, Value,
};
use crate::parser::ast::{BinOp, CmpOp};
use std::cmp::Ordering;
use std::sync::Arc;

/// Items (bytes or elements) a single `seq * n` may produce before MemoryError: far more than
/// any script needs, far less than would make the allocator abort the process.
const MAX_REPEAT_ITEMS: usize = 1 << 32;

pub fn binop_dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mult => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    }
}

fn cmp_dunder(op: CmpOp) -> (&'static str, &'static str) {
    match op {
        CmpOp::Eq => ("__eq__", "__eq__"),
        CmpOp::NotEq => ("__ne__", "__ne__"),
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::LtE => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        CmpOp::GtE => ("__ge__", "__le__"),
        _ => ("", ""),
    }
}

pub fn cmp_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

/// Normalises a Python index against a length: `Some(i)` in range, None when out of range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        None
    } else {
        Some(i as usize)
    }
}

/// The user-visible builtin value inside a subclass instance of a builtin type.
pub fn base_value(v: &Value) -> Option<&Value> {
    match v {
        Value::Instance(i) => match &i.payload {
            Payload::Base(b) => Some(b),
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    // ----- special method helpers -------------------------------------------------------

    /// Looks up a special method on an instance's class (never the instance dict), skipping
    /// the defaults that `object` provides.
    pub fn special(&self, v: &Value, name: &str) -> Option<Value> {
        match v {
            Value::Instance(i) => {
                let cls = i.class();
                let (f, owner) = cls.lookup_with_owner(name)?;
                if Arc::ptr_eq(&owner, &types().object) {
                    return None;
                }
                if owner.base_kind == crate::objects::class::BaseKind::Builtin
                    && matches!(i.payload, Payload::Base(_))
                {
                    // A builtin base's own method (e.g. dict.__getitem__) is handled natively
                    // through the payload by the protocol (which also honours __missing__).
                    return None;
                }
                Some(f)
            }
            // Native objects (iterators, dict views, module types) get the special methods
            // their class dict defines, so builtin methods can implement operators for them.
            Value::Native(_) => {
                let cls = v.class();
                let (f, owner) = cls.lookup_with_owner(name)?;
                if Arc::ptr_eq(&owner, &types().object) {
                    return None;
                }
                Some(f)
            }
            _ => None,
        }
    }

    /// Calls `type(obj).name(obj, *args)`; None when the class does not define it.
    pub fn call_special(
        &mut self,
        obj: &Value,
        name: &str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let Some(f) = self.special(obj, name) else {
            return Ok(None);
        };
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(obj.clone());
        all.extend_from_slice(args);
        self.call_descriptor_method(&f, obj, &all).map(Some)
    }

    /// Calls a function found on a class as a method of `obj` (`all[0]` is obj).
    fn call_descriptor_method(&mut self, f: &Value, obj: &Value, all: &[Value]) -> PyResult<Value> {
        match f {
            Value::Native(n) => {
                if let Some(sm) = n.as_any().downcast_ref::<StaticMethod>() {
                    return self.call(&sm.func.clone(), Args::new(&all[1..]));
                }
                if let Some(cm) = n.as_any().downcast_ref::<ClassMethod>() {
                    let mut v = all.to_vec();
                    v[0] = Value::Class(obj.class());
                    return self.call(&cm.func.clone(), Args::new(&v));
                }
                self.call(f, Args::new(all))
            }
            _ => self.call(f, Args::new(all)),
        }
    }

    // ----- truth, repr, str -------------------------------------------------------------

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::BigInt(_) => true,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Set(s) => !s.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(_) => {
                if let Some(r) = self.call_special(v, "__bool__", &[])? {
                    return match r {
                        Value::Bool(b) => Ok(b),
                        other => Err(PyErr::type_error(format!(
                            "__bool__ should return bool, returned {}",
                            other.type_name()
                        ))),
                    };
                }
                if self.special(v, "__len__").is_some() {
                    return Ok(self.len(v)? != 0);
                }
                if let Some(b) = base_value(v) {
                    return self.truthy(&b.clone());
                }
                true
            }
            Value::Native(n) => {
                if let Some(view) = n.as_any().downcast_ref::<DictView>() {
                    !view.dict.is_empty()
                } else {
                    n.len(self, v)?.is_none_or(|l| l != 0)
                }
            }
            _ => true,
        })
    }

    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        if matches!(
            v,
            Value::Tuple(_) | Value::List(_) | Value::Dict(_) | Value::Set(_)
        ) {
            self.enter_native(" while getting the repr of an object")?;
            let r = self.repr_inner(v);
            self.leave();
            return r;
        }
        self.repr_inner(v)
    }

    fn repr_inner(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => b.to_string(),
            Value::Float(f) => float::repr(*f),
            Value::Str(s) => pystr::repr(s.as_str()),
            Value::Bytes(b) => pystr::bytes_repr(b),
            Value::Tuple(t) => {
                let items = t.items.to_vec();
                let inner = self.repr_seq(v, &items)?;
                if items.len() == 1 {
                    format!("({inner},)")
                } else {
                    format!("({inner})")
                }
            }
            Value::List(l) => {
                let items = l.snapshot();
                if self.repr_enter(v) {
                    return Ok("[...]".into());
                }
                let r = self.repr_seq(v, &items);
                self.repr_leave();
                format!("[{}]", r?)
            }
            Value::Dict(d) => {
                if self.repr_enter(v) {
                    return Ok("{...}".into());
                }
                let r = self.repr_dict_items(&d.items());
                self.repr_leave();
                format!("{{{}}}", r?)
            }
            Value::Set(s) => {
                let keys = s.keys();
                let name = if s.frozen { "frozenset" } else { "set" };
                if keys.is_empty() {
                    return Ok(format!("{name}()"));
                }
                if self.repr_enter(v) {
                    return Ok(format!("{name}(...)"));
                }
                let r = self.repr_seq(v, &keys);
                self.repr_leave();
                if s.frozen {
                    format!("frozenset({{{}}})", r?)
                } else {
                    format!("{{{}}}", r?)
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => {
                let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
                format!(
                    "slice({}, {}, {})",
                    self.repr(&a)?,
                    self.repr(&b)?,
                    self.repr(&c)?
                )
            }
            Value::Function(f) => format!("<function {} at {:#x}>", f.qualname(), addr(v)),
            Value::Builtin(b) => match &b.bound {
                Some(s) if !matches!(s, Value::Module(_)) => format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    s.type_name(),
                    addr(s)
                ),
                _ => format!("<built-in function {}>", b.name),
            },
            Value::BoundMethod(m) => {
                let fname = match &m.func {
                    Value::Function(f) => f.qualname().to_string(),
                    other => self.getattr(other, "__qualname__").ok().map_or_else(
                        || "?".to_string(),
                        |q| match q {
                            Value::Str(s) => s.as_str().to_string(),
                            _ => "?".into(),
                        },
                    ),
                };
                let s = m.self_.clone();
                format!("<bound method {} of {}>", fname, self.repr(&s)?)
            }
            Value::Class(c) => {
                let module = c.module_name();
                if module == "builtins" {
                    format!("<class '{}'>", c.qualname())
                } else {
                    format!("<class '{}.{}'>", module, c.qualname())
                }
            }
            Value::Module(m) => {
                if m.dict.get_str("__file__").is_some() {
                    let file = m.dict.get_str("__file__").unwrap_or(Value::None);
                    format!("<module '{}' from {}>", m.name, self.repr(&file)?)
                } else {
                    format!("<module '{}' (built-in)>", m.name)
                }
            }
            Value::Code(c) => format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.obj.name,
                addr(v),
                c.obj.source.name,
                c.obj.first_line
            ),
            Value::Cell(_) => format!("<cell at {:#x}>", addr(v)),
            Value::Instance(_) => {
                if let Some(r) = self.call_special(v, "__repr__", &[])? {
                    return match r {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        other => Err(PyErr::type_error(format!(
                            "__repr__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                if exc_state(v).is_some() {
                    return self.exception_repr(v);
                }
                if let Some(b) = base_value(v) {
                    return self.repr(&b.clone());
                }
                return self.default_repr(v);
            }
            Value::Native(n) => {
                if let Some(view) = n.as_any().downcast_ref::<DictView>() {
                    let (name, items) = match view.kind {
                        ViewKind::Keys => ("dict_keys", view.dict.keys()),
                        ViewKind::Values => (
                            "dict_values",
                            view.dict.items().into_iter().map(|(_, v)| v).collect(),
                        ),
                        ViewKind::Items => (
                            "dict_items",
                            view.dict
                                .items()
                                .into_iter()
                                .map(|(k, v)| Value::tuple(vec![k, v]))
                                .collect(),
                        ),
                    };
                    return Ok(format!("{name}([{}])", self.repr_seq(v, &items)?));
                }
                if let Some(p) = native_repr(self, v)? {
                    return Ok(p);
                }
                return self.default_repr(v);
            }
            Value::Undefined => "<undefined>".into(),
        })
    }

    /// `<__main__.A object at 0x7f...>`.
    pub fn default_repr(&mut self, v: &Value) -> PyResult<String> {
        let cls = v.class();
        let module = cls.module_name();
        let name = if module == "builtins" {
            cls.qualname().to_string()
        } else {
            format!("{}.{}", module, cls.qualname())
        };
        Ok(format!("<{} object at {:#x}>", name, addr(v)))
    }

    fn repr_enter(&mut self, v: &Value) -> bool {
        let p = v.heap_ptr().unwrap_or(0);
        if self.repr_stack.contains(&p) {
            return true;
        }
        self.repr_stack.push(p);
        false
    }
    fn repr_leave(&mut self) {
        self.repr_stack.pop();
    }

    fn repr_seq(&mut self, _container: &Value, items: &[Value]) -> PyResult<String> {
        let mut out = String::new();
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(it)?);
        }
        Ok(out)
    }

    fn repr_dict_items(&mut self, items: &[(Value, Value)]) -> PyResult<String> {
        let mut out = String::new();
        for (i, (k, v)) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(k)?);
            out.push_str(": ");
            out.push_str(&self.repr(v)?);
        }
        Ok(out)
    }

    pub fn exception_repr(&mut self, v: &Value) -> PyResult<String> {
        let args = exc_state(v)
            .map(|s| s.lock().args.clone())
            .unwrap_or_default();
        let name = v.class().name.to_string();
        let inner = self.repr_seq(v, &args)?;
        Ok(format!("{name}({inner})"))
    }

    /// `str(v)`.
    pub fn str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(_) => {
                if let Some(r) = self.call_special(v, "__str__", &[])? {
                    return match r {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        other => Err(PyErr::type_error(format!(
                            "__str__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                if let Some(st) = exc_state(v) {
                    let args = st.lock().args.clone();
                    let is_key_error = v.class().is_subclass(types().exc(ExcKind::KeyError));
                    let is_os_error = v.class().is_subclass(types().exc(ExcKind::OSError));
                    if is_os_error && (2..=3).contains(&args.len()) {
                        // `[Errno 2] No such file or directory: 'x'`, as CPython's OSError.
                        let mut s =
                            format!("[Errno {}] {}", self.str(&args[0])?, self.str(&args[1])?);
                        if let Some(f) = args.get(2) {
                            s.push_str(&format!(": {}", self.repr(f)?));
                        }
                        return Ok(s);
                    }
                    return match args.len() {
                        0 => Ok(String::new()),
                        1 if is_key_error => self.repr(&args[0]),
                        1 => self.str(&args[0]),
                        _ => self.repr(&Value::tuple(args)),
                    };
                }
                if self.special(v, "__repr__").is_some() {
                    return self.repr(v);
                }
                if let Some(b) = base_value(v) {
                    return self.str(&b.clone());
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

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
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
                return Err(PyErr::type_error(format!(
                    "unhashable type: '{}'",
                    v.type_name()
                )))
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
            (Value::Tuple(x), Value::Tuple(y)) => {
                let (x, y) = (x.items.to_vec(), y.items.to_vec());
                return self.compare_seq(op, &x, &y);
            }
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
            (Value::Range(x), Value::Range(y)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                let same = x.len() == y.len()
                    && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
                return Ok(Value::Bool(same == (op == CmpOp::Eq)));
            }
            _ => {}
        }
        let (name, rname) = cmp_dunder(op);
        // Reflected first when b's class is a proper subclass of a's and overrides it.
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
        if !reflect_first {
            if let Some(r) = self.call_special(b, rname, std::slice::from_ref(a))? {
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

    fn compare_seq(&mut self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<Value> {
        self.enter_native(" in comparison")?;
        let r = self.compare_seq_inner(op, x, y);
        self.leave();
        r
    }

    fn compare_seq_inner(&mut self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<Value> {
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

    fn dict_eq(&mut self, x: &Arc<DictObj>, y: &Arc<DictObj>) -> PyResult<bool> {
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

    fn compare_sets(&mut self, op: CmpOp, x: &Arc<SetObj>, y: &Arc<SetObj>) -> PyResult<Value> {
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

    // ----- dict and set operations that may call Python ---------------------------------

    /// Resolves a lookup whose candidates need `__eq__`: compares without the lock, then
    /// finds the winner again by identity.
    fn resolve<F, G>(
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

    pub fn dict_set(&mut self, d: &Arc<DictObj>, key: Value, value: Value) -> PyResult<()> {
        if let Value::Str(_) = key {
            d.set_str_value(key, value);
            return Ok(());
        }
        let h = self.hash(&key)?;
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
        Err(binop_type_error(op, a, b))
    }

    /// Operators of builtin non-numeric types: sequences, sets, dicts, str formatting.
    fn builtin_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
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

    fn repeat(&mut self, seq: &Value, n: &Value) -> PyResult<Value> {
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
        self.binop(op, a, b)
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

    fn unary_special(&mut self, a: &Value, name: &str, sym: &str) -> PyResult<Value> {
        if let Some(r) = self.call_special(a, name, &[])? {
            return Ok(r);
        }
        Err(PyErr::type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            a.type_name()
        )))
    }

    // ----- attributes -------------------------------------------------------------------

    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// The AttributeError for a missing attribute, carrying `name` and `obj` for suggestions.
    pub fn no_attribute(&mut self, obj: &Value, name: &str) -> PyErr {
        let msg = match obj {
            Value::Class(c) => format!("type object '{}' has no attribute '{}'", c.name, name),
            Value::Module(m) => format!("module '{}' has no attribute '{}'", m.name, name),
            _ => format!("'{}' object has no attribute '{}'", obj.type_name(), name),
        };
        let e = PyErr::attribute_error(msg);
        if let Value::Instance(i) = &e.0 {
            i.dict.set_str("name", Value::str(name));
            i.dict.set_str("obj", obj.clone());
        }
        e
    }

    /// `getattr(obj, name)`, with Ok(None) for a plain missing attribute. Errors raised by
    /// properties or `__getattr__` propagate, except AttributeError which means "missing".
    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class();
                if let Some(ga) = cls.lookup("__getattribute__") {
                    if !matches!(&ga, Value::Builtin(_)) {
                        return match self.call(&ga, Args::new(&[obj.clone(), Value::str(name)])) {
                            Ok(v) => Ok(Some(v)),
                            Err(e) if e.is(ExcKind::AttributeError) => {
                                self.getattr_hook(obj, name, e)
                            }
                            Err(e) => Err(e),
                        };
                    }
                }
                let cls_attr = cls.lookup(name);
                if let Some(a) = &cls_attr {
                    if self.is_data_descriptor(a) {
                        return match self.descr_get(a, obj, &cls) {
                            Ok(v) => Ok(Some(v)),
                            Err(e) if e.is(ExcKind::AttributeError) => {
                                self.getattr_hook(obj, name, e)
                            }
                            Err(e) => Err(e),
                        };
                    }
                }
                if let Some(v) = inst.dict.get_str(name) {
                    return Ok(Some(v));
                }
                if let Some(a) = cls_attr {
                    return self.descr_get(&a, obj, &cls).map(Some);
                }
                if let Some(v) = self.special_attr(obj, name)? {
                    return Ok(Some(v));
                }
                if let Some(b) = base_value(obj) {
                    let b = b.clone();
                    if let Some(v) = self.getattr_opt(&b, name)? {
                        return Ok(Some(v));
                    }
                }
                if let Some(ga) = cls.lookup("__getattr__") {
                    return match self.call(&ga, Args::new(&[obj.clone(), Value::str(name)])) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if e.is(ExcKind::AttributeError) => Ok(None),
                        Err(e) => Err(e),
                    };
                }
                Ok(None)
            }
            Value::Class(cls) => {
                if let Some(a) = cls.lookup(name) {
                    return self.class_descr_get(&a, cls).map(Some);
                }
                if let Some(v) = self.special_attr(obj, name)? {
                    return Ok(Some(v));
                }
                // Methods of the metaclass (`type.mro`, ...).
                let meta = cls.metaclass();
                if let Some(a) = meta.lookup(name) {
                    return self.descr_get(&a, obj, &meta).map(Some);
                }
                Ok(None)
            }
            Value::Module(m) => {
                if let Some(v) = m.dict.get_str(name) {
                    return Ok(Some(v));
                }
                if name == "__dict__" {
                    return Ok(Some(Value::Dict(m.dict.clone())));
                }
                if let Some(ga) = m.dict.get_str("__getattr__") {
                    return self.call(&ga, Args::new(&[Value::str(name)])).map(Some);
                }
                Ok(None)
            }
            Value::Native(n) => {
                if let Some(s) = n.as_any().downcast_ref::<Super>() {
                    return self.super_getattr(s, name);
                }
                if let Some(v) = native_getattr(self, obj, name)? {
                    return Ok(Some(v));
                }
                let cls = obj.class();
                if let Some(a) = cls.lookup(name) {
                    return self.descr_get(&a, obj, &cls).map(Some);
                }
                self.special_attr(obj, name)
            }
            _ => {
                if let Some(v) = self.special_attr(obj, name)? {
                    return Ok(Some(v));
                }
                let cls = obj.class();
                if let Some(a) = cls.lookup(name) {
                    return self.descr_get(&a, obj, &cls).map(Some);
                }
                if let Value::Function(f) = obj {
                    return Ok(f.dict.get_str(name));
                }
                Ok(None)
            }
        }
    }

    fn getattr_hook(&mut self, obj: &Value, name: &str, err: PyErr) -> PyResult<Option<Value>> {
        if let Value::Instance(i) = obj {
            if let Some(ga) = i.class().lookup("__getattr__") {
                return self
                    .call(&ga, Args::new(&[obj.clone(), Value::str(name)]))
                    .map(Some);
            }
        }
        Err(err)
    }

    pub fn has_attr(&mut self, obj: &Value, name: &str) -> PyResult<bool> {
        Ok(self.getattr_opt(obj, name)?.is_some())
    }

    fn is_data_descriptor(&self, a: &Value) -> bool {
        match a {
            Value::Native(n) => n.as_any().is::<Property>(),
            Value::Instance(i) => {
                let c = i.class();
                c.lookup("__set__").is_some() || c.lookup("__delete__").is_some()
            }
            _ => false,
        }
    }

    /// Binds a class attribute found for an instance (`obj`) of `cls`.
    pub fn descr_get(&mut self, a: &Value, obj: &Value, cls: &Arc<Class>) -> PyResult<Value> {
        match a {
            Value::Function(_) => Ok(Value::BoundMethod(Arc::new(BoundMethod {
                func: a.clone(),
                self_: obj.clone(),
            }))),
            Value::Builtin(b) if b.bound.is_none() && b.owner.is_some() => {
                Ok(Value::Builtin(Arc::new(Builtin {
                    name: b.name,
                    func: b.func,
                    bound: Some(obj.clone()),
                    owner: b.owner,
                    data: b.data.clone(),
                })))
            }
            Value::Native(n) => {
                if let Some(p) = n.as_any().downcast_ref::<Property>() {
                    if p.fget.is_none() {
                        return Err(PyErr::attribute_error("property has no getter"));
                    }
                    let f = p.fget.clone();
                    return self.call(&f, Args::new(std::slice::from_ref(obj)));
                }
                if let Some(sm) = n.as_any().downcast_ref::<StaticMethod>() {
                    return Ok(sm.func.clone());
                }
                if let Some(cm) = n.as_any().downcast_ref::<ClassMethod>() {
                    return Ok(Value::BoundMethod(Arc::new(BoundMethod {
                        func: cm.func.clone(),
                        self_: Value::Class(cls.clone()),
                    })));
                }
                Ok(a.clone())
            }
            Value::Instance(i) => {
                let c = i.class();
                if let Some(get) = c.lookup("__get__") {
                    return self.call(
                        &get,
                        Args::new(&[a.clone(), obj.clone(), Value::Class(cls.clone())]),
                    );
                }
                Ok(a.clone())
            }
            _ => Ok(a.clone()),
        }
    }

    /// Binds a class attribute looked up on the class itself (`A.f`).
    fn class_descr_get(&mut self, a: &Value, cls: &Arc<Class>) -> PyResult<Value> {
        match a {
            Value::Native(n) => {
                if let Some(sm) = n.as_any().downcast_ref::<StaticMethod>() {
                    return Ok(sm.func.clone());
                }
                if let Some(cm) = n.as_any().downcast_ref::<ClassMethod>() {
                    return Ok(Value::BoundMethod(Arc::new(BoundMethod {
                        func: cm.func.clone(),
                        self_: Value::Class(cls.clone()),
                    })));
                }
                Ok(a.clone())
            }
            Value::Instance(i) => {
                let c = i.class();
                if let Some(get) = c.lookup("__get__") {
                    return self.call(
                        &get,
                        Args::new(&[a.clone(), Value::None, Value::Class(cls.clone())]),
                    );
                }
                Ok(a.clone())
            }
            _ => Ok(a.clone()),
        }
    }

    fn super_getattr(&mut self, s: &Super, name: &str) -> PyResult<Option<Value>> {
        let mro = s.obj_class.mro();
        let start = mro
            .iter()
            .position(|c| Arc::ptr_eq(c, &s.this_class))
            .map_or(mro.len(), |i| i + 1);
        for c in &mro[start..] {
            if let Some(a) = c.dict.get_str(name) {
                if let Value::Class(_) = &s.obj {
                    if !matches!(&s.obj, Value::Instance(_))
                        && Arc::ptr_eq(
                            &s.obj_class,
                            &match &s.obj {
                                Value::Class(k) => k.clone(),
                                _ => s.obj_class.clone(),
                            },
                        )
                    {
                        return self.class_descr_get(&a, &s.obj_class).map(Some);
                    }
                }
                return self.descr_get(&a, &s.obj, &s.obj_class).map(Some);
            }
        }
        if name == "__class__" {
            return Ok(Some(Value::Class(types().super_.clone())));
        }
        Ok(None)
    }

    /// Attributes every object of a kind has without a dict entry.
    fn special_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if name == "__class__" {
            return Ok(Some(Value::Class(obj.class())));
        }
        Ok(match obj {
            Value::Instance(inst) => match name {
                "__dict__" => Some(Value::Dict(inst.dict.clone())),
                _ => match exc_state(obj) {
                    Some(st) => {
                        let st = st.lock();
                        match name {
                            "args" => Some(Value::tuple(st.args.clone())),
                            "__cause__" => Some(st.cause.clone().unwrap_or(Value::None)),
                            "__context__" => Some(st.context.clone().unwrap_or(Value::None)),
                            "__suppress_context__" => Some(Value::Bool(st.suppress_context)),
                            "__traceback__" => {
                                if st.traceback.is_empty() {
                                    Some(Value::None)
                                } else {
                                    let entries = st.traceback.clone();
                                    Some(crate::vm::traceback::traceback_from(entries))
                                }
                            }
                            "value"
                                if obj.class().is_subclass(types().exc(ExcKind::StopIteration)) =>
                            {
                                Some(st.args.first().cloned().unwrap_or(Value::None))
                            }
                            "code" if obj.class().is_subclass(types().exc(ExcKind::SystemExit)) => {
                                Some(match st.args.len() {
                                    0 => Value::None,
                                    1 => st.args[0].clone(),
                                    _ => Value::tuple(st.args.clone()),
                                })
                            }
                            "errno" | "strerror" | "filename"
                                if obj.class().is_subclass(types().exc(ExcKind::OSError)) =>
                            {
                                let i = match name {
                                    "errno" => 0,
                                    "strerror" => 1,
                                    _ => 2,
                                };
                                Some(if st.args.len() >= 2 {
                                    st.args.get(i).cloned().unwrap_or(Value::None)
                                } else {
                                    Value::None
                                })
                            }
                            "name" | "obj" | "msg" | "path" => Some(Value::None),
                            _ => None,
                        }
                    }
                    None => None,
                },
            },
            Value::Class(c) => match name {
                "__name__" => Some(Value::str(c.name.to_string())),
                "__qualname__" => Some(Value::str(c.qualname().to_string())),
                "__module__" => Some(Value::str(c.module_name())),
                "__dict__" => Some(Value::Dict(c.dict.clone())),
                "__mro__" => Some(Value::tuple(
                    c.mro().into_iter().map(Value::Class).collect(),
                )),
                "__bases__" => Some(Value::tuple(
                    c.bases.iter().cloned().map(Value::Class).collect(),
                )),
                "__base__" => Some(c.bases.first().cloned().map_or(Value::None, Value::Class)),
                "__doc__" => Some(c.dict.get_str("__doc__").unwrap_or(Value::None)),
                _ => None,
            },
            Value::Function(f) => match name {
                "__name__" => Some(Value::str(f.name().to_string())),
                "__qualname__" => Some(Value::str(f.qualname().to_string())),
                "__doc__" => Some(f.meta.read().doc.clone()),
                "__module__" => Some(f.meta.read().module.clone()),
                "__dict__" => Some(Value::Dict(f.dict.clone())),
                "__globals__" => Some(Value::Dict(f.globals.clone())),
                "__defaults__" => Some(if f.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.defaults.clone())
                }),
                "__kwdefaults__" => Some(f.kwdefaults.clone().map_or(Value::None, Value::Dict)),
                "__code__" => Some(Value::Code(f.code.clone())),
                "__closure__" => Some(if f.closure.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.closure.iter().cloned().map(Value::Cell).collect())
                }),
                _ => f.dict.get_str(name),
            },
            Value::BoundMethod(m) => match name {
                "__self__" => Some(m.self_.clone()),
                "__func__" => Some(m.func.clone()),
                "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                    let f = m.func.clone();
                    self.getattr_opt(&f, name)?
                }
                _ => None,
            },
            Value::Builtin(b) => match name {
                "__name__" => Some(Value::str(b.name)),
                "__qualname__" => Some(Value::str(match b.owner {
                    Some(o) => format!("{o}.{}", b.name),
                    None => b.name.to_string(),
                })),
                "__self__" => Some(b.bound.clone().unwrap_or(Value::None)),
                "__doc__" => Some(Value::None),
                "__module__" => Some(Value::str("builtins")),
                _ => None,
            },
            Value::Module(m) => match name {
                "__name__" => Some(Value::str(m.name.to_string())),
                _ => None,
            },
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => match name {
                "real" | "numerator" => Some(match obj {
                    Value::Bool(b) => Value::Int(*b as i64),
                    _ => obj.clone(),
                }),
                "imag" => Some(Value::Int(0)),
                "denominator" => Some(Value::Int(1)),
                _ => None,
            },
            Value::Float(f) => match name {
                "real" => Some(Value::Float(*f)),
                "imag" => Some(Value::Float(0.0)),
                _ => None,
            },
            Value::Range(r) => match name {
                "start" => Some(Value::Int(r.start)),
                "stop" => Some(Value::Int(r.stop)),
                "step" => Some(Value::Int(r.step)),
                _ => None,
            },
            Value::Slice(s) => match name {
                "start" => Some(s.start.clone()),
                "stop" => Some(s.stop.clone()),
                "step" => Some(s.step.clone()),
                _ => None,
            },
            Value::Code(c) => match name {
                "co_name" => Some(Value::str(c.obj.name.to_string())),
                "co_filename" => Some(Value::str(c.obj.source.name.clone())),
                "co_firstlineno" => Some(Value::Int(c.obj.first_line as i64)),
                "co_argcount" => Some(Value::Int(c.obj.argcount as i64)),
                "co_varnames" => Some(Value::tuple(
                    c.obj
                        .varnames
                        .iter()
                        .map(|n| Value::str(n.to_string()))
                        .collect(),
                )),
                _ => None,
            },
            Value::Cell(c) => match name {
                "cell_contents" => match c.get() {
                    Some(v) => Some(v),
                    None => return Err(PyErr::new(ExcKind::ValueError, "Cell is empty")),
                },
                _ => None,
            },
            _ => None,
        })
    }

    pub fn setattr(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class();
                if let Some(sa) = self.special(obj, "__setattr__") {
                    return self
                        .call(&sa, Args::new(&[obj.clone(), Value::str(name), value]))
                        .map(|_| ());
                }
                self.generic_setattr(inst, &cls, obj, name, value)
            }
            Value::Class(c) => {
                if name == "__qualname__" {
                    if let Value::Str(s) = &value {
                        *c.qualname.write() = s.as_str().into();
                    }
                }
                c.dict.set_str(name, value);
                Ok(())
            }
            Value::Module(m) => {
                m.dict.set_str(name, value);
                Ok(())
            }
            Value::Function(f) => {
                let mut meta = f.meta.write();
                match (name, &value) {
                    ("__name__", Value::Str(s)) => meta.name = s.as_str().into(),
                    ("__qualname__", Value::Str(s)) => meta.qualname = s.as_str().into(),
                    ("__doc__", _) => meta.doc = value,
                    ("__module__", _) => meta.module = value,
                    _ => {
                        drop(meta);
                        f.dict.set_str(name, value);
                    }
                }
                Ok(())
            }
            Value::Native(_) => {
                if native_setattr(self, obj, name, &value)? {
                    return Ok(());
                }
                Err(self.no_attribute(obj, name))
            }
            _ => Err(PyErr::attribute_error(format!(
                "'{}' object has no attribute '{}'",
                obj.type_name(),
                name
            ))),
        }
    }

    /// `object.__setattr__`: data descriptors first, then the instance dict.
    pub fn generic_setattr(
        &mut self,
        inst: &crate::objects::Instance,
        cls: &Arc<Class>,
        obj: &Value,
        name: &str,
        value: Value,
    ) -> PyResult<()> {
        if let Some(a) = cls.lookup(name) {
            match &a {
                Value::Native(n) => {
                    if let Some(p) = n.as_any().downcast_ref::<Property>() {
                        if p.fset.is_none() {
                            return Err(PyErr::attribute_error(format!(
                                "can't set attribute '{name}'"
                            )));
                        }
                        let f = p.fset.clone();
                        return self.call(&f, Args::new(&[obj.clone(), value])).map(|_| ());
                    }
                }
                Value::Instance(d) => {
                    if let Some(set) = d.class().lookup("__set__") {
                        return self
                            .call(&set, Args::new(&[a.clone(), obj.clone(), value]))
                            .map(|_| ());
                    }
                }
                _ => {}
            }
        }
        if name == "__class__" {
            if let Value::Class(c) = value {
                inst.set_class(c);
                return Ok(());
            }
            return Err(PyErr::type_error("__class__ must be set to a class"));
        }
        if name == "__dict__" {
            if let Value::Dict(d) = &value {
                let items = d.items();
                inst.dict.lock().clear();
                for (k, v) in items {
                    self.dict_set(&inst.dict, k, v)?;
                }
                return Ok(());
            }
        }
        if let Some(st) = exc_state(obj) {
            let mut st = st.lock();
            match name {
                "__cause__" => {
                    st.cause = if value.is_none() { None } else { Some(value) };
                    st.suppress_context = true;
                    return Ok(());
                }
                "__context__" => {
                    st.context = if value.is_none() { None } else { Some(value) };
                    return Ok(());
                }
                "__suppress_context__" => {
                    st.suppress_context = matches!(value, Value::Bool(true));
                    return Ok(());
                }
                "args" => {
                    drop(st);
                    let args = self.collect(&value)?;
                    if let Some(st) = exc_state(obj) {
                        st.lock().args = args;
                    }
                    return Ok(());
                }
                "__traceback__" => return Ok(()),
                _ => {}
            }
        }
        inst.dict.set_str(name, value);
        Ok(())
    }

    pub fn delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(da) = self.special(obj, "__delattr__") {
                    return self
                        .call(&da, Args::new(&[obj.clone(), Value::str(name)]))
                        .map(|_| ());
                }
                if let Some(Value::Native(n)) = inst.class().lookup(name) {
                    if let Some(p) = n.as_any().downcast_ref::<Property>() {
                        if p.fdel.is_none() {
                            return Err(PyErr::attribute_error(format!(
                                "can't delete attribute '{name}'"
                            )));
                        }
                        let f = p.fdel.clone();
                        return self
                            .call(&f, Args::new(std::slice::from_ref(obj)))
                            .map(|_| ());
                    }
                }
                if inst.dict.del_str(name).is_none() {
                    return Err(self.no_attribute(obj, name));
                }
                Ok(())
            }
            Value::Class(c) => {
                if c.dict.del_str(name).is_none() {
                    return Err(self.no_attribute(obj, name));
                }
                Ok(())
            }
            Value::Module(m) => {
                if m.dict.del_str(name).is_none() {
                    return Err(self.no_attribute(obj, name));
                }
                Ok(())
            }
            Value::Function(f) => {
                if f.dict.del_str(name).is_none() {
                    return Err(self.no_attribute(obj, name));
                }
                Ok(())
            }
            _ => Err(self.no_attribute(obj, name)),
        }
    }

    /// `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let f = self.getattr(obj, name)?;
        self.call(&f, Args::new(args))
    }

    // ----- length, items, containment ---------------------------------------------------

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::Bytes(b) => b.len(),
            Value::Tuple(t) => t.len(),
            Value::List(l) => l.len(),
            Value::Dict(d) => d.len(),
            Value::Set(s) => s.len(),
            Value::Range(r) => r.len() as usize,
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
                _ => Err(PyErr::type_error(format!("{what}, not {}", v.type_name()))),
            },
            _ => Err(PyErr::type_error(format!("{what}, not {}", v.type_name()))),
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
            Value::Range(r) => match idx {
                Value::Slice(sl) => {
                    let (start, stop, step, _) = self.slice_indices(sl, r.len() as usize)?;
                    // As CPython: the new bounds are the old range's values at the slice's
                    // (clamped) start and stop indices.
                    let at = |i: i64| {
                        (r.start as i128 + i as i128 * r.step as i128)
                            .clamp(i64::MIN as i128, i64::MAX as i128)
                            as i64
                    };
                    let new_step = (r.step as i128 * step as i128)
                        .clamp(i64::MIN as i128 + 1, i64::MAX as i128)
                        as i64;
                    Ok(Value::Range(Arc::new(crate::objects::RangeObj {
                        start: at(start),
                        stop: at(stop),
                        step: new_step,
                    })))
                }
                _ => {
                    let i = self.index_of(idx, "range indices must be integers or slices")?;
                    match norm_index(i, r.len() as usize) {
                        Some(i) => Ok(Value::Int(r.get(i as i64))),
                        None => Err(PyErr::index_error("range object index out of range")),
                    }
                }
            },
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
                if let Some(f) = c.lookup("__class_getitem__") {
                    return self.call(&f, Args::new(&[obj.clone(), idx.clone()]));
                }
                if c.base_kind == crate::objects::class::BaseKind::Builtin {
                    // `list[int]`-style generic aliases: accepted and returned unchanged.
                    return Ok(obj.clone());
                }
                Err(PyErr::type_error(
                    "'type' object is not subscriptable".to_string(),
                ))
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
                    "'{}' object does not support item deletion",
                    obj.type_name()
                )))
            }
            Value::Native(_) => {
                if let Some(f) = obj.class().lookup("__delitem__") {
                    self.call(&f, Args::new(&[obj.clone(), idx.clone()]))?;
                    return Ok(());
                }
                Err(PyErr::type_error(format!(
                    "'{}' object does not support item deletion",
                    obj.type_name()
                )))
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object does not support item deletion",
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
                Value::Int(i) => {
                    let i = *i;
                    Ok(if r.step > 0 {
                        i >= r.start && i < r.stop && (i - r.start) % r.step == 0
                    } else {
                        i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
                    })
                }
                _ => {
                    let it = self.get_iter(container)?;
                    self.iter_contains(&it, item)
                }
            },
            Value::List(l) => {
                // One item at a time, without the lock while comparing.
                let mut i = 0;
                loop {
                    let Some(x) = l.get(i) else { return Ok(false) };
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
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
            _ => Err(PyErr::type_error(format!(
                "argument of type '{}' is not iterable",
                container.type_name()
            ))),
        }
    }

    fn iter_contains(&mut self, it: &Value, item: &Value) -> PyResult<bool> {
        while let Some(x) = self.next(it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    // ----- iteration ----------------------------------------------------------------------

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        Ok(match v {
            Value::List(l) => Value::new_iter(IterKind::List(l.clone())),
            Value::Tuple(t) => Value::new_iter(IterKind::Tuple(t.clone())),
            Value::Str(s) => Value::new_iter(IterKind::Str(s.clone())),
            Value::Bytes(b) => Value::new_iter(IterKind::Bytes(b.clone())),
            Value::Range(r) => Value::new_iter(IterKind::Range {
                start: r.start,
                step: r.step,
                len: r.len(),
            }),
            Value::Dict(d) => Value::new_iter(IterKind::DictKeys(d.clone())),
            Value::Set(s) => Value::new_iter(IterKind::Set(s.clone())),
            Value::Native(n) => {
                if n.as_any().is::<IterObj>() || n.as_any().is::<super::generator::Generator>() {
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
                        && !matches!(&it, Value::Native(n) if n.as_any().is::<IterObj>() || n.as_any().is::<super::generator::Generator>())
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
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not iterable",
                    v.type_name()
                )))
            }
        })
    }

    fn iter_via_class(&mut self, v: &Value) -> PyResult<Value> {
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
                    return super::iter::next_builtin(self, io);
                }
                if let Some(g) = n.as_any().downcast_ref::<super::generator::Generator>() {
                    return super::generator::gen_next(self, g, it);
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
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                }
                Ok(out)
            }
        }
    }
}

fn ord_matches(op: CmpOp, o: Option<Ordering>) -> bool {
    match o {
        None => op == CmpOp::NotEq,
        Some(o) => match op {
            CmpOp::Eq => o == Ordering::Equal,
            CmpOp::NotEq => o != Ordering::Equal,
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::LtE => o != Ordering::Greater,
            CmpOp::Gt => o == Ordering::Greater,
            CmpOp::GtE => o != Ordering::Less,
            _ => false,
        },
    }
}

fn is_intlike(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

pub fn num_to_f64(n: &Num) -> PyResult<f64> {
    match n {
        Num::I(i) => Ok(*i as f64),
        Num::F(f) => Ok(*f),
        Num::B(b) => num_traits::ToPrimitive::to_f64(b)
            .filter(|f| f.is_finite())
            .ok_or_else(|| PyErr::overflow_error("int too large to convert to float")),
    }
}

pub fn binop_type_error(op: BinOp, a: &Value, b: &Value) -> PyErr {
    if op == BinOp::Pow {
        return PyErr::type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
            a.type_name(),
            b.type_name()
        ));
    }
    PyErr::type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        op.symbol(),
        a.type_name(),
        b.type_name()
    ))
}

/// A stable pseudo-address for `id()` and default reprs.
pub fn addr(v: &Value) -> usize {
    v.heap_ptr().unwrap_or(0)
}

fn identity_hash(v: &Value) -> i64 {
    (addr(v) >> 4) as i64
}

// ----- hooks into native objects defined by builtin modules --------------------------------

fn native_repr(vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
    match v {
        Value::Native(n) => n.repr(vm, v),
        _ => Ok(None),
    }
}
fn native_getattr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    match v {
        Value::Native(n) => n.getattr(vm, v, name),
        _ => Ok(None),
    }
}
fn native_setattr(vm: &mut Vm, v: &Value, name: &str, value: &Value) -> PyResult<bool> {
    match v {
        Value::Native(n) => n.setattr(vm, v, name, value),
        _ => Ok(false),
    }
}
fn native_len(vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
    match v {
        Value::Native(n) => n.len(vm, v),
        _ => Ok(None),
    }
}
fn native_getitem(vm: &mut Vm, v: &Value, idx: &Value) -> PyResult<Option<Value>> {
    match v {
        Value::Native(n) => n.getitem(vm, v, idx),
        _ => Ok(None),
    }
}
fn native_setitem(vm: &mut Vm, v: &Value, idx: &Value, value: &Value) -> PyResult<bool> {
    match v {
        Value::Native(n) => n.setitem(vm, v, idx, value),
        _ => Ok(false),
    }
}
fn native_iter(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    match v {
        Value::Native(n) => n.iter(vm, v),
        _ => Ok(None),
    }
}
fn native_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Option<Value>>> {
    match v {
        Value::Native(n) => n.next(vm, v),
        _ => Ok(None),
    }
}
