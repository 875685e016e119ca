//! Formatting entry points: `format(value, spec)` (dispatching to `__format__` and the
//! format-spec mini-language in `format_spec`), `str % args` (in `percent`), and the
//! `__format__` methods of object, int, float and str. `install` also installs the methods
//! of the builtin value types, each kept in its own file.

use super::format_spec::{self, parse_spec, IntVal};
use super::{add_methods, str_arg};
use crate::objects::class::types;
use crate::objects::function::Args;
use crate::objects::{float, PyErr, PyResult, Value};
use crate::vm::ops::base_value;
use crate::vm::Vm;

/// Installs the methods of the builtin value types.
pub fn install() {
    let t = types();
    add_methods(&t.object, "object", &[("__format__", object_format)]);
    add_methods(&t.int, "int", &[("__format__", int_format)]);
    add_methods(&t.float, "float", &[("__format__", float_format)]);
    add_methods(&t.str, "str", &[("__format__", str_format)]);
    super::str_methods::install();
    super::list_methods::install();
    super::tuple_methods::install();
    super::dict_methods::install();
    super::set_methods::install();
    super::num_methods::install();
    super::bytes_methods::install();
    super::range_methods::install();
    super::builtin_new::install();
}

/// `format(value, spec)`.
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => format_builtin(v, s.as_str(), spec),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_) => {
            if spec.is_empty() {
                return vm.str(v);
            }
            format_builtin(v, "", spec)
        }
        Value::Instance(_) => {
            if let Some(f) = vm.special(v, "__format__") {
                let r = vm.call(&f, Args::new(&[v.clone(), Value::str(spec)]))?;
                return match r {
                    Value::Str(s) => Ok(s.as_str().to_string()),
                    other => Err(PyErr::type_error(format!(
                        "__format__ must return a str, not {}",
                        other.type_name()
                    ))),
                };
            }
            // A subclass of a builtin formats its payload (an empty spec still means str(),
            // which honours the subclass's __str__).
            if let Some(b) = base_value(v).filter(|b| !b.is_none()) {
                if spec.is_empty() {
                    return vm.str(v);
                }
                let b = b.clone();
                return format_value(vm, &b, spec);
            }
            object_format_str(vm, v, spec)
        }
        _ => object_format_str(vm, v, spec),
    }
}

/// Formats an int, float or str value with a non-empty spec (`text` is the str's text).
fn format_builtin(v: &Value, text: &str, spec: &str) -> PyResult<String> {
    match v {
        Value::Str(_) => {
            if spec.is_empty() {
                return Ok(text.to_string());
            }
            format_spec::format_str(text, &parse_spec(spec, "str", '<')?)
        }
        Value::Int(i) => {
            format_spec::format_int(IntVal::Small(*i), &parse_spec(spec, "int", '>')?, "int")
        }
        Value::Bool(b) => format_spec::format_int(
            IntVal::Small(*b as i64),
            &parse_spec(spec, "bool", '>')?,
            "bool",
        ),
        Value::BigInt(b) => {
            format_spec::format_int(IntVal::Big(b), &parse_spec(spec, "int", '>')?, "int")
        }
        Value::Float(x) => {
            if spec.is_empty() {
                return Ok(float::repr(*x));
            }
            format_spec::format_float(*x, &parse_spec(spec, "float", '>')?)
        }
        other => Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            other.type_name()
        ))),
    }
}

/// `object.__format__`: `str(self)` for an empty spec, else a TypeError.
fn object_format_str(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return vm.str(v);
    }
    Err(PyErr::type_error(format!(
        "unsupported format string passed to {}.__format__",
        v.type_name()
    )))
}

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    super::percent::percent_format(vm, fmt, args)
}

/// The `(self, spec)` of a `__format__` call.
fn format_args<'a>(args: &'a Args, owner: &str) -> PyResult<(&'a Value, &'a str)> {
    match args.pos {
        [me, spec] => Ok((me, str_arg(spec, "format_spec")?)),
        _ => Err(PyErr::type_error(format!(
            "{owner}.__format__() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        ))),
    }
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, spec) = format_args(&args, "object")?;
    object_format_str(vm, me, spec).map(Value::str)
}

/// The builtin value inside `me` (itself, or a subclass instance's payload).
fn inner(me: &Value) -> &Value {
    base_value(me).unwrap_or(me)
}

fn int_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, spec) = format_args(&args, "int")?;
    if spec.is_empty() {
        return vm.str(me).map(Value::str);
    }
    match inner(me) {
        v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => {
            format_builtin(v, "", spec).map(Value::str)
        }
        other => Err(PyErr::type_error(format!(
            "descriptor '__format__' requires a 'int' object but received a '{}'",
            other.type_name()
        ))),
    }
}

fn float_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, spec) = format_args(&args, "float")?;
    if spec.is_empty() {
        return vm.str(me).map(Value::str);
    }
    match inner(me) {
        v @ Value::Float(_) => format_builtin(v, "", spec).map(Value::str),
        other => Err(PyErr::type_error(format!(
            "descriptor '__format__' requires a 'float' object but received a '{}'",
            other.type_name()
        ))),
    }
}

fn str_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, spec) = format_args(&args, "str")?;
    match inner(me) {
        v @ Value::Str(s) => {
            if spec.is_empty() {
                return vm.str(me).map(Value::str);
            }
            format_builtin(v, s.as_str(), spec).map(Value::str)
        }
        other => Err(PyErr::type_error(format!(
            "descriptor '__format__' requires a 'str' object but received a '{}'",
            other.type_name()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{msg, vm};
    use super::*;

    fn f(v: Value, spec: &str) -> String {
        let mut vm = vm();
        match format_value(&mut vm, &v, spec) {
            Ok(s) => s,
            Err(e) => msg(&e),
        }
    }

    #[test]
    fn builtin_format_golden_cases() {
        assert_eq!(f(Value::Int(123), ""), "123");
        assert_eq!(f(Value::Int(123), ">8"), "     123");
        assert_eq!(f(Value::Int(123), "08"), "00000123");
        assert_eq!(f(Value::Float(1.23456), ".2f"), "1.23");
        assert_eq!(f(Value::str("s"), "^5"), "  s  ");
        assert_eq!(f(Value::Int(255), "#b"), "0b11111111");
        assert_eq!(f(Value::Float(0.5), "%"), "50.000000%");
        assert_eq!(f(Value::Int(1234567), ","), "1,234,567");
        assert_eq!(f(Value::Float(1e-7), "g"), "1e-07");
        assert_eq!(f(Value::Bool(true), ""), "True");
        assert_eq!(f(Value::Bool(true), ">5"), "    1");
        assert_eq!(f(Value::None, ""), "None");
        assert_eq!(f(Value::list(vec![Value::Int(1)]), ""), "[1]");
        assert_eq!(f(Value::Float(12.0), ""), "12.0");
        assert_eq!(f(Value::Float(-0.0), ""), "-0.0");
        assert_eq!(f(Value::Float(1e16), ""), "1e+16");
    }

    #[test]
    fn unsupported_format_string() {
        assert_eq!(
            f(Value::None, ">5"),
            "TypeError: unsupported format string passed to NoneType.__format__"
        );
        assert_eq!(
            f(Value::list(vec![]), "x"),
            "TypeError: unsupported format string passed to list.__format__"
        );
    }

    #[test]
    fn unknown_format_code() {
        assert_eq!(
            f(Value::str("s"), "d"),
            "ValueError: Unknown format code 'd' for object of type 'str'"
        );
        assert_eq!(
            f(Value::Int(1), "s"),
            "ValueError: Unknown format code 's' for object of type 'int'"
        );
    }
}
