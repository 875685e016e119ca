//! pyt's pickle for multiprocessing: a compact tagged binary format carrying None, bools,
//! ints (any size), floats, str, bytes, tuples, lists, dicts, sets and frozensets,
//! module-level functions and classes by `(module, qualname)`, instances of module-level
//! classes with their `__dict__`, exceptions (class, args, `__dict__`), bound methods,
//! objects whose class defines `__reduce__` (a callable and its arguments), and, only while a
//! child is being spawned, `Fd`/`Shm` objects (passed as inherited descriptors). Anything
//! else fails with pickle's errors (`TypeError: cannot pickle '_thread.lock' object`,
//! `PicklingError: Can't pickle <function <lambda> ...>: attribute lookup ... failed`).
//! Object identity and cycles are not preserved: a cycle hits [`MAX_DEPTH`].

use super::fd::{new_fd, set_cloexec, Fd};
use super::shm::Shm;
use crate::objects::function::Args;
use crate::objects::instance::{Instance, Payload};
use crate::objects::{DictObj, ExcKind, PyErr, PyResult, Value};
use crate::vm::Vm;
use num_bigint::BigInt;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// Deepest nesting serialized or rebuilt: bounds the native recursion (and turns a
/// reference cycle into an error rather than endless output), as pickle's recursion limit.
const MAX_DEPTH: usize = 500;

/// `_pickle.PicklingError`, set by multiprocessing at import (`set_pickling_error`).
static PICKLING_ERROR: OnceLock<Value> = OnceLock::new();

pub fn set_pickling_error(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(v) = args.pos.first() {
        let _ = PICKLING_ERROR.set(v.clone());
    }
    Ok(Value::None)
}

fn pickling_error(vm: &mut Vm, msg: String) -> PyErr {
    match PICKLING_ERROR.get() {
        Some(cls) => match vm.call(cls, Args::new(&[Value::str(msg)])) {
            Ok(e) => PyErr(e),
            Err(e) => e,
        },
        None => PyErr::type_error(msg),
    }
}

struct Writer<'a> {
    out: Vec<u8>,
    /// Descriptors to pass to the child being spawned; None outside a spawn.
    fds: Option<&'a mut Vec<i32>>,
}

impl Writer<'_> {
    fn u32(&mut self, n: usize) -> PyResult<()> {
        let n =
            u32::try_from(n).map_err(|_| PyErr::overflow_error("object too large to pickle"))?;
        self.out.extend_from_slice(&n.to_le_bytes());
        Ok(())
    }
    fn blob(&mut self, b: &[u8]) -> PyResult<()> {
        self.u32(b.len())?;
        self.out.extend_from_slice(b);
        Ok(())
    }
    fn fd(&mut self, fd: i32, what: &str) -> PyResult<()> {
        match self.fds.as_deref_mut() {
            Some(list) => {
                if !list.contains(&fd) {
                    list.push(fd);
                }
                self.out.extend_from_slice(&fd.to_le_bytes());
                Ok(())
            }
            None => Err(PyErr::type_error(format!("cannot pickle '{what}' object"))),
        }
    }
}

/// `dumps(obj, fds=None)` → bytes; `fds`, a list, allows descriptors and collects them.
pub fn dumps(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = super::super::util::pos(&args, 0, "dumps")?;
    let mut collected = Vec::new();
    let want_fds = matches!(args.pos.get(1), Some(Value::List(_)));
    let mut w = Writer {
        out: Vec::with_capacity(64),
        fds: if want_fds { Some(&mut collected) } else { None },
    };
    write(vm, &mut w, obj, 0)?;
    let out = w.out;
    if let Some(Value::List(l)) = args.pos.get(1) {
        for fd in collected {
            vm.call_method(&Value::List(l.clone()), "append", &[Value::Int(fd as i64)])?;
        }
    }
    Ok(Value::Bytes(Arc::new(out)))
}

fn type_qualname(vm: &mut Vm, v: &Value) -> String {
    let cls = Value::Class(v.class());
    let module = vm
        .getattr(&cls, "__module__")
        .ok()
        .and_then(|m| vm.str(&m).ok())
        .unwrap_or_default();
    let name = vm
        .getattr(&cls, "__qualname__")
        .ok()
        .and_then(|m| vm.str(&m).ok())
        .unwrap_or_else(|| v.type_name());
    if module.is_empty() || module == "builtins" {
        name
    } else {
        format!("{module}.{name}")
    }
}

fn cannot(vm: &mut Vm, v: &Value) -> PyErr {
    PyErr::type_error(format!("cannot pickle '{}' object", type_qualname(vm, v)))
}

/// Writes a reference to a module-level function or class, checking it can be found again.
fn write_global(vm: &mut Vm, w: &mut Writer, v: &Value) -> PyResult<()> {
    let module = match vm.getattr_opt(v, "__module__")? {
        // A child's main script is `__mp_main__`; every process knows it as `__main__`.
        Some(Value::Str(s)) if s.as_str() == "__mp_main__" => "__main__".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => return Err(cannot(vm, v)),
    };
    let qualname = match vm.getattr_opt(v, "__qualname__")? {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => match vm.getattr_opt(v, "__name__")? {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => return Err(cannot(vm, v)),
        },
    };
    if qualname.contains("<locals>") {
        return Err(PyErr::attribute_error(format!(
            "Can't pickle local object '{qualname}'"
        )));
    }
    let mut module = module;
    if matches!(v, Value::Builtin(_))
        && !lookup_global(vm, &module, &qualname).is_ok_and(|f| f.is(v))
    {
        // pyt's native functions all say `builtins`: find the module that holds this one.
        if let Some(m) = find_holder(v, &qualname, &vm.interp.modules.items()) {
            module = m;
        }
    }
    let found = match lookup_global(vm, &module, &qualname) {
        Ok(f) => f,
        Err(_) => {
            let r = vm.repr(v)?;
            let last = qualname.rsplit('.').next().unwrap_or(&qualname).to_string();
            return Err(pickling_error(
                vm,
                format!("Can't pickle {r}: attribute lookup {last} on {module} failed"),
            ));
        }
    };
    if !found.is(v) {
        let r = vm.repr(v)?;
        return Err(pickling_error(
            vm,
            format!("Can't pickle {r}: it's not the same object as {module}.{qualname}"),
        ));
    }
    w.out.push(b'g');
    w.blob(module.as_bytes())?;
    w.blob(qualname.as_bytes())
}

/// The name of a loaded module whose attribute `name` is `v`.
fn find_holder(v: &Value, name: &str, modules: &[(Value, Value)]) -> Option<String> {
    modules.iter().find_map(|(k, m)| match (k, m) {
        (Value::Str(k), Value::Module(m)) if m.get(name).is_some_and(|x| x.is(v)) => {
            Some(k.as_str().to_string())
        }
        _ => None,
    })
}

fn lookup_global(vm: &mut Vm, module: &str, qualname: &str) -> PyResult<Value> {
    let m = match vm.interp.modules.get_str(module) {
        Some(m) => m,
        None => crate::vm::import::import_one(vm, module, &Value::None)?,
    };
    let mut cur = m;
    for part in qualname.split('.') {
        cur = vm.getattr(&cur, part)?;
    }
    Ok(cur)
}

/// The user-defined `__reduce__` of an instance's class, if any.
fn user_reduce(v: &Value) -> Option<Value> {
    let Value::Instance(i) = v else { return None };
    let (f, owner) = i.class().lookup_with_owner("__reduce__")?;
    if owner.name.as_ref() == "object" {
        return None;
    }
    Some(f)
}

fn write(vm: &mut Vm, w: &mut Writer, v: &Value, depth: usize) -> PyResult<()> {
    if depth > MAX_DEPTH {
        return Err(PyErr::new(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded while pickling an object",
        ));
    }
    let d = depth + 1;
    match v {
        Value::None => w.out.push(b'N'),
        Value::Bool(true) => w.out.push(b'T'),
        Value::Bool(false) => w.out.push(b'F'),
        Value::Int(i) => {
            w.out.push(b'i');
            w.out.extend_from_slice(&i.to_le_bytes());
        }
        Value::BigInt(b) => {
            w.out.push(b'I');
            w.blob(&b.to_signed_bytes_le())?;
        }
        Value::Float(f) => {
            w.out.push(b'f');
            w.out.extend_from_slice(&f.to_le_bytes());
        }
        Value::Str(s) => {
            w.out.push(b's');
            w.blob(s.as_str().as_bytes())?;
        }
        Value::Bytes(b) => {
            w.out.push(b'b');
            w.blob(b)?;
        }
        Value::Tuple(_) | Value::List(_) => {
            let items = vm.collect(v)?;
            w.out.push(if matches!(v, Value::Tuple(_)) {
                b'('
            } else {
                b'['
            });
            w.u32(items.len())?;
            for x in &items {
                write(vm, w, x, d)?;
            }
        }
        Value::Set(s) => {
            let items = vm.collect(v)?;
            w.out.push(if s.frozen { b'Z' } else { b'S' });
            w.u32(items.len())?;
            for x in &items {
                write(vm, w, x, d)?;
            }
        }
        Value::Dict(dict) => {
            w.out.push(b'{');
            write_dict(vm, w, dict, d)?;
        }
        Value::Function(_) | Value::Class(_) | Value::Builtin(_) => write_global(vm, w, v)?,
        Value::BoundMethod(_) => {
            let obj = vm.getattr(v, "__self__")?;
            let name = vm.getattr(v, "__name__")?;
            if matches!(obj, Value::Module(_)) {
                return write_global(vm, w, v);
            }
            w.out.push(b'M');
            write(vm, w, &obj, d)?;
            write(vm, w, &name, d)?;
        }
        Value::Native(n) => {
            if let Some(f) = n.as_any().downcast_ref::<Fd>() {
                let fd = f.raw();
                w.out.push(b'D');
                return w.fd(fd, "_pyt_mp.Fd");
            }
            if let Some(s) = n.as_any().downcast_ref::<Shm>() {
                w.out.push(b'H');
                return w.fd(s.fd(), "_pyt_mp.Shm");
            }
            return Err(cannot(vm, v));
        }
        Value::Instance(inst) => {
            if let Some(reduce) = user_reduce(v) {
                let r = vm.call(&reduce, Args::new(std::slice::from_ref(v)))?;
                let parts = match &r {
                    Value::Tuple(_) => vm.collect(&r)?,
                    _ => return Err(pickling_error(vm, "__reduce__ must return a tuple".into())),
                };
                if parts.len() < 2 {
                    return Err(pickling_error(
                        vm,
                        "tuple returned by __reduce__ must contain 2 through 6 elements".into(),
                    ));
                }
                w.out.push(b'R');
                write(vm, w, &parts[0], d)?;
                write(vm, w, &parts[1], d)?;
                return Ok(());
            }
            let cls = Value::Class(inst.class());
            match &inst.payload {
                Payload::None => {
                    w.out.push(b'o');
                    write_global(vm, w, &cls)?;
                    write_dict(vm, w, &inst.dict, d)?;
                }
                Payload::Exception(_) => {
                    let args = vm.getattr(v, "args")?;
                    w.out.push(b'E');
                    write_global(vm, w, &cls)?;
                    write(vm, w, &args, d)?;
                    write_dict(vm, w, &inst.dict, d)?;
                }
                _ => return Err(cannot(vm, v)),
            }
        }
        _ => return Err(cannot(vm, v)),
    }
    Ok(())
}

fn write_dict(vm: &mut Vm, w: &mut Writer, dict: &Arc<DictObj>, d: usize) -> PyResult<()> {
    let items = dict.items();
    w.u32(items.len())?;
    for (k, x) in &items {
        write(vm, w, k, d)?;
        write(vm, w, x, d)?;
    }
    Ok(())
}

struct Reader<'a> {
    buf: &'a [u8],
    at: usize,
    /// Whether descriptors may be taken over (only the bootstrap data of a child carries
    /// them; anything read from a pipe must not wrap, and later close, arbitrary numbers).
    allow_fds: bool,
    /// Descriptors already wrapped in this message (one owner per descriptor).
    fds: HashMap<i32, Value>,
}

fn corrupt() -> PyErr {
    PyErr::new(ExcKind::EOFError, "Ran out of input")
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> PyResult<&[u8]> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.buf.len());
        let end = end.ok_or_else(corrupt)?;
        let s = &self.buf[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self) -> PyResult<u8> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> PyResult<usize> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }
    fn i32(&mut self) -> PyResult<i32> {
        Ok(self.u32()? as u32 as i32)
    }
    fn blob(&mut self) -> PyResult<Vec<u8>> {
        let n = self.u32()?;
        Ok(self.take(n)?.to_vec())
    }
    fn string(&mut self) -> PyResult<String> {
        String::from_utf8(self.blob()?).map_err(|_| corrupt())
    }
    fn eight(&mut self) -> PyResult<[u8; 8]> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(a)
    }
}

/// `loads(data, allow_fds=False)` → the object.
pub fn loads(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Bytes(b)) = args.pos.first() else {
        return Err(PyErr::type_error("loads() needs bytes"));
    };
    let allow_fds = match args.pos.get(1) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut r = Reader {
        buf: b,
        at: 0,
        allow_fds,
        fds: HashMap::new(),
    };
    read(vm, &mut r, 0)
}

fn read_items(vm: &mut Vm, r: &mut Reader, d: usize) -> PyResult<Vec<Value>> {
    let n = r.u32()?;
    // Each item takes at least one byte: a bogus count cannot reserve beyond the input.
    let mut items = Vec::with_capacity(n.min(r.buf.len() - r.at));
    for _ in 0..n {
        items.push(read(vm, r, d)?);
    }
    Ok(items)
}

fn read_dict(vm: &mut Vm, r: &mut Reader, d: usize, into: &Value) -> PyResult<()> {
    let n = r.u32()?;
    for _ in 0..n {
        let k = read(vm, r, d)?;
        let v = read(vm, r, d)?;
        vm.setitem(into, &k, v)?;
    }
    Ok(())
}

fn read(vm: &mut Vm, r: &mut Reader, depth: usize) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(PyErr::new(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded while unpickling",
        ));
    }
    let d = depth + 1;
    Ok(match r.u8()? {
        b'N' => Value::None,
        b'T' => Value::Bool(true),
        b'F' => Value::Bool(false),
        b'i' => Value::Int(i64::from_le_bytes(r.eight()?)),
        b'I' => Value::from_bigint(BigInt::from_signed_bytes_le(&r.blob()?)),
        b'f' => Value::Float(f64::from_le_bytes(r.eight()?)),
        b's' => Value::str(r.string()?),
        b'b' => Value::Bytes(Arc::new(r.blob()?)),
        b'(' => Value::tuple(read_items(vm, r, d)?),
        b'[' => Value::list(read_items(vm, r, d)?),
        tag @ (b'S' | b'Z') => {
            let items = Value::list(read_items(vm, r, d)?);
            let name = if tag == b'S' { "set" } else { "frozenset" };
            let ctor = vm
                .interp
                .builtins
                .get(name)
                .ok_or_else(|| PyErr::runtime_error("no set type"))?;
            vm.call(&ctor, Args::new(&[items]))?
        }
        b'{' => {
            let dict = Value::Dict(Arc::new(DictObj::new()));
            read_dict(vm, r, d, &dict)?;
            dict
        }
        b'g' => {
            let module = r.string()?;
            let qualname = r.string()?;
            lookup_global(vm, &module, &qualname)?
        }
        b'M' => {
            let obj = read(vm, r, d)?;
            let name = read(vm, r, d)?;
            let name = vm.str(&name)?;
            vm.getattr(&obj, &name)?
        }
        b'R' => {
            let f = read(vm, r, d)?;
            let a = read(vm, r, d)?;
            let a = vm.collect(&a)?;
            vm.call(&f, Args::new(&a))?
        }
        b'o' => {
            let cls = match read(vm, r, d)? {
                Value::Class(c) => c,
                _ => return Err(corrupt()),
            };
            let dict = Arc::new(DictObj::new());
            read_dict(vm, r, d, &Value::Dict(dict.clone()))?;
            Value::Instance(Arc::new(Instance::new(cls, dict, Payload::None)))
        }
        b'E' => {
            let cls = read(vm, r, d)?;
            let a = read(vm, r, d)?;
            let a = vm.collect(&a)?;
            let e = vm.call(&cls, Args::new(&a))?;
            if let Value::Instance(i) = &e {
                read_dict(vm, r, d, &Value::Dict(i.dict.clone()))?;
            }
            e
        }
        tag @ (b'D' | b'H') => {
            let fd = r.i32()?;
            if !r.allow_fds || fd < 0 {
                return Err(corrupt());
            }
            if let Some(v) = r.fds.get(&fd) {
                return Ok(v.clone());
            }
            let v = if tag == b'D' {
                set_cloexec(fd);
                new_fd(fd)
            } else {
                Value::Native(Arc::new(Shm::attach(fd)?))
            };
            r.fds.insert(fd, v.clone());
            v
        }
        _ => return Err(corrupt()),
    })
}

#[cfg(test)]
mod tests {
    use crate::builtins::testutil::py;

    fn check(code: &str, want: &str) {
        assert_eq!(py(code), want, "code: {code}");
    }

    #[test]
    fn plain_values_round_trip() {
        check(
            "import _pyt_mp\nv = [None, True, 1, -2**80, 2.5, 'é', b'\\x00', (1, [2]), {'k': {3}}, frozenset({4})]\nr = _pyt_mp.loads(_pyt_mp.dumps(v)) == v",
            "True",
        );
    }

    #[test]
    fn functions_classes_and_instances_go_by_name() {
        check(
            "import _pyt_mp, optparse, logging\nP = optparse.Values\nf = logging.getLogger\nd = _pyt_mp.loads(_pyt_mp.dumps((f, P, P({'a': [1]}), len)))\nr = (d[0] is f, d[1] is P, type(d[2]) is P, d[2].a, d[3] is len)",
            "(True, True, True, [1], True)",
        );
    }

    #[test]
    fn unpicklable_objects_fail_with_pickles_errors() {
        check(
            "import _pyt_mp, threading\ntry:\n    _pyt_mp.dumps(threading.Lock())\nexcept TypeError as e:\n    r = str(e)",
            "cannot pickle '_thread.lock' object",
        );
        check(
            "import _pyt_mp\ndef outer():\n    def inner(): pass\n    return inner\ntry:\n    _pyt_mp.dumps(outer())\nexcept AttributeError as e:\n    r = str(e)",
            "Can't pickle local object 'outer.<locals>.inner'",
        );
    }

    #[test]
    fn cycles_and_deep_nesting_end_in_recursion_error() {
        check(
            "import _pyt_mp\nl = []\nl.append(l)\ntry:\n    _pyt_mp.dumps(l)\nexcept RecursionError:\n    r = 'RecursionError'",
            "RecursionError",
        );
    }

    #[test]
    fn truncated_or_corrupt_data_raises_never_panics() {
        check(
            "import _pyt_mp\nb = _pyt_mp.dumps([1, 'abc', (2.5, {3: b'x'}), 2**70])\nn = 0\nfor i in range(len(b)):\n    try:\n        _pyt_mp.loads(b[:i])\n    except EOFError:\n        n += 1\nfor junk in (b'Q', b'D\\x05\\x00\\x00\\x00', b'[\\xff\\xff\\xff\\xff', b'\\xff' * 9):\n    try:\n        _pyt_mp.loads(junk)\n    except EOFError:\n        n += 1\nr = n == len(b) + 4",
            "True",
        );
    }
}
