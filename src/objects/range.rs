//! `range` objects and all their arithmetic: length, items, membership, slicing, equality,
//! the hash key, repr and which iterator they make.
//!
//! As in CPython, the bounds may be any ints. Ranges whose start, stop and step all fit i64
//! (nearly every range a program builds) keep them inline and iterate with the eval loop's
//! fast `IterKind::Range`; any other range holds big integers and its length, computed once,
//! and iterates with `IterKind::BigRange` (CPython's `longrange_iterator`).

use super::int::normalize;
use super::iter::IterKind;
use super::Value;
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub enum RangeObj {
    /// Start, stop and step all fit i64; step is never 0. The length may still exceed
    /// i64::MAX (`range(-2**63, 2**63 - 1)`), so it is computed in i128 when needed.
    Small { start: i64, stop: i64, step: i64 },
    /// Some bound does not fit i64.
    Big(BigRange),
}

pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    /// Never 0.
    pub step: BigInt,
    pub len: BigInt,
}

impl std::fmt::Debug for RangeObj {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (a, b, c) = self.bounds();
        write!(f, "range({a}, {b}, {c})")
    }
}

/// The number of values of range(start, stop, step) with i64 bounds: at most 2**64 - 1.
fn small_len(start: i64, stop: i64, step: i64) -> i128 {
    let (lo, hi, step) = if step > 0 {
        (start as i128, stop as i128, step as i128)
    } else {
        (stop as i128, start as i128, -(step as i128))
    };
    if lo >= hi {
        0
    } else {
        (hi - lo - 1) / step + 1
    }
}

/// The number of values of range(start, stop, step); `step` is not 0.
fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, step) = if step.is_positive() {
        (start, stop, step.clone())
    } else {
        (stop, start, -step)
    };
    if lo >= hi {
        BigInt::zero()
    } else {
        (hi - lo - 1u32) / step + 1u32
    }
}

/// Whether `x` is one of the values of range(start, stop, step), and at which index.
fn big_position(start: &BigInt, stop: &BigInt, step: &BigInt, x: &BigInt) -> Option<BigInt> {
    let inside = if step.is_positive() {
        start <= x && x < stop
    } else {
        stop < x && x <= start
    };
    if !inside {
        return None;
    }
    let d = x - start;
    (&d % step).is_zero().then(|| d / step)
}

impl RangeObj {
    /// range(start, stop, step); the caller has refused a zero step.
    pub fn new(start: BigInt, stop: BigInt, step: BigInt) -> RangeObj {
        match (start.to_i64(), stop.to_i64(), step.to_i64()) {
            (Some(start), Some(stop), Some(step)) => RangeObj::Small { start, stop, step },
            _ => {
                let len = big_len(&start, &stop, &step);
                RangeObj::Big(BigRange {
                    start,
                    stop,
                    step,
                    len,
                })
            }
        }
    }

    /// Start, stop and step as big integers, for the rarely used operations.
    pub fn bounds(&self) -> (BigInt, BigInt, BigInt) {
        match self {
            RangeObj::Small { start, stop, step } => (
                BigInt::from(*start),
                BigInt::from(*stop),
                BigInt::from(*step),
            ),
            RangeObj::Big(b) => (b.start.clone(), b.stop.clone(), b.step.clone()),
        }
    }

    pub fn start(&self) -> Value {
        match self {
            RangeObj::Small { start, .. } => Value::Int(*start),
            RangeObj::Big(b) => normalize(b.start.clone()),
        }
    }
    pub fn stop(&self) -> Value {
        match self {
            RangeObj::Small { stop, .. } => Value::Int(*stop),
            RangeObj::Big(b) => normalize(b.stop.clone()),
        }
    }
    pub fn step(&self) -> Value {
        match self {
            RangeObj::Small { step, .. } => Value::Int(*step),
            RangeObj::Big(b) => normalize(b.step.clone()),
        }
    }

    /// The exact number of values.
    pub fn len_big(&self) -> BigInt {
        match self {
            RangeObj::Small { start, stop, step } => BigInt::from(small_len(*start, *stop, *step)),
            RangeObj::Big(b) => b.len.clone(),
        }
    }

    /// `len(r)`: None when the length exceeds sys.maxsize (CPython raises OverflowError
    /// "Python int too large to convert to C ssize_t").
    pub fn len(&self) -> Option<i64> {
        match self {
            RangeObj::Small { start, stop, step } => {
                i64::try_from(small_len(*start, *stop, *step)).ok()
            }
            RangeObj::Big(b) => b.len.to_i64(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            RangeObj::Small { start, stop, step } => {
                if *step > 0 {
                    start >= stop
                } else {
                    start <= stop
                }
            }
            RangeObj::Big(b) => b.len.is_zero(),
        }
    }

    /// `r[i]` for an int index (negative counts from the end); None when out of range.
    pub fn item(&self, i: i64) -> Option<Value> {
        match self {
            RangeObj::Small { start, stop, step } => {
                let len = small_len(*start, *stop, *step);
                let i = if i < 0 { i as i128 + len } else { i as i128 };
                // An index inside the range gives a value between start and stop: it fits.
                (0..len)
                    .contains(&i)
                    .then(|| Value::Int((*start as i128 + i * *step as i128) as i64))
            }
            RangeObj::Big(_) => self.item_big(&BigInt::from(i)),
        }
    }

    /// `r[i]` for any int index.
    pub fn item_big(&self, i: &BigInt) -> Option<Value> {
        let len = self.len_big();
        let i = if i.is_negative() { i + &len } else { i.clone() };
        if i.is_negative() || i >= len {
            return None;
        }
        let (start, _, step) = self.bounds();
        Some(normalize(start + i * step))
    }

    /// The index of int `x` among the values, if it is one.
    pub fn position(&self, x: i64) -> Option<Value> {
        match self {
            RangeObj::Small { start, stop, step } => {
                let (start, stop, step, x) =
                    (*start as i128, *stop as i128, *step as i128, x as i128);
                let inside = if step > 0 {
                    start <= x && x < stop
                } else {
                    stop < x && x <= start
                };
                // The index is below the length, so below 2**64; beyond i64 only in ranges
                // too long for len().
                (inside && (x - start) % step == 0).then(|| {
                    let i = (x - start) / step;
                    i64::try_from(i).map_or_else(|_| normalize(BigInt::from(i)), Value::Int)
                })
            }
            RangeObj::Big(_) => self.position_big(&BigInt::from(x)).map(normalize),
        }
    }

    /// The index of any int `x` among the values, if it is one.
    pub fn position_big(&self, x: &BigInt) -> Option<BigInt> {
        match self {
            RangeObj::Big(b) => big_position(&b.start, &b.stop, &b.step, x),
            RangeObj::Small { .. } => {
                let (start, stop, step) = self.bounds();
                big_position(&start, &stop, &step, x)
            }
        }
    }

    /// `x in r` for an int `x`.
    pub fn contains(&self, x: i64) -> bool {
        match self {
            RangeObj::Small { start, stop, step } => {
                let (start, stop, step, x) =
                    (*start as i128, *stop as i128, *step as i128, x as i128);
                let inside = if step > 0 {
                    start <= x && x < stop
                } else {
                    stop < x && x <= start
                };
                inside && (x - start) % step == 0
            }
            RangeObj::Big(_) => self.position_big(&BigInt::from(x)).is_some(),
        }
    }

    /// `r[slice]` given the slice's (start, stop, step) as CPython's `_PySlice_GetLongIndices`
    /// leaves them (None for absent); None when the slice step is 0.
    pub fn slice(
        &self,
        start: Option<BigInt>,
        stop: Option<BigInt>,
        step: Option<BigInt>,
    ) -> Option<RangeObj> {
        let step = step.unwrap_or_else(BigInt::one);
        if step.is_zero() {
            return None;
        }
        let len = self.len_big();
        let (lower, upper) = if step.is_negative() {
            (BigInt::from(-1), &len - 1u32)
        } else {
            (BigInt::zero(), len.clone())
        };
        // A given index counts from the end when negative and is clamped to [lower, upper].
        let resolve = |i: Option<BigInt>, default: &BigInt| match i {
            None => default.clone(),
            Some(i) if i.is_negative() => (i + &len).max(lower.clone()),
            Some(i) => i.min(upper.clone()),
        };
        let (first, last) = if step.is_negative() {
            (resolve(start, &upper), resolve(stop, &lower))
        } else {
            (resolve(start, &lower), resolve(stop, &upper))
        };
        let (rstart, _, rstep) = self.bounds();
        let at = |i: BigInt| &rstart + i * &rstep;
        Some(RangeObj::new(at(first), at(last), &rstep * step))
    }

    /// `r == other`: the same sequence of values.
    pub fn same(&self, other: &RangeObj) -> bool {
        if let (
            RangeObj::Small { start, step, .. },
            RangeObj::Small {
                start: start2,
                step: step2,
                ..
            },
        ) = (self, other)
        {
            let (len, len2) = (self.small_len(), other.small_len());
            return len == len2 && (len == 0 || (start == start2 && (len == 1 || step == step2)));
        }
        let (len, len2) = (self.len_big(), other.len_big());
        if len != len2 {
            return false;
        }
        let ((start, _, step), (start2, _, step2)) = (self.bounds(), other.bounds());
        len.is_zero() || (start == start2 && (len.is_one() || step == step2))
    }

    fn small_len(&self) -> i128 {
        match self {
            RangeObj::Small { start, stop, step } => small_len(*start, *stop, *step),
            RangeObj::Big(_) => -1,
        }
    }

    /// CPython hashes a range as the tuple (len, start, step), with None for the start of an
    /// empty range and for the step of an empty or one-value range, so equal ranges hash
    /// equally.
    pub fn hash_key(&self) -> [Value; 3] {
        let len = self.len_big();
        if len.is_zero() {
            return [Value::Int(0), Value::None, Value::None];
        }
        let step = if len.is_one() {
            Value::None
        } else {
            self.step()
        };
        [normalize(len), self.start(), step]
    }

    pub fn repr(&self) -> String {
        match self {
            RangeObj::Small { start, stop, step } if *step == 1 => {
                format!("range({start}, {stop})")
            }
            RangeObj::Small { start, stop, step } => format!("range({start}, {stop}, {step})"),
            RangeObj::Big(b) if b.step.is_one() => format!("range({}, {})", b.start, b.stop),
            RangeObj::Big(b) => format!("range({}, {}, {})", b.start, b.stop, b.step),
        }
    }

    /// `iter(r)`: the i64 iterator when, as in CPython's `range_iter`, the length fits i64
    /// and the value after the last cannot overflow; else the big one.
    pub fn iter_kind(&self) -> IterKind {
        if let RangeObj::Small { start, stop, step } = *self {
            let len = small_len(start, stop, step);
            let next_fits = len == 0
                || if step > 0 {
                    stop as i128 <= i64::MAX as i128 - (step as i128 - 1)
                } else {
                    stop as i128 >= i64::MIN as i128 + (-1 - step as i128)
                };
            if let (Ok(len), true) = (i64::try_from(len), next_fits) {
                return IterKind::Range { start, step, len };
            }
        }
        let (start, _, step) = self.bounds();
        IterKind::BigRange {
            start,
            step,
            len: self.len_big(),
        }
    }

    /// `reversed(r)`: the values from the last down, as CPython's `range_reverse` (the i64
    /// iterator when -step, start - step and the length all fit i64).
    pub fn reversed_kind(&self) -> IterKind {
        if let RangeObj::Small { start, stop, step } = *self {
            let len = small_len(start, stop, step);
            let before_first = start as i128 - step as i128;
            if let (Some(neg), Ok(len), true) = (
                step.checked_neg(),
                i64::try_from(len),
                i64::try_from(before_first).is_ok(),
            ) {
                let last = (before_first + len as i128 * step as i128) as i64;
                return IterKind::Range {
                    start: last,
                    step: neg,
                    len,
                };
            }
        }
        let (start, _, step) = self.bounds();
        let len = self.len_big();
        IterKind::BigRange {
            start: start + (&len - 1u32) * &step,
            step: -step,
            len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }
    fn r(start: &str, stop: &str, step: &str) -> RangeObj {
        RangeObj::new(big(start), big(stop), big(step))
    }
    fn val(v: Option<Value>) -> String {
        match v {
            Some(Value::Int(i)) => i.to_string(),
            Some(Value::BigInt(b)) => b.to_string(),
            Some(_) => "?".into(),
            None => "none".into(),
        }
    }

    #[test]
    fn lengths_small_and_big() {
        assert_eq!(r("0", "10", "3").len(), Some(4));
        assert_eq!(r("10", "0", "-3").len(), Some(4));
        assert_eq!(r("0", "-1", "1").len(), Some(0));
        assert_eq!(r("5", "5", "-1").len(), Some(0));
        // Beyond sys.maxsize with i64 bounds: len() overflows, the exact length does not.
        let wide = r("-9223372036854775808", "9223372036854775807", "1");
        assert!(matches!(wide, RangeObj::Small { .. }));
        assert_eq!(wide.len(), None);
        assert_eq!(wide.len_big(), big("18446744073709551615"));
        assert_eq!(r("0", "100000000000000000000", "1").len(), None);
        assert_eq!(
            r("18446744073709551616", "18446744073709551619", "1").len(),
            Some(3)
        );
        assert_eq!(
            r("100000000000000000000", "-100000000000000000000", "-7").len_big(),
            big("28571428571428571429")
        );
        assert!(r("1", "100000000000000000000", "-1").is_empty());
        assert!(!r("0", "100000000000000000000", "1").is_empty());
    }

    #[test]
    fn items_with_negative_and_big_indices() {
        let huge = r("0", "100000000000000000000", "1");
        assert_eq!(val(huge.item(-1)), "99999999999999999999");
        assert_eq!(
            val(huge.item_big(&big("10000000000000000000"))),
            "10000000000000000000"
        );
        assert_eq!(val(huge.item_big(&big("100000000000000000000"))), "none");
        let down = r("10", "-10", "-3");
        assert_eq!(val(down.item(0)), "10");
        assert_eq!(val(down.item(-1)), "-8");
        assert_eq!(val(down.item(7)), "none");
        assert_eq!(val(down.item(-8)), "none");
        assert_eq!(
            val(r("0", "10", "1").item_big(&big("-100000000000000000000"))),
            "none"
        );
    }

    #[test]
    fn membership_and_position_with_negative_steps() {
        let down = r("10", "-10", "-3");
        assert!(down.contains(-8) && down.contains(10) && !down.contains(-10));
        assert!(!down.contains(9) && !down.contains(13));
        assert_eq!(val(down.position(-8)), "6");
        assert_eq!(val(down.position(-9)), "none");
        let wide = r("-9223372036854775808", "9223372036854775807", "1");
        assert_eq!(
            val(wide.position(9223372036854775806)),
            "18446744073709551614"
        );
        let big_down = r("100000000000000000000", "0", "-10000000000000000000");
        assert_eq!(
            big_down.position_big(&big("30000000000000000000")),
            Some(BigInt::from(7))
        );
        assert!(!big_down.contains(0));
        assert!(big_down
            .position_big(&big("30000000000000000001"))
            .is_none());
        assert_eq!(
            r("0", "100000000000000000000", "1").position_big(&big("99999999999999999999")),
            Some(big("99999999999999999999"))
        );
        assert_eq!(
            val(r("-5", "-100000000000000000000", "-5").position(-15)),
            "2"
        );
    }

    #[test]
    fn slices_follow_cpython_long_indices() {
        let base = r("0", "20", "4");
        let s = |a: Option<i64>, b: Option<i64>, c: Option<i64>| {
            base.slice(
                a.map(BigInt::from),
                b.map(BigInt::from),
                c.map(BigInt::from),
            )
            .map(|x| x.repr())
        };
        assert_eq!(s(None, None, Some(-1)).unwrap(), "range(16, -4, -4)");
        assert_eq!(s(Some(1), Some(3), None).unwrap(), "range(4, 12, 4)");
        assert_eq!(
            s(Some(-100), Some(100), Some(3)).unwrap(),
            "range(0, 20, 12)"
        );
        assert!(s(None, None, Some(0)).is_none());
        let huge = r("0", "100000000000000000000", "1");
        let tail = huge.slice(Some(big("-3")), None, None).unwrap();
        assert_eq!(
            tail.repr(),
            "range(99999999999999999997, 100000000000000000000)"
        );
        let rev = r("0", "10", "1").slice(None, None, Some(big("-100000000000000000000")));
        assert_eq!(rev.unwrap().repr(), "range(9, -1, -100000000000000000000)");
    }

    #[test]
    fn equality_ignores_the_unused_parts() {
        assert!(r("0", "0", "1").same(&r("5", "2", "3")));
        assert!(r("3", "4", "7").same(&r("3", "5", "100000000000000000000")));
        assert!(!r("0", "10", "2").same(&r("0", "10", "3")));
        assert!(
            r("18446744073709551616", "18446744073709551620", "2").same(&r(
                "18446744073709551616",
                "18446744073709551619",
                "2"
            ))
        );
    }

    #[test]
    fn iterators_pick_the_i64_kind_as_cpython() {
        let small = |k: IterKind| matches!(k, IterKind::Range { .. });
        assert!(small(r("0", "10", "1").iter_kind()));
        assert!(small(r("0", "9223372036854775807", "1").iter_kind()));
        assert!(!small(r("0", "9223372036854775807", "2").iter_kind()));
        assert!(!small(r("0", "18446744073709551616", "1").iter_kind()));
        assert!(small(r("10", "0", "-1").reversed_kind()));
        assert!(!small(r("-9223372036854775807", "10", "1").reversed_kind()));
        assert!(!small(r("0", "10", "-9223372036854775808").reversed_kind()));
        match r("0", "10", "3").reversed_kind() {
            IterKind::Range { start, step, len } => assert_eq!((start, step, len), (9, -3, 4)),
            _ => panic!("expected the i64 iterator"),
        }
        match r("18446744073709551616", "18446744073709551626", "3").reversed_kind() {
            IterKind::BigRange { start, step, len } => {
                assert_eq!(start, big("18446744073709551625"));
                assert_eq!((step, len), (BigInt::from(-3), BigInt::from(4)));
            }
            _ => panic!("expected the big iterator"),
        }
    }
}
