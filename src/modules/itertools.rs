//! The `itertools` module: the hot infinite/slicing iterators (`count`, `repeat`, `cycle`,
//! `chain`, `islice`) are native; the combinatoric and grouping tools are Python generators
//! in `py/itertools.py`. A native iterator's lock is never held while it pulls from the
//! iterator it wraps (which may run Python code).

use super::util::{pos, python_module, to_i64};
use crate::builtins::add_methods;
use crate::objects::function::Args;
use crate::objects::{Class, DictObj, Module, NativeObject, PyErr, PyResult, Value};
use crate::parser::ast::BinOp;
use crate::vm::Vm;
use parking_lot::Mutex;
use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

static CLASSES: OnceLock<HashMap<&'static str, Arc<Class>>> = OnceLock::new();

const NAMES: [&str; 5] = ["count", "repeat", "cycle", "chain", "islice"];

fn class(name: &str) -> Arc<Class> {
    let map = CLASSES.get_or_init(|| {
        let mut m = HashMap::new();
        for n in NAMES {
            let ns = Arc::new(DictObj::new());
            ns.set_str("__module__", Value::str("itertools"));
            let cls = Class::new_user(n, n, vec![], ns, None)
                .unwrap_or_else(|_| Class::new_builtin(n, None));
            let ctor: crate::objects::function::NativeFn = match n {
                "count" => count_new,
                "repeat" => repeat_new,
                "cycle" => cycle_new,
                "chain" => chain_new,
                _ => islice_new,
            };
            add_methods(&cls, "itertools", &[("__new__", ctor)]);
            if n == "chain" {
                let mut b = crate::objects::Builtin::new("from_iterable", chain_from_iterable);
                b.owner = None;
                cls.dict
                    .set_str("from_iterable", Value::Builtin(Arc::new(b)));
            }
            m.insert(n, cls);
        }
        m
    });
    map.get(name)
        .cloned()
        .unwrap_or_else(|| Class::new_builtin(name.to_string().as_str(), None))
}

fn native(v: impl NativeObject) -> Value {
    Value::Native(Arc::new(v))
}

// ----- count --------------------------------------------------------------------------------

struct Count {
    next: Mutex<Value>,
    step: Value,
}

fn is_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Bool(_)
    ) || matches!(v, Value::Instance(_))
}

fn count_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let start = args
        .pos
        .get(1)
        .or_else(|| args.get_kw("start"))
        .cloned()
        .unwrap_or(Value::Int(0));
    let step = args
        .pos
        .get(2)
        .or_else(|| args.get_kw("step"))
        .cloned()
        .unwrap_or(Value::Int(1));
    if !is_number(&start) || !is_number(&step) {
        return Err(PyErr::type_error("a number is required"));
    }
    Ok(native(Count {
        next: Mutex::new(start),
        step,
    }))
}

impl NativeObject for Count {
    fn class(&self) -> Arc<Class> {
        class("count")
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn iter(&self, _vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
        Ok(Some(me.clone()))
    }
    fn next(&self, vm: &mut Vm, _me: &Value) -> PyResult<Option<Option<Value>>> {
        // Int steps are the common case: add without leaving the lock.
        let mut cur = self.next.lock();
        let out = cur.clone();
        if let (Value::Int(a), Value::Int(b)) = (&out, &self.step) {
            if let Some(n) = a.checked_add(*b) {
                *cur = Value::Int(n);
                return Ok(Some(Some(out)));
            }
        }
        drop(cur);
        let n = vm.binop(BinOp::Add, &out, &self.step)?;
        *self.next.lock() = n;
        Ok(Some(Some(out)))
    }
    fn repr(&self, vm: &mut Vm, _me: &Value) -> PyResult<Option<String>> {
        let cur = self.next.lock().clone();
        let c = vm.repr(&cur)?;
        if matches!(self.step, Value::Int(1)) {
            return Ok(Some(format!("count({c})")));
        }
        let s = vm.repr(&self.step)?;
        Ok(Some(format!("count({c}, {s})")))
    }
}

// ----- repeat -------------------------------------------------------------------------------

struct Repeat {
    object: Value,
    /// None: forever.
    left: Mutex<Option<i64>>,
}

fn repeat_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let object = args
        .pos
        .get(1)
        .or_else(|| args.get_kw("object"))
        .cloned()
        .ok_or_else(|| PyErr::type_error("repeat() missing required argument 'object' (pos 1)"))?;
    let times = match args.pos.get(2).or_else(|| args.get_kw("times")) {
        Some(v) => Some(to_i64(v)?.max(0)),
        None => None,
    };
    Ok(native(Repeat {
        object,
        left: Mutex::new(times),
    }))
}

impl NativeObject for Repeat {
    fn class(&self) -> Arc<Class> {
        class("repeat")
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn iter(&self, _vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
        Ok(Some(me.clone()))
    }
    fn next(&self, _vm: &mut Vm, _me: &Value) -> PyResult<Option<Option<Value>>> {
        let mut left = self.left.lock();
        match &mut *left {
            None => Ok(Some(Some(self.object.clone()))),
            Some(0) => Ok(Some(None)),
            Some(n) => {
                *n -= 1;
                Ok(Some(Some(self.object.clone())))
            }
        }
    }
    fn repr(&self, vm: &mut Vm, _me: &Value) -> PyResult<Option<String>> {
        let o = vm.repr(&self.object)?;
        Ok(Some(match *self.left.lock() {
            None => format!("repeat({o})"),
            Some(n) => format!("repeat({o}, {n})"),
        }))
    }
}

// ----- cycle --------------------------------------------------------------------------------

struct Cycle {
    it: Value,
    state: Mutex<CycleState>,
}

struct CycleState {
    saved: Vec<Value>,
    /// Replaying `saved` (the source is exhausted) at this index.
    replay: Option<usize>,
}

fn cycle_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = vm.get_iter(pos(&args, 1, "cycle")?)?;
    Ok(native(Cycle {
        it,
        state: Mutex::new(CycleState {
            saved: Vec::new(),
            replay: None,
        }),
    }))
}

impl NativeObject for Cycle {
    fn class(&self) -> Arc<Class> {
        class("cycle")
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn iter(&self, _vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
        Ok(Some(me.clone()))
    }
    fn next(&self, vm: &mut Vm, _me: &Value) -> PyResult<Option<Option<Value>>> {
        {
            let mut st = self.state.lock();
            if let Some(i) = st.replay {
                if st.saved.is_empty() {
                    return Ok(Some(None));
                }
                let v = st.saved[i % st.saved.len()].clone();
                st.replay = Some((i + 1) % st.saved.len());
                return Ok(Some(Some(v)));
            }
        }
        match vm.next(&self.it)? {
            Some(v) => {
                self.state.lock().saved.push(v.clone());
                Ok(Some(Some(v)))
            }
            None => {
                let mut st = self.state.lock();
                if st.saved.is_empty() {
                    st.replay = Some(0);
                    return Ok(Some(None));
                }
                let v = st.saved[0].clone();
                st.replay = Some(1 % st.saved.len());
                Ok(Some(Some(v)))
            }
        }
    }
}

// ----- chain --------------------------------------------------------------------------------

struct Chain {
    /// The iterator of iterables.
    source: Value,
    current: Mutex<Option<Value>>,
}

fn chain_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.pos.get(1..).unwrap_or(&[]).to_vec();
    let source = vm.get_iter(&Value::tuple(rest))?;
    Ok(native(Chain {
        source,
        current: Mutex::new(None),
    }))
}

fn chain_from_iterable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // Called as `chain.from_iterable(x)` (not bound) or through an instance.
    let src = match args.pos {
        [Value::Class(_), x] => x,
        [x] => x,
        [_, x] => x,
        _ => {
            return Err(PyErr::type_error(
                "from_iterable() takes exactly one argument",
            ))
        }
    };
    let source = vm.get_iter(src)?;
    Ok(native(Chain {
        source,
        current: Mutex::new(None),
    }))
}

impl NativeObject for Chain {
    fn class(&self) -> Arc<Class> {
        class("chain")
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn iter(&self, _vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
        Ok(Some(me.clone()))
    }
    fn next(&self, vm: &mut Vm, _me: &Value) -> PyResult<Option<Option<Value>>> {
        loop {
            let cur = self.current.lock().clone();
            if let Some(it) = cur {
                if let Some(v) = vm.next(&it)? {
                    return Ok(Some(Some(v)));
                }
            }
            match vm.next(&self.source)? {
                Some(iterable) => {
                    let it = vm.get_iter(&iterable)?;
                    *self.current.lock() = Some(it);
                }
                None => {
                    *self.current.lock() = None;
                    return Ok(Some(None));
                }
            }
        }
    }
}

// ----- islice -------------------------------------------------------------------------------

struct Islice {
    it: Value,
    state: Mutex<IsliceState>,
}

struct IsliceState {
    /// Index of the next item the source will yield.
    pos: i64,
    /// Index of the next item to hand out.
    next: i64,
    stop: Option<i64>,
    step: i64,
}

fn islice_index(v: Option<&Value>, msg: &str) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(x @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => {
            let n = to_i64(x).unwrap_or(i64::MAX);
            if n < 0 {
                return Err(PyErr::value_error(msg));
            }
            Ok(Some(n))
        }
        Some(_) => Err(PyErr::value_error(msg)),
    }
}

fn islice_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = vm.get_iter(pos(&args, 1, "islice")?)?;
    let rest = args.pos.get(2..).unwrap_or(&[]);
    const STOP_MSG: &str =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const IDX_MSG: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (start, stop, step) = match rest {
        [] => {
            return Err(PyErr::type_error(
                "islice expected at least 2 arguments, got 1",
            ))
        }
        [stop] => (0, islice_index(Some(stop), STOP_MSG)?, 1),
        [start, stop] => (
            islice_index(Some(start), IDX_MSG)?.unwrap_or(0),
            islice_index(Some(stop), IDX_MSG)?,
            1,
        ),
        [start, stop, step, ..] => {
            let s = match step {
                Value::None => 1,
                Value::Int(n) if *n > 0 => *n,
                _ => {
                    return Err(PyErr::value_error(
                        "Step for islice() must be a positive integer or None.",
                    ))
                }
            };
            (
                islice_index(Some(start), IDX_MSG)?.unwrap_or(0),
                islice_index(Some(stop), IDX_MSG)?,
                s,
            )
        }
    };
    Ok(native(Islice {
        it,
        state: Mutex::new(IsliceState {
            pos: 0,
            next: start,
            stop,
            step,
        }),
    }))
}

impl NativeObject for Islice {
    fn class(&self) -> Arc<Class> {
        class("islice")
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn iter(&self, _vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
        Ok(Some(me.clone()))
    }
    fn next(&self, vm: &mut Vm, _me: &Value) -> PyResult<Option<Option<Value>>> {
        loop {
            let (pos, next, stop) = {
                let st = self.state.lock();
                (st.pos, st.next, st.stop)
            };
            if let Some(stop) = stop {
                if next >= stop {
                    // CPython consumes the source up to `stop` before finishing.
                    let mut p = pos;
                    while p < stop {
                        if vm.next(&self.it)?.is_none() {
                            break;
                        }
                        p += 1;
                    }
                    let mut st = self.state.lock();
                    st.pos = p.max(st.pos);
                    return Ok(Some(None));
                }
            }
            let Some(v) = vm.next(&self.it)? else {
                let mut st = self.state.lock();
                st.stop = Some(st.pos);
                st.next = st.pos;
                return Ok(Some(None));
            };
            let mut st = self.state.lock();
            st.pos += 1;
            if pos == next {
                st.next = next.saturating_add(st.step);
                return Ok(Some(Some(v)));
            }
        }
    }
}

pub fn init(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = python_module(vm, "itertools", &[], include_str!("py/itertools.py"))?;
    for n in NAMES {
        m.set(n, Value::Class(class(n)));
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn islice_negative_stop_is_value_error() {
        assert!(islice_index(Some(&Value::Int(-1)), "m").is_err());
    }

    #[test]
    fn islice_float_index_is_value_error() {
        assert!(islice_index(Some(&Value::Float(1.0)), "m").is_err());
    }
}
