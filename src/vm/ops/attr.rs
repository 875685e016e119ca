//! The object protocol: attribute lookup, descriptors, setattr and delattr.

use super::*;

impl Vm {
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
    /// properties or `__getattr__` propagate (an AttributeError from `__getattr__` too, as
    /// CPython shows it; `hasattr`/`getattr` with a default treat that as missing).
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
                if let Some(v) = self.generic_getattr(inst, obj, name)? {
                    return Ok(Some(v));
                }
                // An AttributeError raised by __getattr__ itself propagates as it is.
                if let Some(ga) = cls.lookup("__getattr__") {
                    return self
                        .call(&ga, Args::new(&[obj.clone(), Value::str(name)]))
                        .map(Some);
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

    /// `object.__getattribute__` on an instance: data descriptors, the instance dict, class
    /// attributes, then what every instance has; Ok(None) when missing.
    pub fn generic_getattr(
        &mut self,
        inst: &crate::objects::Instance,
        obj: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        let cls = inst.class();
        let cls_attr = cls.lookup(name);
        if let Some(a) = &cls_attr {
            if self.is_data_descriptor(a) {
                return match self.descr_get(a, obj, &cls) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if e.is(ExcKind::AttributeError) => self.getattr_hook(obj, name, e),
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
        Ok(None)
    }

    pub(super) fn getattr_hook(
        &mut self,
        obj: &Value,
        name: &str,
        err: PyErr,
    ) -> PyResult<Option<Value>> {
        if let Value::Instance(i) = obj {
            if let Some(ga) = i.class().lookup("__getattr__") {
                return self
                    .call(&ga, Args::new(&[obj.clone(), Value::str(name)]))
                    .map(Some);
            }
        }
        Err(err)
    }

    /// `hasattr`: only an AttributeError means "no".
    pub fn has_attr(&mut self, obj: &Value, name: &str) -> PyResult<bool> {
        match self.getattr_opt(obj, name) {
            Ok(v) => Ok(v.is_some()),
            Err(e) if e.is(ExcKind::AttributeError) => Ok(false),
            Err(e) => Err(e),
        }
    }

    pub(super) fn is_data_descriptor(&self, a: &Value) -> bool {
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
                        return Err(p.missing(obj, "getter"));
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
    pub(super) fn class_descr_get(&mut self, a: &Value, cls: &Arc<Class>) -> PyResult<Value> {
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

    pub(super) fn super_getattr(&mut self, s: &Super, name: &str) -> PyResult<Option<Value>> {
        let mro = s.obj_class.mro();
        let start = mro
            .iter()
            .position(|c| Arc::ptr_eq(c, &s.this_class))
            .map_or(mro.len(), |i| i + 1);
        for c in &mro[start..] {
            if let Some(a) = c.dict.get_str(name) {
                // object.__init_subclass__ is a classmethod: bind it to the class.
                if let (Value::Builtin(b), Value::Class(_)) = (&a, &s.obj) {
                    if name == "__init_subclass__" && b.bound.is_none() {
                        return Ok(Some(Value::Builtin(Arc::new(Builtin {
                            name: b.name,
                            func: b.func,
                            bound: Some(s.obj.clone()),
                            owner: b.owner,
                            data: b.data.clone(),
                        }))));
                    }
                }
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
    pub(crate) fn special_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
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
                "start" => Some(r.start()),
                "stop" => Some(r.stop()),
                "step" => Some(r.step()),
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
                "co_qualname" => Some(Value::str(c.obj.qualname.to_string())),
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
                if c.base_kind == crate::objects::class::BaseKind::Builtin {
                    return Err(PyErr::type_error(format!(
                        "cannot set '{name}' attribute of immutable type '{}'",
                        c.name
                    )));
                }
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
                            return Err(p.missing(obj, "setter"));
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
                self.generic_delattr(inst, obj, name)
            }
            Value::Class(c) => {
                if c.base_kind == crate::objects::class::BaseKind::Builtin {
                    return Err(PyErr::type_error(format!(
                        "cannot set '{name}' attribute of immutable type '{}'",
                        c.name
                    )));
                }
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

    /// `object.__delattr__`: a data descriptor's deleter, else the instance dict entry.
    pub fn generic_delattr(
        &mut self,
        inst: &crate::objects::Instance,
        obj: &Value,
        name: &str,
    ) -> PyResult<()> {
        match inst.class().lookup(name) {
            Some(Value::Native(n)) => {
                if let Some(p) = n.as_any().downcast_ref::<Property>() {
                    if p.fdel.is_none() {
                        return Err(p.missing(obj, "deleter"));
                    }
                    let f = p.fdel.clone();
                    return self
                        .call(&f, Args::new(std::slice::from_ref(obj)))
                        .map(|_| ());
                }
            }
            Some(d @ Value::Instance(_)) => {
                if let Some(del) = d.class().lookup("__delete__") {
                    return self.call(&del, Args::new(&[d, obj.clone()])).map(|_| ());
                }
            }
            _ => {}
        }
        if inst.dict.del_str(name).is_none() {
            return Err(self.no_attribute(obj, name));
        }
        Ok(())
    }

    /// `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let f = self.getattr(obj, name)?;
        self.call(&f, Args::new(args))
    }
}
