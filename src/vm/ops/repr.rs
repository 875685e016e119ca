//! The object protocol: truth, repr and str.

use super::*;

impl Vm {
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

    pub(super) fn repr_inner(&mut self, v: &Value) -> PyResult<String> {
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
            Value::Range(r) => r.repr(),
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
                // A metaclass's own __repr__ (`<enum 'Signals'>`).
                if let Some(f) = c.meta.as_ref().and_then(|m| m.lookup("__repr__")) {
                    if let Value::Function(_) = f {
                        let r = self.call(&f, Args::new(std::slice::from_ref(v)))?;
                        return match r {
                            Value::Str(s) => Ok(s.as_str().to_string()),
                            other => Err(PyErr::type_error(format!(
                                "__repr__ returned non-string (type {})",
                                other.type_name()
                            ))),
                        };
                    }
                }
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

    pub(super) fn repr_enter(&mut self, v: &Value) -> bool {
        let p = v.heap_ptr().unwrap_or(0);
        if self.repr_stack.contains(&p) {
            return true;
        }
        self.repr_stack.push(p);
        false
    }
    pub(super) fn repr_leave(&mut self) {
        self.repr_stack.pop();
    }

    pub(super) fn repr_seq(&mut self, _container: &Value, items: &[Value]) -> PyResult<String> {
        let mut out = String::new();
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(it)?);
        }
        Ok(out)
    }

    pub(super) fn repr_dict_items(&mut self, items: &[(Value, Value)]) -> PyResult<String> {
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
                    if is_os_error && args.len() >= 2 {
                        // `[Errno 2] No such file or directory: 'x'` (and `-> 'y'` for a
                        // second file name), as CPython's OSError.
                        let attr = |name: &str| match v {
                            Value::Instance(i) => i.dict.get_str(name).filter(|x| !x.is_none()),
                            _ => None,
                        };
                        let (f1, f2) = match (attr("filename"), args.get(2)) {
                            (Some(f), _) => (Some(f), attr("filename2")),
                            (None, Some(f)) if args.len() == 3 => (Some(f.clone()), None),
                            _ => (None, None),
                        };
                        if args.len() == 2 || f1.is_some() {
                            let mut s =
                                format!("[Errno {}] {}", self.str(&args[0])?, self.str(&args[1])?);
                            if let Some(f) = f1 {
                                s.push_str(&format!(": {}", self.repr(&f)?));
                            }
                            if let Some(f) = f2 {
                                s.push_str(&format!(" -> {}", self.repr(&f)?));
                            }
                            return Ok(s);
                        }
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
}
