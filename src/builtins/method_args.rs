//! Argument handling shared by the methods of the builtin types: binding positional and
//! keyword arguments to parameter names, extracting `self` (also from instances of
//! subclasses, whose builtin value is their payload), and converting index arguments, with
//! CPython's messages.

use crate::objects::function::Args;
use crate::objects::{PyErr, PyResult, Value};
use crate::vm::ops::base_value;
use crate::vm::Vm;
use num_traits::Signed;

/// A method's signature (after `self`).
pub struct Sig {
    /// `split`, as error messages name it.
    pub name: &'static str,
    /// Parameter names, in positional order.
    pub params: &'static [&'static str],
    /// How many of them are required.
    pub required: usize,
    /// Whether parameters may be passed by keyword.
    pub keywords: bool,
    /// Argument Clinic's wording (`replace expected at most 3 arguments, got 4`) rather
    /// than the classic one (`split() takes at most 2 arguments (3 given)`).
    pub clinic: bool,
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `one argument`, `2 arguments`: METH_O functions spell out "one".
fn count_words(n: usize) -> String {
    if n == 1 {
        "one argument".into()
    } else {
        format!("{n} arguments")
    }
}

/// The most parameters a builtin method binds through [`bind`] (a fixed array keeps method
/// calls free of allocation).
pub const MAX_PARAMS: usize = 4;

/// Binds the arguments after `self` to `sig`'s parameters (at most [`MAX_PARAMS`]).
pub fn bind<'a>(args: &Args<'a>, sig: &Sig) -> PyResult<[Option<&'a Value>; MAX_PARAMS]> {
    let pos = args.pos.get(1..).unwrap_or(&[]);
    let max = sig.params.len();
    if !args.has_kw() && pos.len() >= sig.required && pos.len() <= max.min(MAX_PARAMS) {
        // The common case: positional arguments that fit.
        let mut out: [Option<&'a Value>; MAX_PARAMS] = [None; MAX_PARAMS];
        for (slot, v) in out.iter_mut().zip(pos) {
            *slot = Some(v);
        }
        return Ok(out);
    }
    if sig.clinic && pos.len() > max {
        return Err(PyErr::type_error(if max == sig.required {
            format!(
                "{} expected {max} argument{}, got {}",
                sig.name,
                plural(max),
                pos.len()
            )
        } else {
            format!(
                "{} expected at most {max} argument{}, got {}",
                sig.name,
                plural(max),
                pos.len()
            )
        }));
    }
    if pos.len() > max {
        return Err(PyErr::type_error(if max == 0 {
            format!("{}() takes no arguments ({} given)", sig.name, pos.len())
        } else if max == sig.required {
            format!(
                "{}() takes exactly {} ({} given)",
                sig.name,
                count_words(max),
                pos.len()
            )
        } else {
            format!(
                "{}() takes at most {max} argument{} ({} given)",
                sig.name,
                plural(max),
                pos.len()
            )
        }));
    }
    if max > MAX_PARAMS {
        return Err(PyErr::type_error(format!(
            "{}() has too many parameters",
            sig.name
        )));
    }
    let mut out: [Option<&'a Value>; MAX_PARAMS] = [None; MAX_PARAMS];
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(v);
    }
    if args.has_kw() {
        if !sig.keywords {
            return Err(PyErr::type_error(format!(
                "{}() takes no keyword arguments",
                sig.name
            )));
        }
        for (k, v) in args.kw() {
            let Some(i) = sig.params.iter().position(|p| *p == k) else {
                return Err(PyErr::type_error(format!(
                    "'{k}' is an invalid keyword argument for {}()",
                    sig.name
                )));
            };
            if out[i].is_some() {
                return Err(PyErr::type_error(format!(
                    "argument for {}() given by name ('{k}') and position ({})",
                    sig.name,
                    i + 1
                )));
            }
            out[i] = Some(v);
        }
    }
    let given = out
        .iter()
        .take(sig.required)
        .filter(|v| v.is_some())
        .count();
    if given < sig.required {
        let n = pos.len() + args.kwnames.len();
        if sig.clinic {
            let r = sig.required;
            return Err(PyErr::type_error(if r == max {
                format!("{} expected {r} argument{}, got {n}", sig.name, plural(r))
            } else {
                format!(
                    "{} expected at least {r} argument{}, got {n}",
                    sig.name,
                    plural(r)
                )
            }));
        }
        return Err(PyErr::type_error(if sig.required == max {
            format!(
                "{}() takes exactly {} ({n} given)",
                sig.name,
                count_words(sig.required)
            )
        } else {
            format!(
                "{}() takes at least {} argument{} ({n} given)",
                sig.name,
                sig.required,
                plural(sig.required)
            )
        }));
    }
    Ok(out)
}

/// `self` of a method of `owner`: the builtin value itself, or a subclass instance's payload.
/// Raises CPython's messages when called unbound without an argument.
pub fn this<'a>(args: &Args<'a>, owner: &str, name: &str) -> PyResult<&'a Value> {
    match args.pos.first() {
        Some(v) => Ok(base_value(v).unwrap_or(v)),
        None => Err(PyErr::type_error(format!(
            "unbound method {owner}.{name}() needs an argument"
        ))),
    }
}

/// The error for a method applied to the wrong type (`str.upper(5)`).
pub fn wrong_self(owner: &str, name: &str, v: &Value) -> PyErr {
    PyErr::type_error(format!(
        "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
        v.type_name()
    ))
}

/// An integer argument (`__index__` protocol), as a machine integer.
pub fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(PyErr::overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
        Value::Instance(_) => match vm.call_special(v, "__index__", &[])? {
            Some(r @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => index_arg(vm, &r),
            _ => match base_value(v) {
                Some(b @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => {
                    let b = b.clone();
                    index_arg(vm, &b)
                }
                _ => Err(not_an_integer(v)),
            },
        },
        _ => Err(not_an_integer(v)),
    }
}

pub fn not_an_integer(v: &Value) -> PyErr {
    PyErr::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        v.type_name()
    ))
}

/// An optional start/end argument of `find`, `count`, `index` ...: None, or an index
/// (huge ints saturate, as CPython's `_PyEval_SliceIndex` does).
pub fn slice_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::BigInt(b)) => Ok(Some(if b.is_negative() {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        })),
        Some(v) => index_arg(vm, v).map(Some).map_err(|_| {
            PyErr::type_error("slice indices must be integers or None or have an __index__ method")
        }),
    }
}

/// CPython's `ADJUST_INDICES`: clamps `[start, end)` to a sequence of `len` items. `start`
/// may come back larger than `len` (callers treat that as "nothing found").
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start as usize, end as usize)
}

/// The single operand of a dunder method (`x.__add__(y)`).
pub fn operand<'a>(args: &Args<'a>) -> PyResult<&'a Value> {
    match args.pos {
        [_, x] if !args.has_kw() => Ok(x),
        _ => Err(PyErr::type_error(format!(
            "expected 1 argument, got {}",
            args.pos.len().saturating_sub(1) + args.kwnames.len()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::msg;
    use super::*;

    const SIG: Sig = Sig {
        name: "split",
        params: &["sep", "maxsplit"],
        required: 0,
        keywords: true,
        clinic: false,
    };

    #[test]
    fn binds_positional_and_keyword() {
        let pos = [Value::None, Value::str("a")];
        let names = [Value::str("maxsplit")];
        let vals = [Value::Int(1)];
        let b = bind(&Args::with_kw(&pos, &names, &vals), &SIG).unwrap();
        assert!(matches!(b[0], Some(Value::Str(_))));
        assert!(matches!(b[1], Some(Value::Int(1))));
    }

    #[test]
    fn too_many_arguments() {
        let pos = [Value::None, Value::None, Value::None, Value::None];
        let e = bind(&Args::new(&pos), &SIG).unwrap_err();
        assert_eq!(
            msg(&e),
            "TypeError: split() takes at most 2 arguments (3 given)"
        );
    }

    #[test]
    fn invalid_keyword_argument() {
        let pos = [Value::None];
        let names = [Value::str("x")];
        let vals = [Value::Int(1)];
        let e = bind(&Args::with_kw(&pos, &names, &vals), &SIG).unwrap_err();
        assert_eq!(
            msg(&e),
            "TypeError: 'x' is an invalid keyword argument for split()"
        );
    }

    #[test]
    fn missing_required_argument() {
        let sig = Sig {
            name: "find",
            params: &["sub", "start", "end"],
            required: 1,
            keywords: false,
            clinic: false,
        };
        let pos = [Value::None];
        let e = bind(&Args::new(&pos), &sig).unwrap_err();
        assert_eq!(
            msg(&e),
            "TypeError: find() takes at least 1 argument (0 given)"
        );
    }

    #[test]
    fn adjust_indices_like_cpython() {
        assert_eq!(adjust_indices(None, None, 5), (0, 5));
        assert_eq!(adjust_indices(Some(-2), Some(100), 5), (3, 5));
        assert_eq!(adjust_indices(Some(-100), Some(-1), 5), (0, 4));
        assert_eq!(adjust_indices(Some(7), Some(-100), 5), (7, 0));
    }
}
