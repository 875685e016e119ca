//! The methods of `range` (`index`, `count` and the sequence dunders) and `slice.indices`.

use super::add_methods;
use super::method_args::{index_arg, operand, this, wrong_self};
use crate::objects::class::types;
use crate::objects::function::{Args, NativeFn};
use crate::objects::int;
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

/// `r.index(x)`/`r.count(x)` for an int or bool `x` (CPython's arithmetic path); None for
/// other values, which are searched for by iteration.
fn int_position(r: &RangeObj, x: &Value) -> Option<Option<Value>> {
    Some(match x {
        Value::Int(i) => r.position(*i),
        Value::Bool(b) => r.position(*b as i64),
        Value::BigInt(b) => r.position_big(b).map(int::normalize),
        _ => return None,
    })
}

/// The positions where iterating the range yields a value equal to `x`, for non-ints: the
/// first one (`index`) or how many (`count`).
fn search(vm: &mut Vm, r: &Arc<RangeObj>, x: &Value, first_only: bool) -> PyResult<Option<i64>> {
    let it = vm.get_iter(&Value::Range(r.clone()))?;
    let mut n = 0i64;
    let mut i = 0i64;
    while let Some(v) = vm.next(&it)? {
        if vm.eq(&v, x)? {
            if first_only {
                return Ok(Some(i));
            }
            n += 1;
        }
        i += 1;
    }
    Ok((!first_only).then_some(n))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = me(&args, "index")?;
    let x = operand(&args)?;
    match int_position(r, x) {
        Some(Some(p)) => Ok(p),
        Some(None) => Err(PyErr::value_error(format!(
            "{} is not in range",
            vm.repr(x)?
        ))),
        None => match search(vm, r, x, true)? {
            Some(i) => Ok(Value::Int(i)),
            None => Err(PyErr::value_error("sequence.index(x): x not in sequence")),
        },
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = me(&args, "count")?;
    let x = operand(&args)?;
    match int_position(r, x) {
        Some(p) => Ok(Value::Int(p.is_some() as i64)),
        None => Ok(Value::Int(search(vm, r, x, false)?.unwrap_or(0))),
    }
}

fn dunder_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = me(&args, "__len__")?;
    vm.len(&Value::Range(r.clone()))
        .map(|n| Value::Int(n as i64))
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
    Ok(Value::new_iter(r.reversed_kind()))
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
