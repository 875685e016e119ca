//! Constant folding: expressions whose value is known at compile time become one `LoadConst`.
//!
//! Only folds what cannot raise and stays small: i64 arithmetic that does not overflow,
//! float `+ - *`, short string/bytes concatenation, negation, and tuples of constants.
//! Anything else (division by zero, huge powers, big ints) is left for the VM to evaluate so
//! that its error, if any, happens at run time with a traceback, as in CPython.

use super::bytecode::ConstValue;
use super::Compiler;
use crate::lexer::token::IntLit;
use crate::parser::ast::{BinOp, Constant, Expr, ExprKind, UnaryOp};

/// Longest str/bytes a fold may produce (CPython's optimizer uses the same bound) so that
/// `"x" * 10**9`-style code cannot bloat the constant table.
const MAX_FOLDED_STR_LEN: usize = 4096;
/// Largest exponent folded for `int ** int` (the result must also fit in i64).
const MAX_FOLDED_POW_EXPONENT: i64 = 128;
/// Largest tuple folded into one constant.
const MAX_FOLDED_TUPLE_LEN: usize = 256;

pub(crate) fn constant_value(c: &Constant) -> ConstValue {
    match c {
        Constant::None => ConstValue::None,
        Constant::True => ConstValue::Bool(true),
        Constant::False => ConstValue::Bool(false),
        Constant::Ellipsis => ConstValue::Ellipsis,
        Constant::Int(i) => ConstValue::Int(i.clone()),
        Constant::Float(f) => ConstValue::Float(*f),
        Constant::Imag(f) => ConstValue::Imag(*f),
        Constant::Str(s) => ConstValue::Str(s.clone()),
        Constant::Bytes(b) => ConstValue::Bytes(b.clone()),
    }
}

impl<'a> Compiler<'a> {
    /// The compile-time value of `e`, if it has one that is safe to fold.
    pub(crate) fn const_of(&self, e: &Expr) -> Option<ConstValue> {
        fold(e, 0)
    }
}

/// Folding recursion stops at this depth (deeper constant expressions are evaluated at run
/// time), which bounds the native stack this module uses.
const MAX_FOLD_DEPTH: u32 = 64;

fn fold(e: &Expr, depth: u32) -> Option<ConstValue> {
    if depth > MAX_FOLD_DEPTH {
        return None;
    }
    match &e.kind {
        ExprKind::Constant(c) => Some(constant_value(c)),
        ExprKind::UnaryOp { op, operand } => {
            let v = fold(operand, depth + 1)?;
            match (op, v) {
                (UnaryOp::USub, ConstValue::Int(IntLit::Small(i))) => Some(small(i.checked_neg()?)),
                (UnaryOp::USub, ConstValue::Float(f)) => Some(ConstValue::Float(-f)),
                (UnaryOp::USub, ConstValue::Imag(f)) => Some(ConstValue::Imag(-f)),
                (UnaryOp::UAdd, v @ (ConstValue::Int(IntLit::Small(_)) | ConstValue::Float(_))) => {
                    Some(v)
                }
                (UnaryOp::Invert, ConstValue::Int(IntLit::Small(i))) => Some(small(!i)),
                _ => None,
            }
        }
        ExprKind::BinOp { left, op, right } => {
            let l = fold(left, depth + 1)?;
            let r = fold(right, depth + 1)?;
            fold_binop(*op, &l, &r)
        }
        ExprKind::Tuple(items) if items.len() <= MAX_FOLDED_TUPLE_LEN => {
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                out.push(fold(it, depth + 1)?);
            }
            Some(ConstValue::Tuple(out))
        }
        _ => None,
    }
}

fn small(i: i64) -> ConstValue {
    ConstValue::Int(IntLit::Small(i))
}

fn fold_binop(op: BinOp, l: &ConstValue, r: &ConstValue) -> Option<ConstValue> {
    use ConstValue::{Bytes, Float, Int, Str};
    match (l, r) {
        (Int(IntLit::Small(a)), Int(IntLit::Small(b))) => fold_int(op, *a, *b).map(small),
        (Float(a), Float(b)) => fold_float(op, *a, *b),
        (Float(a), Int(IntLit::Small(b))) => fold_float(op, *a, *b as f64),
        (Int(IntLit::Small(a)), Float(b)) => fold_float(op, *a as f64, *b),
        (Str(a), Str(b)) if op == BinOp::Add && a.len() + b.len() <= MAX_FOLDED_STR_LEN => {
            Some(Str(format!("{a}{b}").into()))
        }
        (Bytes(a), Bytes(b)) if op == BinOp::Add && a.len() + b.len() <= MAX_FOLDED_STR_LEN => {
            Some(Bytes(
                a.iter()
                    .chain(b.iter())
                    .copied()
                    .collect::<Vec<u8>>()
                    .into(),
            ))
        }
        _ => None,
    }
}

fn fold_int(op: BinOp, a: i64, b: i64) -> Option<i64> {
    match op {
        BinOp::Add => a.checked_add(b),
        BinOp::Sub => a.checked_sub(b),
        BinOp::Mult => a.checked_mul(b),
        BinOp::Pow if (0..=MAX_FOLDED_POW_EXPONENT).contains(&b) => a.checked_pow(b as u32),
        BinOp::FloorDiv if b != 0 => {
            let q = a.checked_div(b)?;
            Some(if (a % b != 0) && ((a < 0) != (b < 0)) {
                q - 1
            } else {
                q
            })
        }
        BinOp::Mod if b != 0 => {
            let m = a.checked_rem(b)?;
            Some(if m != 0 && ((m < 0) != (b < 0)) {
                m + b
            } else {
                m
            })
        }
        BinOp::BitAnd => Some(a & b),
        BinOp::BitOr => Some(a | b),
        BinOp::BitXor => Some(a ^ b),
        BinOp::LShift if (0..63).contains(&b) => {
            let r = a << b;
            (r >> b == a).then_some(r)
        }
        BinOp::RShift if (0..64).contains(&b) => Some(a >> b),
        _ => None,
    }
}

fn fold_float(op: BinOp, a: f64, b: f64) -> Option<ConstValue> {
    let r = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mult => a * b,
        _ => return None,
    };
    r.is_finite().then_some(ConstValue::Float(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_folding_follows_python_floor_semantics() {
        assert_eq!(fold_int(BinOp::FloorDiv, -7, 2), Some(-4));
        assert_eq!(fold_int(BinOp::Mod, -7, 2), Some(1));
        assert_eq!(fold_int(BinOp::Mod, 7, -2), Some(-1));
        assert_eq!(fold_int(BinOp::FloorDiv, 7, 0), None);
        assert_eq!(fold_int(BinOp::Pow, 2, 10), Some(1024));
        assert_eq!(fold_int(BinOp::Pow, 2, 64), None);
        assert_eq!(fold_int(BinOp::Pow, 2, -1), None);
        assert_eq!(fold_int(BinOp::LShift, 1, 70), None);
        assert_eq!(fold_int(BinOp::Mult, i64::MAX, 2), None);
        assert_eq!(fold_int(BinOp::FloorDiv, i64::MIN, -1), None);
    }

    #[test]
    fn float_folding_refuses_division_and_overflow() {
        assert_eq!(fold_float(BinOp::Div, 1.0, 0.0), None);
        assert_eq!(fold_float(BinOp::Mult, 1e308, 10.0), None);
        assert_eq!(
            fold_float(BinOp::Add, 1.5, 2.0),
            Some(ConstValue::Float(3.5))
        );
    }

    #[test]
    fn string_folding_is_bounded() {
        let long: std::sync::Arc<str> = "x".repeat(MAX_FOLDED_STR_LEN).into();
        assert_eq!(
            fold_binop(
                BinOp::Add,
                &ConstValue::Str(long.clone()),
                &ConstValue::Str("y".into())
            ),
            None
        );
        assert_eq!(
            fold_binop(
                BinOp::Add,
                &ConstValue::Str("a".into()),
                &ConstValue::Str("b".into())
            ),
            Some(ConstValue::Str("ab".into()))
        );
    }
}
