//! The methods of `range` (`index`, `count` and the sequence dunders) and `slice.indices`.

use super::add_methods;
use super::method_args::{index_arg, operand, this, wrong_self};
use crate::objects::class::types;
use crate::objects::function::{Args, NativeFn};
use crate::objects::iter::IterKind;
use crate::objects::{PyErr, PyResult, RangeObj, Value};
use crate::vm::Vm;
use std::sync::Arc;

pub fn install() {
    let t = types();
    let range: &[(&'static str, NativeFn)] = &[
        ("index", index),
        ("count", count),
        ("__len__", dunder_len),
        ("__contains__", dunder_contains),
        ("__getitem__", dunder_getitem),
        ("__iter__", dunder_iter),
        ("__reversed__", dunder_reversed),
    ];
    add_methods(&t.range, "range", range);
    add_methods(&t.slice, "slice", &[("indices", indices)]);
}

fn me<'a>(args: &'a Args, name: &str) -> PyResult<&'a Arc<RangeObj>> {
    match this(args, "range", name)? {
        Value::Range(r) => Ok(r),
        other => Err(wrong_self("range", name, other)),
    }
}

/// The position of int `x` in the range, if it is one of its values.
fn position(r: &RangeObj, x: i64) -> Option<i64> {
    let (start, step, x) = (r.start as i128, r.step as i128, x as i128);
    let d = x - start;
    if d % step != 0 {
        return None;
    }
    let i = d / step;
    (i >= 0 && i < r.len() as i128).then_some(i as i64)
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = me(&args, "index")?;
    let x = operand(&args)?;
    match x {
        Value::Int(i) => match position(r, *i) {
            Some(p) => Ok(Value::Int(p)),
            None => Err(PyErr::value_error(format!("{i} is not in range"))),
        },
        Value::Bool(b) => match position(r, *b as i64) {
            Some(p) => Ok(Value::Int(p)),
            None => Err(PyErr::value_error(format!(
                "{} is not in range",
                vm.repr(x)?
            ))),
        },
        _ => {
            for i in 0..r.len() {
                if vm.eq(&Value::Int(r.get(i)), x)? {
                    return Ok(Value::Int(i));
                }
            }
            Err(PyErr::value_error("sequence.index(x): x not in sequence"))
        }
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = me(&args, "count")?;
    let x = operand(&args)?;
    match x {
        Value::Int(i) => Ok(Value::Int(position(r, *i).is_some() as i64)),
        Value::Bool(b) => Ok(Value::Int(position(r, *b as i64).is_some() as i64)),
        _ => {
            let mut n = 0;
            for i in 0..r.len() {
                if vm.eq(&Value::Int(r.get(i)), x)? {
                    n += 1;
                }
            }
            Ok(Value::Int(n))
        }
    }
}

fn dunder_len(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(me(&args, "__len__")?.len()))
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = me(&args, "__contains__")?;
    vm.contains(&Value::Range(r.clone()), operand(&args)?)
        .map(Value::Bool)
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = me(&args, "__getitem__")?;
    vm.getitem(&Value::Range(r.clone()), operand(&args)?)
}

fn dunder_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = me(&args, "__iter__")?;
    vm.get_iter(&Value::Range(r.clone()))
}

fn dunder_reversed(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = me(&args, "__reversed__")?;
    let n = r.len();
    let last = (r.start as i128 + (n as i128 - 1) * r.step as i128)
        .clamp(i64::MIN as i128, i64::MAX as i128) as i64;
    Ok(Value::new_iter(IterKind::Range {
        start: last,
        step: r.step.checked_neg().unwrap_or(i64::MAX),
        len: n,
    }))
}

/// `slice.indices(length)`: the `(start, stop, step)` a slice selects from a sequence.
fn indices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Slice(s)) = args.pos.first() else {
        return Err(PyErr::type_error(
            "descriptor 'indices' requires a 'slice' object",
        ));
    };
    let len = index_arg(vm, operand(&args)?)?;
    if len < 0 {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let (start, stop, step, _) = vm.slice_indices(s, len as usize)?;
    Ok(Value::tuple(vec![
        Value::Int(start),
        Value::Int(stop),
        Value::Int(step),
    ]))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::py;

    #[test]
    fn range_index_and_count() {
        assert_eq!(
            py("r = (range(0, 20, 4).index(8), range(0, 20, 4).count(4), range(5).count(2.0))"),
            "(2, 1, 1)"
        );
        assert_eq!(py("r = range(5).index(7)"), "ValueError: 7 is not in range");
        assert_eq!(
            py("r = range(5).index('a')"),
            "ValueError: sequence.index(x): x not in sequence"
        );
    }

    #[test]
    fn range_slices_keep_cpython_bounds() {
        assert_eq!(
            py("r = (range(0, 20, 4)[::2], range(0, 20, 4)[1:3], range(0, 20, 4)[::-1], range(10)[-100:100:3])"),
            "(range(0, 20, 8), range(4, 12, 4), range(16, -4, -4), range(0, 10, 3))"
        );
    }

    #[test]
    fn slice_indices_and_equality() {
        assert_eq!(
            py("r = (slice(1, 5, 2).indices(3), slice(None, None, -1).indices(5), slice(1, 2) == slice(1, 2))"),
            "((1, 3, 2), (4, -1, -1), True)"
        );
        assert_eq!(
            py("r = slice(1, 5, 2).indices(-1)"),
            "ValueError: length should not be negative"
        );
        assert_eq!(
            py("r = slice(1, 5, 0).indices(3)"),
            "ValueError: slice step cannot be zero"
        );
    }

    #[test]
    fn cant_multiply_sequence_by_non_int() {
        assert_eq!(
            py("r = [1] * 2.0"),
            "TypeError: can't multiply sequence by non-int of type 'float'"
        );
        assert_eq!(
            py("r = 'a' * 'b'"),
            "TypeError: can't multiply sequence by non-int of type 'str'"
        );
    }
}
