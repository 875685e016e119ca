//! The `random` module: CPython's Mersenne Twister (MT19937) with CPython's seeding, so a
//! seeded program draws exactly the numbers CPython draws. The generator core is native (the
//! `_random` helpers here); the distribution methods are Python in `py/random.py`, written
//! after CPython's algorithms so they consume the generator in the same order.
//!
//! Thread safety: each generator's state sits behind its own lock, taken once per native call.

use super::util::{pos, python_module, to_bigint, to_i64};
use crate::objects::class::types;
use crate::objects::function::Args;
use crate::objects::{Class, Module, NativeObject, PyErr, PyResult, Value};
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use num_traits::FromPrimitive;
use parking_lot::Mutex;
use std::any::Any;
use std::sync::{Arc, OnceLock};

/// MT19937 state size in 32-bit words.
const N: usize = 624;
/// MT19937 shift offset.
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The Mersenne Twister state, as CPython's `_randommodule.c` keeps it.
pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    pub fn new() -> Mt {
        let mut mt = Mt {
            state: [0; N],
            index: N + 1,
        };
        mt.seed_words(&[0]);
        mt
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// CPython's `init_by_array`.
    pub fn seed_words(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let key: &[u32] = if key.is_empty() { &[0] } else { key };
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        self.index = N;
    }

    /// Seeds from a non-negative integer: its 32-bit words, least significant first.
    pub fn seed_bigint(&mut self, n: &BigInt) {
        let (_, words) = n.to_u32_digits();
        self.seed_words(&words);
    }

    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mt = &mut self.state;
            let mag01 = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01(y);
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01(y);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits (CPython's `random_random`).
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for k >= 0, words drawn least significant first.
    pub fn getrandbits(&mut self, k: u64) -> BigInt {
        if k == 0 {
            return BigInt::from(0);
        }
        if k <= 32 {
            return BigInt::from(self.next_u32() >> (32 - k));
        }
        let mut words = Vec::with_capacity(k.div_ceil(32) as usize);
        let mut left = k;
        while left > 0 {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            words.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(Sign::Plus, &words)
    }

    /// A uniform int in [0, n) for n > 0 by rejection (CPython's `_randbelow_with_getrandbits`).
    pub fn randbelow(&mut self, n: &BigInt) -> BigInt {
        let k = n.bits();
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }
}

impl Default for Mt {
    fn default() -> Self {
        Mt::new()
    }
}

/// A generator object (`_random.Random`'s native state).
pub struct MtObj {
    pub mt: Mutex<Mt>,
}

static MT_CLASS: OnceLock<Arc<Class>> = OnceLock::new();

impl NativeObject for MtObj {
    fn class(&self) -> Arc<Class> {
        MT_CLASS
            .get_or_init(|| Class::new_builtin("_MT", Some(&types().object)))
            .clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The generator behind `self`: the native state itself, or a `Random` instance's `_mt`.
fn mt_of(vm: &mut Vm, args: &Args, fname: &str) -> PyResult<Arc<dyn NativeObject>> {
    let me = pos(args, 0, fname)?;
    if let Value::Native(n) = me {
        if n.as_any().is::<MtObj>() {
            return Ok(n.clone());
        }
    }
    match vm.getattr(me, "_mt")? {
        Value::Native(n) if n.as_any().is::<MtObj>() => Ok(n),
        _ => Err(PyErr::type_error(format!(
            "{fname}: expected a generator state"
        ))),
    }
}

/// Runs `f` on the locked generator of `self`.
fn with_mt<T>(vm: &mut Vm, args: &Args, fname: &str, f: impl FnOnce(&mut Mt) -> T) -> PyResult<T> {
    let n = mt_of(vm, args, fname)?;
    match n.as_any().downcast_ref::<MtObj>() {
        Some(obj) => Ok(f(&mut obj.mt.lock())),
        None => Err(PyErr::type_error(format!(
            "{fname}: expected a generator state"
        ))),
    }
}

/// `_method(builtin)`: the builtin as a method (bound to instances) of a Python class.
fn as_method(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match pos(&args, 0, "_method")? {
        Value::Builtin(b) => {
            let mut m = crate::objects::Builtin::new(b.name, b.func);
            m.owner = Some("Random");
            Ok(Value::Builtin(Arc::new(m)))
        }
        other => Ok(other.clone()),
    }
}

fn mt_new(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Native(Arc::new(MtObj {
        mt: Mutex::new(Mt::new()),
    })))
}

/// OS entropy for `seed(None)`.
fn entropy_words() -> Vec<u32> {
    let mut buf = [0u8; 32 * 4];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf))
        .is_ok();
    if !ok {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let pid = std::process::id() as u128;
        let mix = t ^ (pid << 64);
        buf[..16].copy_from_slice(&mix.to_le_bytes());
    }
    buf.chunks(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

/// `_seed(mt, a)`: None → entropy; int → abs value; str/bytes → bytes + sha512 (version 2);
/// anything else → its hash.
fn mt_seed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.pos.get(1).cloned().unwrap_or(Value::None);
    let n: BigInt = match &a {
        Value::None => {
            let words = entropy_words();
            with_mt(vm, &args, "seed", |mt| mt.seed_words(&words))?;
            return Ok(Value::None);
        }
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => to_bigint(&a)?,
        Value::Str(s) => bytes_seed(s.as_str().as_bytes()),
        Value::Bytes(b) => bytes_seed(b),
        _ => match to_bigint(&a) {
            Ok(n) => n,
            Err(_) => BigInt::from(vm.hash(&a)?),
        },
    };
    let n = if n.sign() == Sign::Minus { -n } else { n };
    with_mt(vm, &args, "seed", |mt| mt.seed_bigint(&n))?;
    Ok(Value::None)
}

/// CPython's version-2 seeding of str/bytes: `int.from_bytes(a + sha512(a).digest(), 'big')`.
fn bytes_seed(b: &[u8]) -> BigInt {
    use sha2::{Digest, Sha512};
    let digest = Sha512::digest(b);
    let mut all = b.to_vec();
    all.extend_from_slice(&digest);
    BigInt::from_bytes_be(Sign::Plus, &all)
}

fn mt_random(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(with_mt(vm, &args, "random", |mt| {
        mt.random()
    })?))
}

fn mt_getrandbits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let k = to_i64(pos(&args, 1, "getrandbits")?)?;
    if k < 0 {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    let r = with_mt(vm, &args, "getrandbits", |mt| mt.getrandbits(k as u64))?;
    Ok(Value::from_bigint(r))
}

fn mt_randbelow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = to_bigint(pos(&args, 1, "_randbelow")?)?;
    if n.sign() != Sign::Plus {
        return Ok(Value::Int(0));
    }
    let r = with_mt(vm, &args, "_randbelow", |mt| mt.randbelow(&n))?;
    Ok(Value::from_bigint(r))
}

/// `_shuffle(mt, list)`: CPython's shuffle, run whole under the list's lock (no Python code
/// runs inside: the items are only moved).
fn mt_shuffle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::List(l)) = args.pos.get(1) else {
        return Ok(Value::NotImplemented);
    };
    let l = l.clone();
    with_mt(vm, &args, "shuffle", |mt| {
        let mut items = l.lock();
        for i in (1..items.len()).rev() {
            let j = mt.randbelow(&BigInt::from(i + 1));
            let j: usize = num_traits::ToPrimitive::to_usize(&j).unwrap_or(0);
            items.swap(i, j);
        }
    })?;
    Ok(Value::None)
}

/// A randrange argument: an int, or a float with an integral value (CPython 3.11 still
/// accepts those, with a DeprecationWarning).
fn range_arg(v: &Value, what: &str) -> PyResult<BigInt> {
    match v {
        Value::Float(f) => {
            if f.fract() != 0.0 || !f.is_finite() {
                return Err(PyErr::value_error(format!(
                    "non-integer {what} for randrange()"
                )));
            }
            Ok(BigInt::from_f64(*f).unwrap_or_default())
        }
        _ => to_bigint(v),
    }
}

/// CPython's `Random.randrange` (same draws, same messages).
fn randrange_impl(
    vm: &mut Vm,
    args: &Args,
    start: &Value,
    stop: Option<&Value>,
    step: Option<&Value>,
) -> PyResult<Value> {
    use num_traits::{One, Zero};
    let istart = range_arg(start, "arg 1")?;
    let below = |vm: &mut Vm, n: &BigInt| with_mt(vm, args, "randrange", |mt| mt.randbelow(n));
    let Some(stop) = stop.filter(|v| !v.is_none()) else {
        if step.is_some_and(|s| !matches!(s, Value::Int(1))) {
            return Err(PyErr::type_error("Missing a non-None stop argument"));
        }
        if istart.sign() == Sign::Plus {
            return Ok(Value::from_bigint(below(vm, &istart)?));
        }
        return Err(PyErr::value_error("empty range for randrange()"));
    };
    let istop = range_arg(stop, "stop")?;
    let width = &istop - &istart;
    let istep = match step {
        Some(s) => range_arg(s, "step")?,
        None => BigInt::one(),
    };
    if istep.is_one() {
        if width.sign() == Sign::Plus {
            return Ok(Value::from_bigint(istart + below(vm, &width)?));
        }
        return Err(PyErr::value_error(format!(
            "empty range for randrange() ({istart}, {istop}, {width})"
        )));
    }
    let n = if istep.sign() == Sign::Plus {
        num_integer::Integer::div_floor(&(&width + &istep - 1), &istep)
    } else if istep.sign() == Sign::Minus {
        num_integer::Integer::div_floor(&(&width + &istep + 1), &istep)
    } else {
        return Err(PyErr::value_error("zero step for randrange()"));
    };
    if n.sign() != Sign::Plus || n.is_zero() {
        return Err(PyErr::value_error("empty range for randrange()"));
    }
    Ok(Value::from_bigint(istart + istep * below(vm, &n)?))
}

fn mt_randrange(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let start = args
        .pos
        .get(1)
        .or_else(|| args.get_kw("start"))
        .ok_or_else(|| {
            PyErr::type_error("Random.randrange() missing 1 required positional argument: 'start'")
        })?;
    let stop = args.pos.get(2).or_else(|| args.get_kw("stop"));
    let step = args.pos.get(3).or_else(|| args.get_kw("step"));
    let result = randrange_impl(vm, &args, start, stop, step);
    // CPython 3.11's DeprecationWarnings for float arguments, one per float argument up to
    // the first non-integral one (which then raises ValueError).
    let mut messages = Vec::new();
    let floats = [Some(start), stop.filter(|v| !v.is_none()), step];
    for f in floats.into_iter().flatten() {
        if let Value::Float(x) = f {
            if x.fract() != 0.0 || !x.is_finite() {
                messages.push("randrange() will raise TypeError in the future".to_string());
                break;
            }
            messages.push(
                "non-integer arguments to randrange() have been deprecated since Python 3.10 \
                 and will be removed in a subsequent version"
                    .to_string(),
            );
        }
    }
    if messages.is_empty() {
        return result;
    }
    Err(crate::vm::frames::request(
        crate::vm::frames::FrameQuery::Warn {
            category: crate::objects::ExcKind::DeprecationWarning,
            messages,
            stacklevel: 1,
            then: result,
        },
    ))
}

fn mt_randint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = pos(&args, 1, "randint")?;
    let b = pos(&args, 2, "randint")?;
    let b1 = vm.binop(crate::parser::ast::BinOp::Add, b, &Value::Int(1))?;
    randrange_impl(vm, &args, a, Some(&b1), None)
}

fn mt_choice(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let seq = pos(&args, 1, "choice")?;
    let n = vm.len(seq)?;
    if n == 0 {
        return Err(PyErr::index_error("Cannot choose from an empty sequence"));
    }
    let i = with_mt(vm, &args, "choice", |mt| mt.randbelow(&BigInt::from(n)))?;
    vm.getitem(seq, &Value::from_bigint(i))
}

/// `_getstate(mt)`: (624 words..., index) as CPython's `random.getstate()[1]`.
fn mt_getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = with_mt(vm, &args, "getstate", |mt| {
        let mut v: Vec<Value> = mt.state.iter().map(|w| Value::Int(*w as i64)).collect();
        v.push(Value::Int(mt.index as i64));
        v
    })?;
    Ok(Value::tuple(v))
}

fn mt_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = vm.collect(pos(&args, 1, "setstate")?)?;
    if items.len() != N + 1 {
        return Err(PyErr::value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (slot, v) in state.iter_mut().zip(items.iter()) {
        let w = to_i64(v)?;
        *slot = u32::try_from(w).map_err(|_| PyErr::overflow_error("state word out of range"))?;
    }
    let index = to_i64(&items[N])?;
    if !(0..=N as i64).contains(&index) {
        return Err(PyErr::value_error("invalid state"));
    }
    with_mt(vm, &args, "setstate", |mt| {
        mt.state = state;
        mt.index = index as usize;
    })?;
    Ok(Value::None)
}

pub fn init(vm: &mut Vm) -> PyResult<Arc<Module>> {
    python_module(
        vm,
        "random",
        &[
            ("_mt_new", mt_new),
            ("_mt_seed", mt_seed),
            ("_mt_random", mt_random),
            ("_mt_getrandbits", mt_getrandbits),
            ("_mt_randbelow", mt_randbelow),
            ("_mt_shuffle", mt_shuffle),
            ("_mt_getstate", mt_getstate),
            ("_mt_setstate", mt_setstate),
            ("_mt_randrange", mt_randrange),
            ("_mt_randint", mt_randint),
            ("_mt_choice", mt_choice),
            ("_method", as_method),
        ],
        include_str!("py/random.py"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_42_matches_cpython_first_float() {
        let mut mt = Mt::new();
        mt.seed_bigint(&BigInt::from(42));
        // CPython: random.seed(42); random.random() == 0.6394267984578837
        assert_eq!(mt.random(), 0.6394267984578837);
    }

    #[test]
    fn getrandbits_zero_is_zero() {
        let mut mt = Mt::new();
        assert_eq!(mt.getrandbits(0), BigInt::from(0));
    }

    #[test]
    fn randbelow_stays_below() {
        let mut mt = Mt::new();
        let n = BigInt::from(7);
        for _ in 0..100 {
            assert!(mt.randbelow(&n) < n);
        }
    }
}
