//! The `math` module: float functions over the C library's libm (through Rust's f64), exact
//! integer functions over big integers, CPython's error messages (`math domain error`).

use super::util::{native_module, pos, to_bigint, to_f64};
use crate::objects::function::Args;
use crate::objects::{Module, PyErr, PyResult, Value};
use crate::parser::ast::BinOp;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::sync::Arc;

fn domain() -> PyErr {
    PyErr::value_error("math domain error")
}

fn range() -> PyErr {
    PyErr::overflow_error("math range error")
}

fn farg(args: &Args, i: usize, fname: &str) -> PyResult<f64> {
    to_f64(pos(args, i, fname)?)
}

/// Applies a float function, mapping a NaN result from a non-NaN input to a domain error and
/// an infinite result from a finite input to a range error (CPython's `math_1`).
fn math_1(args: &Args, fname: &str, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let x = farg(args, 0, fname)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(Value::Float(r))
}

macro_rules! unary {
    ($name:ident, $f:expr, $ovf:expr) => {
        fn $name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
            math_1(&args, stringify!($name), $f, $ovf)
        }
    };
}

unary!(sqrt, f64::sqrt, false);
unary!(exp, f64::exp, true);
unary!(expm1, f64::exp_m1, true);
unary!(sin, f64::sin, false);
unary!(cos, f64::cos, false);
unary!(tan, f64::tan, false);
unary!(asin, f64::asin, false);
unary!(acos, f64::acos, false);
unary!(atan, f64::atan, false);
unary!(sinh, f64::sinh, true);
unary!(cosh, f64::cosh, true);
unary!(tanh, f64::tanh, false);
unary!(asinh, f64::asinh, false);
unary!(acosh, f64::acosh, false);
unary!(atanh, f64::atanh, false);
unary!(fabs, f64::abs, false);
unary!(log1p, f64::ln_1p, false);
unary!(cbrt, f64::cbrt, false);

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

/// A float's integral value as a Python int (`cannot convert float NaN to integer`).
fn float_to_int(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(PyErr::overflow_error(
            "cannot convert float infinity to integer",
        ));
    }
    if x.abs() < 9.0e18 {
        return Ok(Value::Int(x as i64));
    }
    Ok(Value::from_bigint(
        num_bigint::BigInt::from_f64(x).unwrap_or_default(),
    ))
}

use num_traits::FromPrimitive;

fn rounding(
    vm: &mut Vm,
    args: Args,
    fname: &str,
    dunder: &str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let v = pos(&args, 0, fname)?;
    if is_int(v) {
        return Ok(Value::from_bigint(to_bigint(v)?));
    }
    if let Value::Instance(_) = v {
        if let Some(m) = vm.special(v, dunder) {
            return vm.call(&m, Args::new(std::slice::from_ref(v)));
        }
    }
    float_to_int(f(to_f64(v)?))
}

fn floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(vm, args, "floor", "__floor__", f64::floor)
}
fn ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(vm, args, "ceil", "__ceil__", f64::ceil)
}
fn trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = pos(&args, 0, "trunc")?;
    if !is_int(v) && !matches!(v, Value::Float(_)) {
        if let Some(m) = vm.special(v, "__trunc__") {
            return vm.call(&m, Args::new(std::slice::from_ref(v)));
        }
        return Err(PyErr::type_error(format!(
            "type {} doesn't define __trunc__ method",
            v.type_name()
        )));
    }
    rounding(vm, args, "trunc", "__trunc__", f64::trunc)
}

/// ln of a positive int of any size: exact float when it fits, else by shifting.
fn log_value(v: &Value) -> PyResult<f64> {
    if let Value::BigInt(b) = v {
        if !b.is_positive() {
            return Err(domain());
        }
        if let Some(f) = b.to_f64().filter(|f| f.is_finite()) {
            return Ok(f.ln());
        }
        let shift = b.bits().saturating_sub(60);
        let top: BigInt = &**b >> shift;
        let f = top.to_f64().unwrap_or(1.0);
        return Ok(f.ln() + shift as f64 * std::f64::consts::LN_2);
    }
    let x = to_f64(v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(x.ln())
}

fn log(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let num = log_value(pos(&args, 0, "log")?)?;
    match args.pos.get(1) {
        None => Ok(Value::Float(num)),
        Some(b) => {
            let den = log_value(b)?;
            if den == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn log2(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = pos(&args, 0, "log2")?;
    if let Value::Float(x) = v {
        if *x <= 0.0 {
            return Err(domain());
        }
        return Ok(Value::Float(x.log2()));
    }
    if let Value::Int(i) = v {
        if *i <= 0 {
            return Err(domain());
        }
        return Ok(Value::Float((*i as f64).log2()));
    }
    Ok(Value::Float(log_value(v)? / std::f64::consts::LN_2))
}

fn log10(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = pos(&args, 0, "log10")?;
    if let Value::Float(x) = v {
        if *x <= 0.0 {
            return Err(domain());
        }
        return Ok(Value::Float(x.log10()));
    }
    if let Value::Int(i) = v {
        if *i <= 0 {
            return Err(domain());
        }
        return Ok(Value::Float((*i as f64).log10()));
    }
    Ok(Value::Float(log_value(v)? / std::f64::consts::LN_10))
}

fn pow(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = farg(&args, 0, "pow")?;
    let y = farg(&args, 1, "pow")?;
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(domain());
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        return Err(domain());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn atan2(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(
        farg(&args, 0, "atan2")?.atan2(farg(&args, 1, "atan2")?),
    ))
}

fn hypot(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut acc = 0.0f64;
    let mut inf = false;
    let mut nan = false;
    let mut vals = Vec::with_capacity(args.pos.len());
    for v in args.pos {
        let x = to_f64(v)?.abs();
        inf |= x.is_infinite();
        nan |= x.is_nan();
        vals.push(x);
    }
    if inf {
        return Ok(Value::Float(f64::INFINITY));
    }
    if nan {
        return Ok(Value::Float(f64::NAN));
    }
    let max = vals.iter().cloned().fold(0.0, f64::max);
    if max == 0.0 {
        return Ok(Value::Float(0.0));
    }
    for x in &vals {
        let s = x / max;
        acc += s * s;
    }
    Ok(Value::Float(max * acc.sqrt()))
}

fn degrees(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(
        farg(&args, 0, "degrees")? * (180.0 / std::f64::consts::PI),
    ))
}
fn radians(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(
        farg(&args, 0, "radians")? * (std::f64::consts::PI / 180.0),
    ))
}
fn isfinite(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(farg(&args, 0, "isfinite")?.is_finite()))
}
fn isinf(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(farg(&args, 0, "isinf")?.is_infinite()))
}
fn isnan(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(farg(&args, 0, "isnan")?.is_nan()))
}
fn copysign(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(
        farg(&args, 0, "copysign")?.copysign(farg(&args, 1, "copysign")?),
    ))
}
fn fmod(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = farg(&args, 0, "fmod")?;
    let y = farg(&args, 1, "fmod")?;
    if y == 0.0 && !x.is_nan() || x.is_infinite() && !y.is_nan() {
        return Err(domain());
    }
    Ok(Value::Float(x % y))
}

fn modf(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = farg(&args, 0, "modf")?;
    if x.is_infinite() {
        return Ok(Value::tuple(vec![
            Value::Float(0.0f64.copysign(x)),
            Value::Float(x),
        ]));
    }
    let i = x.trunc();
    Ok(Value::tuple(vec![
        Value::Float((x - i).copysign(x)),
        Value::Float(i),
    ]))
}

fn frexp(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = farg(&args, 0, "frexp")?;
    let (m, e) = crate::objects::int::frexp(x);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn ldexp(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = farg(&args, 0, "ldexp")?;
    let ev = pos(&args, 1, "ldexp")?;
    if !is_int(ev) {
        return Err(PyErr::type_error(
            "Expected an int as second argument to ldexp.",
        ));
    }
    let e = to_bigint(ev)?
        .to_i64()
        .unwrap_or(i64::MAX)
        .clamp(-100_000, 100_000) as i32;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    // Scale in steps so intermediate powers of two stay finite.
    let mut r = x;
    let mut left = e;
    while left != 0 {
        let step = left.clamp(-1000, 1000);
        r *= 2f64.powi(step);
        left -= step;
    }
    if r.is_infinite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn int_arg(v: &Value) -> PyResult<BigInt> {
    if let Value::Float(_) = v {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    to_bigint(v)
}

fn factorial(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = int_arg(pos(&args, 0, "factorial")?)?;
    if n.is_negative() {
        return Err(PyErr::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let n = n.to_u64().ok_or_else(|| {
        PyErr::overflow_error("factorial() argument should not exceed 9223372036854775807")
    })?;
    let mut acc = BigInt::one();
    for i in 2..=n {
        acc *= i;
    }
    Ok(Value::from_bigint(acc))
}

fn gcd(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut acc = BigInt::zero();
    for v in args.pos {
        acc = acc.gcd(&int_arg(v)?);
    }
    Ok(Value::from_bigint(acc))
}

fn lcm(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut acc = BigInt::one();
    for v in args.pos {
        let x = int_arg(v)?;
        if x.is_zero() || acc.is_zero() {
            acc = BigInt::zero();
            continue;
        }
        acc = acc.lcm(&x).abs();
    }
    Ok(Value::from_bigint(acc))
}

fn isqrt(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = int_arg(pos(&args, 0, "isqrt")?)?;
    if n.is_negative() {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn comb_perm(args: &Args, fname: &str, comb: bool) -> PyResult<Value> {
    let n = int_arg(pos(args, 0, fname)?)?;
    let k = match args.pos.get(1) {
        Some(v) if !v.is_none() => int_arg(v)?,
        _ if !comb => n.clone(),
        _ => {
            return Err(PyErr::type_error(format!(
                "{fname} expected 2 arguments, got 1"
            )))
        }
    };
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let mut k = k
        .to_u64()
        .ok_or_else(|| PyErr::overflow_error("k too large"))?;
    if comb {
        let nk = (&n - k).to_u64().unwrap_or(u64::MAX);
        k = k.min(nk);
    }
    let mut acc = BigInt::one();
    for i in 0..k {
        acc *= &n - i;
        if comb {
            acc /= i + 1;
        }
    }
    Ok(Value::from_bigint(acc))
}

fn comb(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    comb_perm(&args, "comb", true)
}
fn perm(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    comb_perm(&args, "perm", false)
}

fn isclose(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = farg(&args, 0, "isclose")?;
    let b = farg(&args, 1, "isclose")?;
    let rel = args
        .get_kw("rel_tol")
        .map(to_f64)
        .transpose()?
        .unwrap_or(1e-9);
    let abs = args
        .get_kw("abs_tol")
        .map(to_f64)
        .transpose()?
        .unwrap_or(0.0);
    if rel < 0.0 || abs < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs,
    ))
}

/// Shewchuk's exact summation with partials, as CPython's `math_fsum`.
fn fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = vm.collect(pos(&args, 0, "fsum")?)?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    for v in &items {
        let mut x = to_f64(v)?;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(PyErr::value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special));
    }
    let mut hi = 0.0f64;
    if let Some(mut n) = partials.len().checked_sub(0).filter(|n| *n > 0) {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn prod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = vm.collect(pos(&args, 0, "prod")?)?;
    let mut acc = args.get_kw("start").cloned().unwrap_or(Value::Int(1));
    for v in &items {
        acc = vm.binop(BinOp::Mult, &acc, v)?;
    }
    Ok(acc)
}

fn dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = vm.collect(pos(&args, 0, "dist")?)?;
    let q = vm.collect(pos(&args, 1, "dist")?)?;
    if p.len() != q.len() {
        return Err(PyErr::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(q.iter()) {
        diffs.push(Value::Float(to_f64(a)? - to_f64(b)?));
    }
    hypot(vm, Args::new(&diffs))
}

pub fn init(_vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = native_module(
        "math",
        &[
            ("sqrt", sqrt),
            ("exp", exp),
            ("expm1", expm1),
            ("sin", sin),
            ("cos", cos),
            ("tan", tan),
            ("asin", asin),
            ("acos", acos),
            ("atan", atan),
            ("sinh", sinh),
            ("cosh", cosh),
            ("tanh", tanh),
            ("asinh", asinh),
            ("acosh", acosh),
            ("atanh", atanh),
            ("fabs", fabs),
            ("log1p", log1p),
            ("cbrt", cbrt),
            ("floor", floor),
            ("ceil", ceil),
            ("trunc", trunc),
            ("log", log),
            ("log2", log2),
            ("log10", log10),
            ("pow", pow),
            ("atan2", atan2),
            ("hypot", hypot),
            ("degrees", degrees),
            ("radians", radians),
            ("isfinite", isfinite),
            ("isinf", isinf),
            ("isnan", isnan),
            ("copysign", copysign),
            ("fmod", fmod),
            ("modf", modf),
            ("frexp", frexp),
            ("ldexp", ldexp),
            ("factorial", factorial),
            ("gcd", gcd),
            ("lcm", lcm),
            ("isqrt", isqrt),
            ("comb", comb),
            ("perm", perm),
            ("isclose", isclose),
            ("fsum", fsum),
            ("prod", prod),
            ("dist", dist),
        ],
    );
    m.set("pi", Value::Float(std::f64::consts::PI));
    m.set("e", Value::Float(std::f64::consts::E));
    m.set("tau", Value::Float(std::f64::consts::TAU));
    m.set("inf", Value::Float(f64::INFINITY));
    m.set("nan", Value::Float(f64::NAN));
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_to_int_nan_is_value_error() {
        assert!(float_to_int(f64::NAN).is_err());
    }

    #[test]
    fn float_to_int_inf_is_overflow() {
        assert!(float_to_int(f64::INFINITY).is_err());
    }

    #[test]
    fn log_of_huge_int() {
        let big = Value::from_bigint(BigInt::from(1) << 2000u32);
        let l = log_value(&big).unwrap_or(0.0);
        assert!((l - 2000.0 * std::f64::consts::LN_2).abs() < 1e-9);
    }
}
