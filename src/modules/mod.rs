//! Builtin modules: one registry table, name → initialiser (Lua's `linit.c`).

pub mod collections;
pub mod deque;
pub mod functools;
pub mod heapq;
pub mod itertools;
pub mod math;
pub mod os;
pub mod random;
pub mod sys;
#[cfg(test)]
mod tests;
pub mod thread;
pub mod threading;
pub mod time;
pub mod traceback;
pub mod util;

use crate::objects::{Module, PyResult};
use crate::vm::Vm;
use std::sync::Arc;

pub type ModuleInit = fn(&mut Vm) -> PyResult<Arc<Module>>;

/// Every importable builtin module (sys and builtins exist from start-up).
const REGISTRY: &[(&str, ModuleInit)] = &[
    ("_thread", thread::init),
    ("bisect", functools::init_bisect),
    ("collections", collections::init),
    ("contextlib", functools::init_contextlib),
    ("functools", functools::init),
    ("heapq", heapq::init),
    ("itertools", itertools::init),
    ("math", math::init),
    ("operator", collections::init_operator),
    ("os", os::init),
    ("random", random::init),
    ("threading", threading::init),
    ("time", time::init),
    ("traceback", traceback::init),
];

pub fn lookup(name: &str) -> Option<ModuleInit> {
    REGISTRY.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}
