//! The `threading` module: Python source (`py/threading.py`) over the native `_thread`.

use crate::compiler::Mode;
use crate::objects::{Module, PyResult, Value};
use crate::vm::Vm;
use std::sync::Arc;

/// The file name tracebacks show for frames of this module (and the thread-exception printer
/// leaves out, since users did not write them).
pub const SOURCE_NAME: &str = "<pyt threading>";

const SOURCE: &str = include_str!("py/threading.py");

pub fn init(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = Arc::new(Module::new("threading"));
    m.set("__builtins__", Value::Module(vm.interp.builtins.clone()));
    // Registered before its body runs, as every module is, so `_shutdown` can find it.
    vm.interp
        .modules
        .set_str("threading", Value::Module(m.clone()));
    crate::vm::import::exec_source(vm, SOURCE_NAME, SOURCE.to_string(), &m.dict, Mode::Exec)?;
    Ok(m)
}
