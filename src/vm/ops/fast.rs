//! Inline fast paths for arithmetic on small ints and floats, used by the eval loop before it
//! falls back to the full protocol (`Vm::binop`). Each returns `None` whenever the answer needs
//! anything beyond plain machine arithmetic (overflow, a zero divisor, big ints, a user class),
//! so the slow path keeps sole ownership of every error message and corner case.

use crate::objects::Value;
use crate::parser::ast::{BinOp, CmpOp};

/// Ints whose magnitude is at most this convert to f64 exactly, so mixed int/float arithmetic
/// on them rounds once, as CPython's does.
const EXACT_F64_INT: u64 = 1 << 53;

/// `a op b` for two small ints, or None when the slow path must decide.
#[inline(always)]
pub fn int_op(op: BinOp, x: i64, y: i64) -> Option<Value> {
    match op {
        BinOp::Add => x.checked_add(y).map(Value::Int),
        BinOp::Sub => x.checked_sub(y).map(Value::Int),
        BinOp::Mult => x.checked_mul(y).map(Value::Int),
        BinOp::Mod if y != 0 => {
            // Python's modulo takes the divisor's sign.
            let r = x.checked_rem(y)?;
            Some(Value::Int(if r != 0 && (r ^ y) < 0 { r + y } else { r }))
        }
        BinOp::FloorDiv if y != 0 => {
            let q = x.checked_div(y)?;
            let floor = x % y != 0 && (x ^ y) < 0;
            Some(Value::Int(if floor { q - 1 } else { q }))
        }
        BinOp::Div
            if y != 0 && x.unsigned_abs() <= EXACT_F64_INT && y.unsigned_abs() <= EXACT_F64_INT =>
        {
            // Both operands are exact doubles, so one IEEE division is correctly rounded.
            Some(Value::Float(x as f64 / y as f64))
        }
        BinOp::BitXor => Some(Value::Int(x ^ y)),
        BinOp::BitAnd => Some(Value::Int(x & y)),
        BinOp::BitOr => Some(Value::Int(x | y)),
        BinOp::RShift if (0..64).contains(&y) => Some(Value::Int(x >> y)),
        BinOp::LShift if (0..63).contains(&y) => {
            let r = x << y;
            (r >> y == x).then_some(Value::Int(r))
        }
        _ => None,
    }
}

/// `a op b` for two floats, or None when the slow path must decide.
#[inline(always)]
pub fn float_op(op: BinOp, x: f64, y: f64) -> Option<Value> {
    match op {
        BinOp::Add => Some(Value::Float(x + y)),
        BinOp::Sub => Some(Value::Float(x - y)),
        BinOp::Mult => Some(Value::Float(x * y)),
        BinOp::Div if y != 0.0 => Some(Value::Float(x / y)),
        BinOp::Pow if x > 0.0 && x.is_finite() && y.is_finite() => {
            let r = x.powf(y);
            r.is_finite().then_some(Value::Float(r))
        }
        _ => None,
    }
}

/// The numeric fast path for `a op b` (also for in-place operators: ints and floats are
/// immutable, so `a op= b` is `a op b`).
#[inline(always)]
pub fn num_binop(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => int_op(op, *x, *y),
        (Value::Float(x), Value::Float(y)) => float_op(op, *x, *y),
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() <= EXACT_F64_INT => {
            float_op(op, *x, *y as f64)
        }
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() <= EXACT_F64_INT => {
            float_op(op, *x as f64, *y)
        }
        _ => None,
    }
}

/// The fast path for `a op b` comparisons of two ints or two floats (Rust's float
/// comparisons are IEEE's, as Python's: every comparison with a NaN is false but `!=`).
#[inline(always)]
pub fn num_compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => cmp_with(op, x, y),
        (Value::Float(x), Value::Float(y)) => cmp_with(op, x, y),
        _ => None,
    }
}

#[inline(always)]
fn cmp_with<T: PartialOrd>(op: CmpOp, x: &T, y: &T) -> Option<bool> {
    Some(match op {
        CmpOp::Lt => x < y,
        CmpOp::LtE => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::GtE => x >= y,
        CmpOp::Eq => x == y,
        CmpOp::NotEq => x != y,
        _ => return None,
    })
}

/// `seq[i]` for a list or tuple and an in-range int index (None for the general path).
#[inline(always)]
pub fn index(seq: &Value, i: &Value) -> Option<Value> {
    match (seq, i) {
        (Value::List(l), Value::Int(i)) => {
            let g = l.lock();
            super::norm_index(*i, g.len()).map(|j| g[j].clone())
        }
        (Value::Tuple(t), Value::Int(i)) => {
            super::norm_index(*i, t.items.len()).map(|j| t.items[j].clone())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(v: Option<Value>) -> Option<i64> {
        match v {
            Some(Value::Int(i)) => Some(i),
            _ => None,
        }
    }

    #[test]
    fn int_mod_and_floordiv_follow_python_signs() {
        for (x, y) in [(7, 3), (-7, 3), (7, -3), (-7, -3), (6, 3), (-6, 3), (0, -5)] {
            let m = int(int_op(BinOp::Mod, x, y)).unwrap();
            let q = int(int_op(BinOp::FloorDiv, x, y)).unwrap();
            assert_eq!(q * y + m, x, "{x} {y}");
            assert!(m == 0 || (m < 0) == (y < 0), "{x} % {y} = {m}");
        }
    }

    #[test]
    fn overflow_and_zero_divisors_go_to_the_slow_path() {
        assert!(int_op(BinOp::Add, i64::MAX, 1).is_none());
        assert!(int_op(BinOp::Mult, i64::MAX, 2).is_none());
        assert!(int_op(BinOp::FloorDiv, i64::MIN, -1).is_none());
        assert!(int_op(BinOp::Mod, i64::MIN, -1).is_none());
        assert!(int_op(BinOp::Mod, 1, 0).is_none());
        assert!(int_op(BinOp::Div, 1, 0).is_none());
        assert!(int_op(BinOp::LShift, 1, 63).is_none());
        assert!(int_op(BinOp::LShift, -1, -1).is_none());
        assert!(int_op(BinOp::Div, 1 << 60, 3).is_none());
        assert!(float_op(BinOp::Div, 1.0, 0.0).is_none());
        assert!(float_op(BinOp::Pow, -2.0, 0.5).is_none());
        assert!(float_op(BinOp::Pow, 10.0, 400.0).is_none());
    }

    #[test]
    fn shifts_match_python() {
        assert_eq!(int(int_op(BinOp::RShift, -7, 1)), Some(-4));
        assert_eq!(int(int_op(BinOp::LShift, -3, 4)), Some(-48));
        assert_eq!(int(int_op(BinOp::LShift, 1 << 61, 2)), None);
    }

    #[test]
    fn mixed_int_float_converts_exactly() {
        match num_binop(BinOp::Mult, &Value::Int(3), &Value::Float(0.5)) {
            Some(Value::Float(f)) => assert_eq!(f, 1.5),
            _ => panic!("expected a float"),
        }
        assert!(num_binop(BinOp::Add, &Value::Int(i64::MAX), &Value::Float(1.0)).is_none());
    }
}
