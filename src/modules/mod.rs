//! Builtin modules: one registry table, name → initialiser (Lua's `linit.c`).

pub mod collections;
pub mod deadlock;
pub mod deque;
pub mod functools;
pub mod heapq;
pub mod itertools;
pub mod logging_fast;
pub mod logging_format;
pub mod logging_handle;
pub mod math;
pub mod mp;
pub mod os;
pub mod pymods;
pub mod queue_core;
pub mod random;
pub mod signal;
pub mod sys;
#[cfg(test)]
mod tests;
pub mod thread;
pub mod threading;
pub mod time;
pub mod traceback;
pub mod util;
pub mod warnings;

use crate::objects::{Module, PyResult};
use crate::vm::Vm;
use std::sync::Arc;

pub type ModuleInit = fn(&mut Vm) -> PyResult<Arc<Module>>;

/// Every importable builtin module (sys and builtins exist from start-up).
const REGISTRY: &[(&str, ModuleInit)] = &[
    ("_pyt_frames", warnings::init_frames),
    ("_pyt_logging", logging_fast::init),
    ("_pyt_mp", mp::init),
    ("_pyt_queue", queue_core::init),
    ("_thread", thread::init),
    ("abc", functools::init_abc),
    ("bisect", functools::init_bisect),
    ("collections", collections::init),
    ("concurrent", pymods::init_concurrent),
    ("concurrent.futures", pymods::init_concurrent_futures),
    (
        "concurrent.futures._base",
        pymods::init_concurrent_futures_base,
    ),
    (
        "concurrent.futures.thread",
        pymods::init_concurrent_futures_thread,
    ),
    ("contextlib", functools::init_contextlib),
    ("functools", functools::init),
    ("hashlib", functools::init_hashlib),
    ("heapq", heapq::init),
    ("itertools", itertools::init),
    ("linecache", warnings::init_linecache),
    ("logging", pymods::init_logging),
    ("logging.config", pymods::init_logging_config),
    ("logging.handlers", pymods::init_logging_handlers),
    ("math", math::init),
    ("multiprocessing", pymods::init_multiprocessing),
    (
        "multiprocessing.connection",
        pymods::init_multiprocessing_connection,
    ),
    ("multiprocessing.dummy", pymods::init_multiprocessing_dummy),
    (
        "multiprocessing.managers",
        pymods::init_multiprocessing_managers,
    ),
    ("multiprocessing.pool", pymods::init_multiprocessing_pool),
    (
        "multiprocessing.queues",
        pymods::init_multiprocessing_queues,
    ),
    (
        "multiprocessing.sharedctypes",
        pymods::init_multiprocessing_sharedctypes,
    ),
    (
        "multiprocessing.synchronize",
        pymods::init_multiprocessing_synchronize,
    ),
    ("operator", collections::init_operator),
    ("optparse", functools::init_optparse),
    ("os", os::init),
    ("queue", pymods::init_queue),
    ("random", random::init),
    ("signal", signal::init),
    ("threading", threading::init),
    ("time", time::init),
    ("traceback", traceback::init),
    ("warnings", warnings::init_warnings),
];

pub fn lookup(name: &str) -> Option<ModuleInit> {
    REGISTRY.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}
