//! Builtin modules: one registry table, name → initialiser (Lua's `linit.c`).

pub mod sys;
pub mod thread;
pub mod threading;

use crate::objects::{Module, PyResult};
use crate::vm::Vm;
use std::sync::Arc;

pub type ModuleInit = fn(&mut Vm) -> PyResult<Arc<Module>>;

/// Every importable builtin module (sys and builtins exist from start-up).
const REGISTRY: &[(&str, ModuleInit)] =
    &[("_thread", thread::init), ("threading", threading::init)];

pub fn lookup(name: &str) -> Option<ModuleInit> {
    REGISTRY.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}
