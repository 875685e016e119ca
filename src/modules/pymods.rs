//! The thread-pool and messaging modules written in Python and embedded: `queue`, `logging`
//! (+ `logging.config`, `logging.handlers`), `multiprocessing` (+ `.dummy`) and
//! `concurrent` (+ `.futures`). Their bodies run on the first import like any module's; the
//! blocking they do goes through threading's parking_lot locks.

use super::util::{exec_embedded, native_module};
use crate::objects::{Module, PyResult, Value};
use crate::vm::Vm;
use std::sync::Arc;

/// A module whose body is embedded Python; registered in `sys.modules` before the body runs
/// so that a submodule imported from it can find its parent.
fn embedded(vm: &mut Vm, name: &str, source: &str, package: bool) -> PyResult<Arc<Module>> {
    let m = native_module(name, &[]);
    if package {
        // An empty `__path__` marks a package, so `from pkg import sub` imports `pkg.sub`.
        m.set("__path__", Value::list(vec![]));
    }
    vm.interp.modules.set_str(name, Value::Module(m.clone()));
    if let Err(e) = exec_embedded(vm, &m, source) {
        vm.interp.modules.del_str(name);
        return Err(e);
    }
    Ok(m)
}

pub fn init_queue(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(vm, "queue", include_str!("py/queue.py"), false)
}

pub fn init_logging(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(vm, "logging", include_str!("py/logging.py"), true)
}

pub fn init_logging_config(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(
        vm,
        "logging.config",
        include_str!("py/logging_config.py"),
        false,
    )
}

pub fn init_logging_handlers(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(
        vm,
        "logging.handlers",
        include_str!("py/logging_handlers.py"),
        false,
    )
}

pub fn init_multiprocessing(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(
        vm,
        "multiprocessing",
        include_str!("py/multiprocessing.py"),
        true,
    )
}

pub fn init_multiprocessing_pool(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(
        vm,
        "multiprocessing.pool",
        include_str!("py/multiprocessing_pool.py"),
        false,
    )
}

pub fn init_multiprocessing_connection(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(
        vm,
        "multiprocessing.connection",
        include_str!("py/multiprocessing_connection.py"),
        false,
    )
}

pub fn init_multiprocessing_synchronize(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(
        vm,
        "multiprocessing.synchronize",
        include_str!("py/multiprocessing_synchronize.py"),
        false,
    )
}

pub fn init_multiprocessing_queues(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(
        vm,
        "multiprocessing.queues",
        include_str!("py/multiprocessing_queues.py"),
        false,
    )
}

pub fn init_multiprocessing_sharedctypes(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(
        vm,
        "multiprocessing.sharedctypes",
        include_str!("py/multiprocessing_sharedctypes.py"),
        false,
    )
}

pub fn init_multiprocessing_managers(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(
        vm,
        "multiprocessing.managers",
        include_str!("py/multiprocessing_managers.py"),
        false,
    )
}

pub fn init_multiprocessing_dummy(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(
        vm,
        "multiprocessing.dummy",
        include_str!("py/multiprocessing_dummy.py"),
        true,
    )
}

pub fn init_concurrent(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(vm, "concurrent", "", true)
}

pub fn init_concurrent_futures(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(
        vm,
        "concurrent.futures",
        include_str!("py/concurrent_futures.py"),
        true,
    )
}

/// `concurrent.futures.thread` and `._base`: the same objects under CPython's module names.
pub fn init_concurrent_futures_thread(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(vm, "concurrent.futures.thread", "from concurrent.futures import *\nfrom concurrent.futures import BrokenThreadPool, _WorkItem, _worker, _python_exit\n", false)
}

pub fn init_concurrent_futures_base(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(vm, "concurrent.futures._base", "from concurrent.futures import *\nfrom concurrent.futures import Error, Executor, DoneAndNotDoneFutures, PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED\n", false)
}
