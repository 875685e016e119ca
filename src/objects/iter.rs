//! Builtin iterator objects (list_iterator, range_iterator, enumerate, zip, map ...) and dict
//! views. Their `__next__` lives in the VM (`vm::iter`), since map and filter call Python code;
//! the position is the only mutable state and sits behind a tiny lock that is never held
//! while Python code runs.

use super::{Class, DictObj, ListObj, NativeObject, PyStr, SetObj, TupleObj, Value};
use num_bigint::BigInt;
use parking_lot::Mutex;
use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

pub enum IterKind {
    List(Arc<ListObj>),
    ListReversed(Arc<ListObj>),
    Tuple(Arc<TupleObj>),
    Str(Arc<PyStr>),
    Bytes(Arc<Vec<u8>>),
    Range {
        start: i64,
        step: i64,
        len: i64,
    },
    /// A range whose values or length do not fit i64: item `pos` is `start + pos * step`.
    BigRange {
        start: BigInt,
        step: BigInt,
        len: BigInt,
    },
    DictKeys(Arc<DictObj>),
    DictValues(Arc<DictObj>),
    DictItems(Arc<DictObj>),
    Set(Arc<SetObj>),
    Enumerate(Value),
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    /// `reversed(seq)` over any sequence with `__len__`/`__getitem__`.
    SeqReversed(Value),
    /// `iter(seq)` over an object with only `__getitem__`.
    SeqGetItem(Value),
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
}

/// Mutable position of an iterator.
#[derive(Default)]
pub struct IterPos {
    /// Index, byte offset, slot, or count (enumerate), depending on the kind.
    pub pos: i64,
    /// The container's version when iteration started (dicts and sets).
    pub version: Option<u64>,
    /// Set once exhausted: an exhausted iterator stays exhausted.
    pub done: bool,
}

pub struct IterObj {
    pub kind: IterKind,
    pub state: Mutex<IterPos>,
}

impl IterObj {
    pub fn new(kind: IterKind) -> IterObj {
        IterObj {
            kind,
            state: Mutex::new(IterPos::default()),
        }
    }
    pub fn with_pos(kind: IterKind, pos: i64) -> IterObj {
        IterObj {
            kind,
            state: Mutex::new(IterPos {
                pos,
                ..IterPos::default()
            }),
        }
    }
    pub fn class_name(&self) -> &'static str {
        match &self.kind {
            IterKind::List(_) => "list_iterator",
            IterKind::ListReversed(_) => "list_reverseiterator",
            IterKind::Tuple(_) => "tuple_iterator",
            IterKind::Str(s) => {
                if s.is_ascii() {
                    "str_ascii_iterator"
                } else {
                    "str_iterator"
                }
            }
            IterKind::Bytes(_) => "bytes_iterator",
            IterKind::Range { .. } => "range_iterator",
            IterKind::BigRange { .. } => "longrange_iterator",
            IterKind::DictKeys(_) => "dict_keyiterator",
            IterKind::DictValues(_) => "dict_valueiterator",
            IterKind::DictItems(_) => "dict_itemiterator",
            IterKind::Set(_) => "set_iterator",
            IterKind::Enumerate(_) => "enumerate",
            IterKind::Zip { .. } => "zip",
            IterKind::Map { .. } => "map",
            IterKind::Filter { .. } => "filter",
            IterKind::SeqReversed(_) => "reversed",
            IterKind::SeqGetItem(_) => "iterator",
            IterKind::Callable { .. } => "callable_iterator",
        }
    }
}

impl NativeObject for IterObj {
    fn class(&self) -> Arc<Class> {
        iter_class(self.class_name())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Which view of a dict.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// `dict.keys()`, `dict.values()`, `dict.items()`: live views of the dict.
pub struct DictView {
    pub dict: Arc<DictObj>,
    pub kind: ViewKind,
}

impl NativeObject for DictView {
    fn class(&self) -> Arc<Class> {
        iter_class(match self.kind {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Names of every iterator and view class; `enumerate`, `zip`, `map`, `filter` and
/// `reversed` are also the builtins of those names.
pub const ITER_CLASS_NAMES: &[&str] = &[
    "list_iterator",
    "list_reverseiterator",
    "tuple_iterator",
    "str_ascii_iterator",
    "str_iterator",
    "bytes_iterator",
    "range_iterator",
    "longrange_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "set_iterator",
    "enumerate",
    "zip",
    "map",
    "filter",
    "reversed",
    "iterator",
    "callable_iterator",
    "generator",
    "traceback",
    "dict_keys",
    "dict_values",
    "dict_items",
];

static ITER_CLASSES: OnceLock<HashMap<&'static str, Arc<Class>>> = OnceLock::new();

/// The class of an iterator or view kind, by name.
pub fn iter_class(name: &str) -> Arc<Class> {
    let map = ITER_CLASSES.get_or_init(|| {
        let object = &super::class::types().object;
        ITER_CLASS_NAMES
            .iter()
            .map(|&n| (n, Class::new_builtin(n, Some(object))))
            .collect()
    });
    map.get(name)
        .cloned()
        .unwrap_or_else(|| super::class::types().object.clone())
}

impl Value {
    pub fn new_iter(kind: IterKind) -> Value {
        Value::Native(Arc::new(IterObj::new(kind)))
    }
}
