//! `_pyt_queue`: the native engine under an exact `queue.Queue` (py/queue.py binds its
//! methods onto the instance). A parking_lot mutex guards the unfinished-task count and
//! orders every put/get; three condvars (not_empty, not_full, all_tasks_done) carry the
//! wake-ups. Items live in the queue's Python-visible `collections.deque` (`q.queue`), whose
//! own lock is only ever taken inside this one (a fixed order: no deadlock). No Python code
//! runs under either lock; waits go through `thread::wait_until` (timeouts, Ctrl-C).

use super::deadlock::{Origin, Probe, WaitKind};
use super::deque::Deque;
use super::thread::wait_until;
use super::util::{native_module, pos};
use crate::builtins::{add_methods, opt_arg};
use crate::objects::function::Args;
use crate::objects::{Class, Module, NativeObject, PyErr, PyResult, Value};
use crate::vm::Vm;
use parking_lot::{Condvar, Mutex};
use std::any::Any;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// Longest timeout accepted (as `threading.TIMEOUT_MAX`): keeps `Instant` arithmetic in range.
const TIMEOUT_MAX: f64 = 1e9;

pub struct QueueCore {
    /// The `collections.deque` holding the items (`q.queue`).
    deque: Value,
    maxsize: i64,
    /// `unfinished_tasks`.
    unfinished: Mutex<i64>,
    not_empty: Condvar,
    not_full: Condvar,
    all_tasks_done: Condvar,
    /// `queue.Empty` and `queue.Full`, raised by instantiating them.
    empty_exc: Value,
    full_exc: Value,
    /// Where user code created the queue, for deadlock reports.
    origin: Origin,
}

impl QueueCore {
    fn len(&self) -> usize {
        self.deque
            .as_native::<Deque>()
            .map(|d| d.state.lock().items.len())
            .unwrap_or(0)
    }
    fn is_full(&self) -> bool {
        self.maxsize > 0 && self.len() as i64 >= self.maxsize
    }
    /// Whether a wait of `kind` could proceed now, for the deadlock detector (never blocks
    /// on the queue's mutex).
    pub fn origin(&self) -> &Origin {
        &self.origin
    }
    pub fn probe(&self, kind: WaitKind) -> Probe {
        let Some(g) = self.unfinished.try_lock() else {
            return Probe::Busy;
        };
        let ready = match kind {
            WaitKind::QueueGet => self.len() > 0,
            WaitKind::QueuePut => !self.is_full(),
            WaitKind::QueueJoin => *g == 0,
            WaitKind::Acquire | WaitKind::Event => false,
        };
        if ready {
            Probe::Ready
        } else {
            Probe::Blocked(None)
        }
    }
}

static CORE_CLASS: OnceLock<Arc<Class>> = OnceLock::new();

fn core_class() -> Arc<Class> {
    CORE_CLASS
        .get_or_init(|| {
            let cls = Class::new_builtin("_pyt_queue.QueueCore", None);
            add_methods(
                &cls,
                "QueueCore",
                &[
                    ("put", put),
                    ("get", get),
                    ("put_nowait", put_nowait),
                    ("get_nowait", get_nowait),
                    ("qsize", qsize),
                    ("empty", empty),
                    ("full", full),
                    ("task_done", task_done),
                    ("join", join),
                    ("unfinished_tasks", unfinished_tasks),
                ],
            );
            cls
        })
        .clone()
}

impl NativeObject for QueueCore {
    fn class(&self) -> Arc<Class> {
        core_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn me<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a QueueCore> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<QueueCore>())
        .ok_or_else(|| PyErr::type_error(format!("{name}() needs a queue core")))
}

fn raise(vm: &mut Vm, cls: &Value) -> PyErr {
    match vm.call(cls, Args::new(&[])) {
        Ok(exc) => PyErr(exc),
        Err(e) => e,
    }
}

/// `(block, timeout)` at positions `first`, `first + 1` → (block, deadline); CPython's
/// `'timeout' must be a non-negative number` for a negative timeout on a blocking call.
fn block_deadline(vm: &mut Vm, args: &Args, first: usize) -> PyResult<(bool, Option<Instant>)> {
    let block = match opt_arg(args, first, "block") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match opt_arg(args, first + 1, "timeout") {
        None | Some(Value::None) => return Ok((block, None)),
        Some(v) => crate::builtins::functions::num_to_float(v).ok_or_else(|| {
            PyErr::type_error(format!(
                "'<' not supported between instances of '{}' and 'int'",
                v.type_name()
            ))
        })?,
    };
    if !block {
        return Ok((false, None));
    }
    if timeout < 0.0 {
        return Err(PyErr::value_error(
            "'timeout' must be a non-negative number",
        ));
    }
    let secs = if timeout.is_nan() {
        0.0
    } else {
        timeout.min(TIMEOUT_MAX)
    };
    Ok((true, Some(Instant::now() + Duration::from_secs_f64(secs))))
}

/// `_pyt_queue.QueueCore(deque, maxsize, Empty, Full)`.
fn core_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let deque = pos(&args, 0, "QueueCore")?.clone();
    if deque.as_native::<Deque>().is_none() {
        return Err(PyErr::type_error("QueueCore() needs a collections.deque"));
    }
    let maxsize = match pos(&args, 1, "QueueCore")? {
        Value::Int(i) => *i,
        Value::Bool(b) => i64::from(*b),
        _ => return Err(PyErr::type_error("QueueCore() needs an int maxsize")),
    };
    Ok(Value::Native(Arc::new(QueueCore {
        deque,
        maxsize,
        unfinished: Mutex::new(0),
        not_empty: Condvar::new(),
        not_full: Condvar::new(),
        all_tasks_done: Condvar::new(),
        empty_exc: pos(&args, 2, "QueueCore")?.clone(),
        full_exc: pos(&args, 3, "QueueCore")?.clone(),
        origin: Origin::here(vm),
    })))
}

fn do_put(
    vm: &mut Vm,
    q: &QueueCore,
    me: &Value,
    item: Value,
    block: bool,
    deadline: Option<Instant>,
) -> PyResult<Value> {
    let mut g = q.unfinished.lock();
    if q.maxsize > 0 {
        let room = if block {
            wait_until(
                vm,
                &mut g,
                &q.not_full,
                deadline,
                Some((me, WaitKind::QueuePut)),
                |_| !q.is_full(),
            )?
        } else {
            !q.is_full()
        };
        if !room {
            drop(g);
            return Err(raise(vm, &q.full_exc));
        }
    }
    if let Some(d) = q.deque.as_native::<Deque>() {
        let mut st = d.state.lock();
        st.items.push_back(item);
        st.version += 1;
    }
    *g += 1;
    q.not_empty.notify_one();
    Ok(Value::None)
}

fn do_get(
    vm: &mut Vm,
    q: &QueueCore,
    me: &Value,
    block: bool,
    deadline: Option<Instant>,
) -> PyResult<Value> {
    let mut g = q.unfinished.lock();
    let ready = if block {
        wait_until(
            vm,
            &mut g,
            &q.not_empty,
            deadline,
            Some((me, WaitKind::QueueGet)),
            |_| q.len() > 0,
        )?
    } else {
        q.len() > 0
    };
    let item = if ready {
        q.deque.as_native::<Deque>().and_then(|d| {
            let mut st = d.state.lock();
            st.version += 1;
            st.items.pop_front()
        })
    } else {
        None
    };
    match item {
        Some(v) => {
            q.not_full.notify_one();
            Ok(v)
        }
        None => {
            drop(g);
            Err(raise(vm, &q.empty_exc))
        }
    }
}

/// `put(item, block=True, timeout=None)`.
fn put(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = me(&args, "put")?;
    let item = opt_arg(&args, 1, "item")
        .ok_or_else(|| {
            PyErr::type_error("Queue.put() missing 1 required positional argument: 'item'")
        })?
        .clone();
    let (block, deadline) = block_deadline(vm, &args, 2)?;
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    do_put(vm, q, &this, item, block, deadline)
}

fn put_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = me(&args, "put_nowait")?;
    let item = opt_arg(&args, 1, "item")
        .ok_or_else(|| {
            PyErr::type_error("Queue.put_nowait() missing 1 required positional argument: 'item'")
        })?
        .clone();
    do_put(vm, q, &Value::None, item, false, None)
}

/// `get(block=True, timeout=None)`.
fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = me(&args, "get")?;
    let (block, deadline) = block_deadline(vm, &args, 1)?;
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    do_get(vm, q, &this, block, deadline)
}

fn get_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = me(&args, "get_nowait")?;
    do_get(vm, q, &Value::None, false, None)
}

fn qsize(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = me(&args, "qsize")?;
    let _g = q.unfinished.lock();
    Ok(Value::Int(q.len() as i64))
}

fn empty(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = me(&args, "empty")?;
    let _g = q.unfinished.lock();
    Ok(Value::Bool(q.len() == 0))
}

fn full(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = me(&args, "full")?;
    let _g = q.unfinished.lock();
    Ok(Value::Bool(q.is_full()))
}

fn task_done(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = me(&args, "task_done")?;
    let mut g = q.unfinished.lock();
    let left = *g - 1;
    if left <= 0 {
        if left < 0 {
            return Err(PyErr::value_error("task_done() called too many times"));
        }
        q.all_tasks_done.notify_all();
    }
    *g = left;
    Ok(Value::None)
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = me(&args, "join")?;
    let mut g = q.unfinished.lock();
    let on = args.pos.first().map(|v| (v, WaitKind::QueueJoin));
    wait_until(vm, &mut g, &q.all_tasks_done, None, on, |n| *n == 0)?;
    Ok(Value::None)
}

fn unfinished_tasks(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = me(&args, "unfinished_tasks")?;
    let n = *q.unfinished.lock();
    Ok(Value::Int(n))
}

pub fn init(_vm: &mut Vm) -> PyResult<Arc<Module>> {
    Ok(native_module("_pyt_queue", &[("QueueCore", core_new)]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtins::testutil::py;

    fn check(code: &str, want: &str) {
        assert_eq!(py(code), want, "code: {code}");
    }

    #[test]
    fn timeout_max_is_representable() {
        assert!(Instant::now()
            .checked_add(Duration::from_secs_f64(TIMEOUT_MAX))
            .is_some());
    }

    #[test]
    fn exact_queue_runs_on_the_core() {
        check(
            "import queue\nq = queue.Queue(2)\nq.put(1)\nq.put(2, 1)\nr = (q._core is not None, q.qsize(), q.full(), q.get(1), q.get_nowait(), q.empty(), q.unfinished_tasks)",
            "(True, 2, True, 1, 2, True, 2)",
        );
    }

    #[test]
    fn put_nowait_on_full_raises_full() {
        check(
            "import queue\nq = queue.Queue(1)\nq.put(1)\nq.put_nowait(2)",
            "Full",
        );
    }

    #[test]
    fn put_timeout_on_full_raises_full() {
        check(
            "import queue\nq = queue.Queue(1)\nq.put(1)\nq.put(2, True, 0.01)",
            "Full",
        );
    }

    #[test]
    fn get_nowait_on_empty_raises_empty() {
        check("import queue\nq = queue.Queue()\nq.get_nowait()", "Empty");
    }

    #[test]
    fn get_timeout_on_empty_raises_empty() {
        check(
            "import queue\nq = queue.Queue()\nq.get(timeout=0.01)",
            "Empty",
        );
    }

    #[test]
    fn negative_timeout_is_value_error() {
        check(
            "import queue\nq = queue.Queue()\nq.get(True, -1)",
            "ValueError: 'timeout' must be a non-negative number",
        );
    }

    #[test]
    fn non_numeric_timeout_is_type_error() {
        check(
            "import queue\nq = queue.Queue()\nq.get(True, 'x')",
            "TypeError: '<' not supported between instances of 'str' and 'int'",
        );
    }

    #[test]
    fn task_done_too_many_times() {
        check(
            "import queue\nq = queue.Queue()\nq.task_done()",
            "ValueError: task_done() called too many times",
        );
    }

    #[test]
    fn put_without_item_is_type_error() {
        check(
            "import queue\nq = queue.Queue()\nq.put()",
            "TypeError: Queue.put() missing 1 required positional argument: 'item'",
        );
    }

    #[test]
    fn core_needs_a_deque() {
        check(
            "import _pyt_queue\n_pyt_queue.QueueCore([], 0, None, None)",
            "TypeError: QueueCore() needs a collections.deque",
        );
    }

    #[test]
    fn core_needs_an_int_maxsize() {
        check(
            "import _pyt_queue, collections\n_pyt_queue.QueueCore(collections.deque(), 'x', None, None)",
            "TypeError: QueueCore() needs an int maxsize",
        );
    }

    #[test]
    fn core_methods_check_their_receiver() {
        check(
            "import _pyt_queue, collections\nc = _pyt_queue.QueueCore(collections.deque(), 0, None, None)\ntype(c).qsize(1)",
            "TypeError: qsize() needs a queue core",
        );
    }

    #[test]
    fn join_returns_once_all_tasks_are_done() {
        check(
            "import queue\nq = queue.Queue()\nq.put(1)\nq.get()\nq.task_done()\nq.join()\nr = q.unfinished_tasks",
            "0",
        );
    }
}
