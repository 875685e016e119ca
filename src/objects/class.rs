//! Classes (`type` objects), builtin and user-defined, and the table of builtin types.
//!
//! A class holds its name, bases, its method resolution order (C3) and a namespace dict.
//! Builtin types are classes too, created once per process in [`types`]; their dicts are
//! filled with builtin methods by `builtins::install` at start-up.

use super::exception::ExcKind;
use super::{DictObj, PyErr, PyResult, Value};
use parking_lot::RwLock;
use std::sync::{Arc, OnceLock};

pub struct Class {
    pub name: Arc<str>,
    pub qualname: RwLock<Arc<str>>,
    pub bases: Vec<Arc<Class>>,
    /// The MRO without the class itself (which would be a reference cycle).
    pub mro_rest: Vec<Arc<Class>>,
    pub dict: Arc<DictObj>,
    /// The metaclass when it is not `type`.
    pub meta: Option<Arc<Class>>,
    /// For builtin types and classes deriving from them: which builtin layout instances have.
    pub base_kind: BaseKind,
    /// For exception classes: the builtin exception this class is or derives from.
    pub exc_kind: Option<ExcKind>,
}

/// The builtin layout a class's instances carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseKind {
    /// Plain objects: `object` and classes deriving only from it.
    Object,
    /// A builtin type's own class (int, str, list ...): not instantiated as `Instance`.
    Builtin,
}

impl Class {
    /// The full MRO, the class itself first.
    pub fn mro(self: &Arc<Self>) -> Vec<Arc<Class>> {
        let mut v = Vec::with_capacity(self.mro_rest.len() + 1);
        v.push(self.clone());
        v.extend(self.mro_rest.iter().cloned());
        v
    }

    pub fn metaclass(&self) -> Arc<Class> {
        self.meta.clone().unwrap_or_else(|| types().type_.clone())
    }

    /// Looks a name up along the MRO (class attribute lookup, no descriptors applied).
    pub fn lookup(self: &Arc<Self>, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.get_str(name) {
            return Some(v);
        }
        self.mro_rest.iter().find_map(|c| c.dict.get_str(name))
    }

    /// Like `lookup`, also telling which class defined it.
    pub fn lookup_with_owner(self: &Arc<Self>, name: &str) -> Option<(Value, Arc<Class>)> {
        if let Some(v) = self.dict.get_str(name) {
            return Some((v, self.clone()));
        }
        self.mro_rest
            .iter()
            .find_map(|c| c.dict.get_str(name).map(|v| (v, c.clone())))
    }

    pub fn is_subclass(self: &Arc<Self>, other: &Arc<Class>) -> bool {
        Arc::ptr_eq(self, other) || self.mro_rest.iter().any(|c| Arc::ptr_eq(c, other))
    }

    /// A builtin type with no bases other than `object`.
    pub fn new_builtin(name: &str, base: Option<&Arc<Class>>) -> Arc<Class> {
        let (bases, mro_rest) = match base {
            Some(b) => (vec![b.clone()], b.mro()),
            None => (vec![], vec![]),
        };
        let dict = Arc::new(DictObj::new());
        dict.mark_class_namespace();
        Arc::new(Class {
            name: name.into(),
            qualname: RwLock::new(name.into()),
            bases,
            mro_rest,
            dict,
            meta: None,
            base_kind: BaseKind::Builtin,
            exc_kind: base.and_then(|b| b.exc_kind),
        })
    }

    /// A user class: computes the C3 MRO (TypeError on an inconsistent order).
    pub fn new_user(
        name: &str,
        qualname: &str,
        bases: Vec<Arc<Class>>,
        dict: Arc<DictObj>,
        meta: Option<Arc<Class>>,
    ) -> PyResult<Arc<Class>> {
        let bases = if bases.is_empty() {
            vec![types().object.clone()]
        } else {
            bases
        };
        let mro_rest = c3_merge(&bases)?;
        let exc_kind = mro_rest.iter().find_map(|c| c.exc_kind);
        dict.mark_class_namespace();
        Ok(Arc::new(Class {
            name: name.into(),
            qualname: RwLock::new(qualname.into()),
            bases,
            mro_rest,
            dict,
            meta,
            base_kind: BaseKind::Object,
            exc_kind,
        }))
    }

    pub fn qualname(&self) -> Arc<str> {
        self.qualname.read().clone()
    }

    /// The `__module__` recorded in the class dict (`builtins` for builtin types).
    pub fn module_name(&self) -> String {
        match self.dict.get_str("__module__") {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => "builtins".to_string(),
        }
    }

    /// The first builtin type along the MRO (what an instance's payload must be).
    pub fn builtin_base(self: &Arc<Self>) -> Option<Arc<Class>> {
        self.mro()
            .into_iter()
            .find(|c| c.base_kind == BaseKind::Builtin && !Arc::ptr_eq(c, &types().object))
    }
}

/// C3 linearisation of the bases' MROs (without the new class itself).
fn c3_merge(bases: &[Arc<Class>]) -> PyResult<Vec<Arc<Class>>> {
    let mut seqs: Vec<Vec<Arc<Class>>> = bases.iter().map(|b| b.mro()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Arc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs.iter().map(|s| s[0].clone()).find(|c| {
            !seqs
                .iter()
                .any(|s| s[1..].iter().any(|x| Arc::ptr_eq(x, c)))
        });
        let Some(c) = candidate else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = s[0].name.to_string();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(PyErr::new(
                ExcKind::TypeError,
                format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                ),
            ));
        };
        for s in seqs.iter_mut() {
            if Arc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// Every builtin type, created once per process.
pub struct Types {
    pub object: Arc<Class>,
    pub type_: Arc<Class>,
    pub none_type: Arc<Class>,
    pub not_implemented_type: Arc<Class>,
    pub ellipsis_type: Arc<Class>,
    pub int: Arc<Class>,
    pub bool: Arc<Class>,
    pub float: Arc<Class>,
    pub complex: Arc<Class>,
    pub str: Arc<Class>,
    pub bytes: Arc<Class>,
    pub tuple: Arc<Class>,
    pub list: Arc<Class>,
    pub dict: Arc<Class>,
    pub set: Arc<Class>,
    pub frozenset: Arc<Class>,
    pub range: Arc<Class>,
    pub slice: Arc<Class>,
    pub function: Arc<Class>,
    pub builtin_function: Arc<Class>,
    pub method: Arc<Class>,
    pub module: Arc<Class>,
    pub code: Arc<Class>,
    pub cell: Arc<Class>,
    pub property: Arc<Class>,
    pub staticmethod: Arc<Class>,
    pub classmethod: Arc<Class>,
    pub super_: Arc<Class>,
    /// Exception classes, indexed by `ExcKind as usize`.
    pub exceptions: Vec<Arc<Class>>,
}

impl Types {
    pub fn exc(&self, kind: ExcKind) -> &Arc<Class> {
        &self.exceptions[kind as usize]
    }
}

static TYPES: OnceLock<Types> = OnceLock::new();

/// The builtin types of this process.
pub fn types() -> &'static Types {
    TYPES.get_or_init(|| {
        let object = Class::new_builtin("object", None);
        let b = |name: &str| Class::new_builtin(name, Some(&object));
        let int = b("int");
        let bool_ = Class::new_builtin("bool", Some(&int));
        let mut exceptions: Vec<Arc<Class>> = Vec::with_capacity(ExcKind::ALL.len());
        for &kind in ExcKind::ALL {
            let parent = match kind.parent() {
                Some(p) => exceptions[p as usize].clone(),
                None => object.clone(),
            };
            let mut c = Class::new_builtin(kind.name(), Some(&parent));
            Arc::get_mut(&mut c).expect("fresh class").exc_kind = Some(kind);
            exceptions.push(c);
        }
        Types {
            type_: b("type"),
            none_type: b("NoneType"),
            not_implemented_type: b("NotImplementedType"),
            ellipsis_type: b("ellipsis"),
            int,
            bool: bool_,
            float: b("float"),
            complex: b("complex"),
            str: b("str"),
            bytes: b("bytes"),
            tuple: b("tuple"),
            list: b("list"),
            dict: b("dict"),
            set: b("set"),
            frozenset: b("frozenset"),
            range: b("range"),
            slice: b("slice"),
            function: b("function"),
            builtin_function: b("builtin_function_or_method"),
            method: b("method"),
            module: b("module"),
            code: b("code"),
            cell: b("cell"),
            property: b("property"),
            staticmethod: b("staticmethod"),
            classmethod: b("classmethod"),
            super_: b("super"),
            exceptions,
            object,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(name: &str, bases: Vec<Arc<Class>>) -> Arc<Class> {
        Class::new_user(name, name, bases, Arc::new(DictObj::new()), None).unwrap()
    }

    #[test]
    fn c3_diamond() {
        let a = user("A", vec![]);
        let b = user("B", vec![a.clone()]);
        let c = user("C", vec![a.clone()]);
        let d = user("D", vec![b, c]);
        let names: Vec<String> = d.mro().iter().map(|c| c.name.to_string()).collect();
        assert_eq!(names, ["D", "B", "C", "A", "object"]);
    }

    #[test]
    fn c3_inconsistent_order_is_type_error() {
        let a = user("A", vec![]);
        let b = user("B", vec![a.clone()]);
        assert!(Class::new_user("C", "C", vec![a, b], Arc::new(DictObj::new()), None).is_err());
    }

    #[test]
    fn exception_hierarchy() {
        let t = types();
        assert!(t
            .exc(ExcKind::ZeroDivisionError)
            .is_subclass(t.exc(ExcKind::ArithmeticError)));
        assert!(t
            .exc(ExcKind::ModuleNotFoundError)
            .is_subclass(t.exc(ExcKind::ImportError)));
        assert!(!t
            .exc(ExcKind::KeyboardInterrupt)
            .is_subclass(t.exc(ExcKind::Exception)));
    }
}
