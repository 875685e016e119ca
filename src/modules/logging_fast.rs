//! `_pyt_logging`: native fast paths under `logging` (`py/logging.py`) for the records and
//! formatters nobody customised: making a `LogRecord` (its ~20 attributes in one native step
//! instead of a nested eval loop running `__init__`), and `Formatter.format` for a `%`-style
//! format (the message, `asctime` and the final `fmt % record.__dict__`).
//!
//! A fast path applies only while the classes involved are exactly as `logging` defined them:
//! `setup` snapshots the namespaces of `LogRecord`, `Formatter` and `PercentStyle`, and a fast
//! path first checks that its class is untouched (cheaply: the check is redone only when
//! `dict::CLASS_EPOCH` moved, i.e. some class namespace was written). Subclasses, replaced
//! methods, a custom record factory or converter, instance attributes shadowing methods, or
//! values whose formatting could run Python code all make the native function answer "not
//! mine" (None/False) *before* any visible effect, and the Python code runs as before.

use super::util::{native_module, pos};
use crate::objects::class::types;
use crate::objects::dict::{DictInner, CLASS_EPOCH};
use crate::objects::function::Args;
use crate::objects::instance::Payload;
use crate::objects::str::intern;
use crate::objects::{Class, DictObj, Instance, Module, PyResult, PyStr, Value};
use crate::vm::Vm;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

/// The attributes of a LogRecord, in the order CPython 3.11's `__init__` sets them (so
/// `vars(record)` lists them alike).
pub(super) const RECORD_KEYS: [&str; 20] = [
    "name",
    "msg",
    "args",
    "levelname",
    "levelno",
    "pathname",
    "filename",
    "module",
    "exc_info",
    "exc_text",
    "stack_info",
    "lineno",
    "funcName",
    "created",
    "msecs",
    "relativeCreated",
    "thread",
    "threadName",
    "processName",
    "process",
];

/// The record attributes a formatter adds.
const FORMAT_KEYS: [&str; 2] = ["message", "asctime"];

thread_local! {
    /// This thread's own copies of the attribute names (`RECORD_KEYS`, then `FORMAT_KEYS`),
    /// used as the keys of the records it makes: the reference counts of shared interned
    /// names would be one cache line that every logging thread writes twice per attribute
    /// per record. Dict lookups compare the text when the pointers differ, so any equal str
    /// finds them.
    static LOCAL_KEYS: Arc<Vec<Arc<PyStr>>> = Arc::new(new_keys());
}

/// Shared names for a thread whose `LOCAL_KEYS` are already destroyed (it is exiting).
static SHARED_KEYS: std::sync::LazyLock<Arc<Vec<Arc<PyStr>>>> =
    std::sync::LazyLock::new(|| Arc::new(new_keys()));

fn new_keys() -> Vec<Arc<PyStr>> {
    RECORD_KEYS
        .iter()
        .chain(FORMAT_KEYS.iter())
        .map(|k| {
            let s = Arc::new(PyStr::new(k.to_string()));
            s.hash();
            s
        })
        .collect()
}

/// This thread's attribute names (`RECORD_KEYS`, then `FORMAT_KEYS`; see `LOCAL_KEYS`).
pub(super) fn local_keys() -> Arc<Vec<Arc<PyStr>>> {
    LOCAL_KEYS
        .try_with(|k| k.clone())
        .unwrap_or_else(|_| SHARED_KEYS.clone())
}

/// The globals of `logging` a record reads (`record_values`), in this order.
const GLOBAL_NAMES: [&str; 6] = [
    "_levelToName",
    "_path_parts",
    "_startTime",
    "logThreads",
    "logProcesses",
    "logMultiprocessing",
];

/// "Not validated since the last class write" for `Snapshot::valid_at`.
const NOT_VALID: u64 = u64::MAX;

/// A class namespace as `logging` left it: every (key, value) pair, compared by identity.
struct Snapshot {
    dict: Arc<DictObj>,
    items: Vec<(Arc<PyStr>, Value)>,
    /// The `CLASS_EPOCH` at which the namespace was last found intact.
    valid_at: AtomicU64,
}

impl Snapshot {
    fn take(cls: &Arc<Class>) -> Snapshot {
        let items = cls
            .dict
            .items()
            .into_iter()
            .filter_map(|(k, v)| match k {
                Value::Str(s) => Some((s, v)),
                _ => None,
            })
            .collect();
        Snapshot {
            dict: cls.dict.clone(),
            items,
            valid_at: AtomicU64::new(NOT_VALID),
        }
    }

    /// Whether the namespace still holds exactly the snapshot's pairs; `skip` names a key
    /// whose value the caller checks itself (its presence is still required).
    fn intact(&self) -> bool {
        let epoch = CLASS_EPOCH.load(Ordering::Acquire);
        if self.valid_at.load(Ordering::Acquire) == epoch {
            return true;
        }
        let ok = self.matches(None);
        if ok {
            // `epoch` was read before the namespace: a write since then moved the epoch on,
            // so this never vouches for a state it did not see.
            self.valid_at.store(epoch, Ordering::Release);
        }
        ok
    }

    /// The full comparison, uncached.
    fn matches(&self, skip: Option<&str>) -> bool {
        let d = self.dict.lock();
        d.len() == self.items.len()
            && self
                .items
                .iter()
                .all(|(k, v)| match d.get_str(k.as_str(), k.hash()) {
                    Some(now) => Some(k.as_str()) == skip || now.is(v),
                    None => false,
                })
    }
}

/// Which function `Formatter.converter` holds (checked with the Formatter snapshot).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Converter {
    Local = 1,
    Gm = 2,
}

/// What `setup` recorded from `logging` and `threading`.
pub(super) struct Setup {
    /// `logging`'s globals (`_startTime`, `logThreads`, `_levelToName`, `_path_parts` ...).
    globals: Arc<DictObj>,
    pub(super) record_cls: Arc<Class>,
    record: Snapshot,
    pub(super) formatter_cls: Arc<Class>,
    formatter: Snapshot,
    pub(super) style_cls: Arc<Class>,
    style: Snapshot,
    localtime: Value,
    gmtime: Value,
    /// `(epoch << 2) | Converter` of the Formatter snapshot's last validation (one word, so a
    /// reader never pairs one validation's epoch with another's converter).
    conv_at: AtomicU64,
    /// `threading._active` (ident -> Thread) and the `Thread.name` property.
    active: Arc<DictObj>,
    thread_name: Value,
    global_names: Vec<Arc<PyStr>>,
    /// StreamHandler and FileHandler, the classes `logging_handle` emits for.
    pub(super) handler_classes: Vec<Arc<Class>>,
    /// Filterer, Handler, StreamHandler, FileHandler.
    handler_snaps: Vec<Snapshot>,
    /// Logger and RootLogger, the classes `logging_handle::dispatch` handles records for.
    pub(super) logger_classes: Vec<Arc<Class>>,
    logger_snaps: Vec<Snapshot>,
    main_process: Value,
}

thread_local! {
    /// The thread class last found to read `name` through Thread's property, and the
    /// `CLASS_EPOCH` it was checked at.
    static THREAD_CLASS_OK: std::cell::Cell<(usize, u64)> = const { std::cell::Cell::new((0, NOT_VALID)) };
}

static SETUP: OnceLock<Setup> = OnceLock::new();

pub(super) fn setup_ref() -> Option<&'static Setup> {
    SETUP.get()
}

impl Setup {
    /// Logger, RootLogger and Filterer untouched.
    pub(super) fn loggers_intact(&self) -> bool {
        self.logger_snaps.iter().all(|s| s.intact()) && self.handler_snaps[0].intact()
    }
    pub(super) fn handlers_intact(&self) -> bool {
        self.handler_snaps.iter().all(|s| s.intact())
    }
    pub(super) fn record_intact(&self) -> bool {
        self.record.intact()
    }
    pub(super) fn style_intact(&self) -> bool {
        self.style.intact()
    }
    /// The Formatter class untouched (its converter either time function): which converter.
    pub(super) fn formatter_converter(&self) -> Option<Converter> {
        let epoch = CLASS_EPOCH.load(Ordering::Acquire);
        let at = self.conv_at.load(Ordering::Acquire);
        if at != NOT_VALID && at >> 2 == epoch {
            return match at & 3 {
                1 => Some(Converter::Local),
                2 => Some(Converter::Gm),
                _ => None,
            };
        }
        // Read after `epoch`: a class write since then moved the epoch on, so the pair
        // stored below is never taken for a state it did not see.
        let conv = match self.formatter.dict.get_str("converter") {
            Some(c) if c.is(&self.localtime) => Converter::Local,
            Some(c) if c.is(&self.gmtime) => Converter::Gm,
            _ => return None,
        };
        if !self.formatter.matches(Some("converter")) {
            return None;
        }
        self.conv_at
            .store((epoch << 2) | conv as u64, Ordering::Release);
        Some(conv)
    }
    pub(super) fn global_value(&self, name: &str) -> Option<Value> {
        self.globals.get_str(name)
    }
    /// The `GLOBAL_NAMES` values, in one lock session.
    fn globals(&self) -> [Option<Value>; GLOBAL_NAMES.len()] {
        let d = self.globals.lock();
        std::array::from_fn(|i| {
            let k = &self.global_names[i];
            d.get_str(k.as_str(), k.hash()).cloned()
        })
    }
}

fn class_arg(v: &Value) -> Option<Arc<Class>> {
    match v {
        Value::Class(c) => Some(c.clone()),
        _ => None,
    }
}

fn dict_arg(v: &Value) -> Option<Arc<DictObj>> {
    match v {
        Value::Dict(d) => Some(d.clone()),
        _ => None,
    }
}

/// `setup(globals, LogRecord, Formatter, PercentStyle, localtime, gmtime, _active, Thread,
/// Filterer, Handler, StreamHandler, FileHandler, Logger, RootLogger)`:
/// records the pristine state, once per process (a second `logging` made by re-importing it
/// after deleting it from `sys.modules` just runs the Python code).
fn setup(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = |i| pos(&args, i, "setup");
    let (Some(globals), Some(record_cls), Some(formatter_cls), Some(style_cls)) = (
        dict_arg(a(0)?),
        class_arg(a(1)?),
        class_arg(a(2)?),
        class_arg(a(3)?),
    ) else {
        return Ok(Value::None);
    };
    let (Some(active), Some(thread_cls)) = (dict_arg(a(6)?), class_arg(a(7)?)) else {
        return Ok(Value::None);
    };
    let Some(thread_name) = thread_cls.dict.get_str("name") else {
        return Ok(Value::None);
    };
    let mut hclasses = Vec::new();
    for i in 8..14 {
        match class_arg(a(i)?) {
            Some(c) => hclasses.push(c),
            None => return Ok(Value::None),
        }
    }
    let s = Setup {
        globals,
        record: Snapshot::take(&record_cls),
        record_cls,
        formatter: Snapshot::take(&formatter_cls),
        formatter_cls,
        style: Snapshot::take(&style_cls),
        style_cls,
        localtime: a(4)?.clone(),
        gmtime: a(5)?.clone(),
        conv_at: AtomicU64::new(NOT_VALID),
        active,
        thread_name,
        global_names: GLOBAL_NAMES.iter().map(|k| intern(k)).collect(),
        main_process: Value::str("MainProcess"),
        handler_snaps: hclasses[..4].iter().map(Snapshot::take).collect(),
        handler_classes: hclasses[2..4].to_vec(),
        logger_snaps: hclasses[4..].iter().map(Snapshot::take).collect(),
        logger_classes: hclasses[4..].to_vec(),
    };
    let _ = SETUP.set(s);
    Ok(Value::None)
}

/// Truth of a value whose truth needs no Python code; None for anything else.
pub(super) fn plain_truth(v: &Value) -> Option<bool> {
    Some(match v {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(n) => *n != 0,
        Value::Float(f) => *f != 0.0,
        Value::Str(s) => !s.as_str().is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        _ => return None,
    })
}

/// The current thread's name as `threading.current_thread().name` gives it, when that runs
/// no Python code: the thread is registered and its class reads `name` through Thread's
/// property and object's `__getattribute__`.
fn thread_name(vm: &mut Vm, s: &Setup) -> Option<Value> {
    let Value::Instance(inst) = int_get(&s.active, vm.ident as i64)? else {
        return None;
    };
    let cls = inst.class_ref();
    let epoch = CLASS_EPOCH.load(Ordering::Acquire);
    let key = (Arc::as_ptr(&cls) as usize, epoch);
    if THREAD_CLASS_OK.with(|c| c.get()) != key {
        if !cls.lookup("name")?.is(&s.thread_name)
            || !matches!(cls.lookup("__getattribute__"), Some(Value::Builtin(_)))
        {
            return None;
        }
        THREAD_CLASS_OK.with(|c| c.set(key));
    }
    let d = inst.dict.lock();
    let h = |k: &str| crate::objects::str::hash_bytes(k.as_bytes());
    if !matches!(
        d.get_str("_initialized", h("_initialized")),
        Some(Value::Bool(true))
    ) {
        return None;
    }
    d.get_str("_name", h("_name")).cloned()
}

/// `d[n]` for an int key, when no Python `__eq__` is needed to decide.
fn int_get(d: &DictObj, n: i64) -> Option<Value> {
    let g = d.lock();
    match g.find(&Value::Int(n), crate::objects::int::hash_i64(n)) {
        crate::objects::dict::Find::At(i) => g.entry(i).map(|e| e.value.clone()),
        _ => None,
    }
}

/// The seconds since the epoch, as `time.time()`.
fn now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

/// The 20 attribute values of a record made by `LogRecord.__init__` with these arguments,
/// or None when that needs Python code (then the caller runs it).
fn record_values(vm: &mut Vm, s: &Setup, a: &[Value]) -> Option<Vec<Value>> {
    let [name, level, pathname, lineno, msg, args, exc_info, rest @ ..] = a else {
        return None;
    };
    let func = rest.first().cloned().unwrap_or(Value::None);
    let sinfo = rest.get(1).cloned().unwrap_or(Value::None);
    if rest.len() > 2 {
        return None;
    }
    let Value::Tuple(t) = args else { return None };
    // `LogRecord('x', 20, ..., 'a=%(a)s', ({'a': 1},), ...)`: a lone non-empty dict argument
    // becomes the mapping.
    let args = match t.items.first() {
        Some(Value::Dict(d)) if t.len() == 1 && !d.is_empty() => Value::Dict(d.clone()),
        Some(Value::Instance(_)) if t.len() == 1 => return None,
        _ => args.clone(),
    };
    let Value::Int(lv) = level else { return None };
    let Value::Str(path) = pathname else {
        return None;
    };
    let [Some(Value::Dict(names)), Some(Value::Dict(parts)), Some(Value::Float(start)), Some(threads), Some(procs), Some(mp)] =
        s.globals()
    else {
        return None;
    };
    let levelname = int_get(&names, *lv).filter(|n| plain_truth(n) == Some(true))?;
    let (filename, module) = match parts.lock().get_str(path.as_str(), path.hash()) {
        Some(Value::Tuple(p)) if p.len() == 2 => (p.items[0].clone(), p.items[1].clone()),
        _ => return None,
    };
    let (threads, procs, mp) = (
        plain_truth(&threads)?,
        plain_truth(&procs)?,
        plain_truth(&mp)?,
    );
    let (thread, tname) = if threads {
        (Value::Int(vm.ident as i64), thread_name(vm, s)?)
    } else {
        (Value::None, Value::None)
    };
    let ct = now();
    Some(vec![
        name.clone(),
        msg.clone(),
        args,
        levelname,
        level.clone(),
        pathname.clone(),
        filename,
        module,
        exc_info.clone(),
        Value::None,
        sinfo,
        lineno.clone(),
        func,
        Value::Float(ct),
        Value::Float(((ct - ct.trunc()) * 1000.0).trunc() + 0.0),
        Value::Float((ct - start) * 1000.0),
        thread,
        tname,
        if mp {
            s.main_process.clone()
        } else {
            Value::None
        },
        if procs {
            Value::Int(std::process::id() as i64)
        } else {
            Value::None
        },
    ])
}

/// `fill(record, name, level, pathname, lineno, msg, args, exc_info[, func, sinfo])`: sets a
/// LogRecord's attributes as `LogRecord.__init__` does; False (nothing done) when the record
/// is not a plain LogRecord or a value needs Python code.
fn fill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(s) = SETUP.get() else {
        return Ok(Value::Bool(false));
    };
    let Some((Value::Instance(inst), rest)) = args.pos.split_first() else {
        return Ok(Value::Bool(false));
    };
    if !Arc::ptr_eq(&inst.class_ref(), &s.record_cls) || !s.record_intact() || args.has_kw() {
        return Ok(Value::Bool(false));
    }
    let Some(values) = record_values(vm, s, rest) else {
        return Ok(Value::Bool(false));
    };
    let keys = local_keys();
    let old: Vec<Option<Value>> = keys
        .iter()
        .zip(values)
        .map(|(k, v)| inst.dict.set_str_key(k, v))
        .collect();
    drop(old);
    Ok(Value::Bool(true))
}

/// `record(factory, name, level, fn, lno, msg, args, exc_info, func, sinfo)`: what
/// `factory(name, ...)` returns; made natively when the factory is the untouched LogRecord.
fn record(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let factory = pos(&args, 0, "record")?;
    if let (Some(s), Value::Class(c)) = (SETUP.get(), factory) {
        if Arc::ptr_eq(c, &s.record_cls) && !args.has_kw() && s.record_intact() {
            if let Some(values) = record_values(vm, s, &args.pos[1..]) {
                // Room for the `message` and `asctime` a formatter adds.
                let mut d = DictInner::with_capacity(RECORD_KEYS.len() + FORMAT_KEYS.len());
                for (k, v) in local_keys().iter().zip(values) {
                    d.push(k.hash(), Value::Str(k.clone()), v);
                }
                let dict = Arc::new(DictObj::from_inner(d));
                let inst = Instance::new(c.clone(), dict, Payload::None);
                return Ok(Value::Instance(Arc::new(inst)));
            }
        }
    }
    vm.call(factory, Args::new(&args.pos[1..]))
}

pub fn init(_vm: &mut Vm) -> PyResult<Arc<Module>> {
    let _ = types();
    Ok(native_module(
        "_pyt_logging",
        &[
            ("setup", setup),
            ("fill", fill),
            ("record", record),
            ("format", super::logging_format::format),
            ("handle", super::logging_handle::handle),
            ("dispatch", super::logging_handle::dispatch),
        ],
    ))
}
