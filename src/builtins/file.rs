//! `open()` and file objects: text and binary files, read/write/append, line iteration,
//! context-manager use. Each operation takes the file's own lock once, so writes from several
//! threads never tear (logging's FileHandler relies on it).

use super::{add_method, opt_arg};
use crate::objects::class::types;
use crate::objects::function::Args;
use crate::objects::{Class, ExcKind, NativeObject, PyErr, PyResult, Value};
use crate::vm::Vm;
use parking_lot::Mutex;
use std::any::Any;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::sync::{Arc, OnceLock};

enum Handle {
    Reader(BufReader<File>),
    Writer(BufWriter<File>),
    Closed,
}

pub struct FileObj {
    name: String,
    mode: String,
    binary: bool,
    handle: Mutex<Handle>,
}

/// The OSError subclass CPython raises for an I/O error, with errno, message and filename.
pub fn os_error(e: &std::io::Error, filename: &str) -> PyErr {
    let kind = match e.kind() {
        std::io::ErrorKind::NotFound => ExcKind::FileNotFoundError,
        std::io::ErrorKind::PermissionDenied => ExcKind::PermissionError,
        std::io::ErrorKind::AlreadyExists => ExcKind::FileExistsError,
        _ if e.raw_os_error() == Some(21) => ExcKind::IsADirectoryError,
        _ if e.raw_os_error() == Some(20) => ExcKind::NotADirectoryError,
        _ => ExcKind::OSError,
    };
    let errno = e.raw_os_error().unwrap_or(0) as i64;
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
    PyErr::with_args(
        kind,
        vec![Value::Int(errno), Value::str(msg), Value::str(filename)],
    )
}

fn open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let path = match super::arg(&args, 0, "open", "file")? {
        Value::Str(s) => s.as_str().to_string(),
        other => {
            return Err(PyErr::type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                other.type_name()
            )))
        }
    };
    let mode = match opt_arg(&args, 1, "mode") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => "r".to_string(),
    };
    let binary = mode.contains('b');
    let base: String = mode.chars().filter(|c| !matches!(c, 'b' | 't')).collect();
    let mut o = std::fs::OpenOptions::new();
    let plus = base.contains('+');
    match base.chars().next() {
        Some('r') => {
            o.read(true).write(plus);
        }
        Some('w') => {
            o.write(true).create(true).truncate(true).read(plus);
        }
        Some('a') => {
            o.append(true).create(true).read(plus);
        }
        Some('x') => {
            o.write(true).create_new(true).read(plus);
        }
        _ => return Err(PyErr::value_error(format!("invalid mode: '{mode}'"))),
    }
    let f = o.open(&path).map_err(|e| os_error(&e, &path))?;
    if f.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(PyErr::with_args(
            ExcKind::IsADirectoryError,
            vec![
                Value::Int(21),
                Value::str("Is a directory"),
                Value::str(path),
            ],
        ));
    }
    let handle = if base.starts_with('r') {
        Handle::Reader(BufReader::new(f))
    } else {
        Handle::Writer(BufWriter::new(f))
    };
    let _ = vm;
    let file = Arc::new(FileObj {
        name: path,
        mode,
        binary,
        handle: Mutex::new(handle),
    });
    if !base.starts_with('r') {
        let mut open = OPEN_WRITERS.lock();
        open.retain(|w| w.strong_count() > 0);
        open.push(Arc::downgrade(&file));
    }
    Ok(Value::Native(file))
}

/// Files open for writing, flushed at exit as CPython does (a file never closed by the script
/// still gets its data written).
static OPEN_WRITERS: Mutex<Vec<std::sync::Weak<FileObj>>> = Mutex::new(Vec::new());

/// Flushes every file still open for writing (called at interpreter shutdown).
pub fn flush_all_files() {
    let files: Vec<_> = OPEN_WRITERS
        .lock()
        .iter()
        .filter_map(|w| w.upgrade())
        .collect();
    for f in files {
        if let Handle::Writer(w) = &mut *f.handle.lock() {
            let _ = w.flush();
        }
    }
}

impl NativeObject for FileObj {
    fn class(&self) -> Arc<Class> {
        file_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _vm: &mut Vm, _me: &Value) -> PyResult<Option<String>> {
        let kind = if self.binary {
            "_io.BufferedReader"
        } else {
            "_io.TextIOWrapper"
        };
        Ok(Some(format!(
            "<{kind} name='{}' mode='{}' encoding='UTF-8'>",
            self.name, self.mode
        )))
    }
    fn getattr(&self, _vm: &mut Vm, _me: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "name" => Some(Value::str(self.name.clone())),
            "mode" => Some(Value::str(self.mode.clone())),
            "closed" => Some(Value::Bool(matches!(*self.handle.lock(), Handle::Closed))),
            "encoding" => Some(Value::str("UTF-8")),
            _ => None,
        })
    }
}

fn this<'a>(args: &Args<'a>) -> PyResult<&'a FileObj> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<FileObj>())
        .ok_or_else(|| PyErr::type_error("descriptor requires a file object"))
}

fn closed_error() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

fn wrap(f: &FileObj, data: Vec<u8>) -> PyResult<Value> {
    if f.binary {
        return Ok(Value::Bytes(Arc::new(data)));
    }
    String::from_utf8(data).map(Value::str).map_err(|_| {
        PyErr::new(
            ExcKind::UnicodeDecodeError,
            "'utf-8' codec can't decode bytes",
        )
    })
}

fn f_read(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    let mut h = f.handle.lock();
    let Handle::Reader(r) = &mut *h else {
        return Err(match *h {
            // CPython's binary files say "read of closed file"; text files the generic message.
            Handle::Closed if f.binary => PyErr::value_error("read of closed file"),
            Handle::Closed => closed_error(),
            _ => PyErr::new(ExcKind::OSError, "not readable"),
        });
    };
    let mut data = Vec::new();
    match args.pos.get(1) {
        Some(Value::Int(n)) if *n >= 0 => {
            if f.binary {
                r.take(*n as u64)
                    .read_to_end(&mut data)
                    .map_err(|e| os_error(&e, &f.name))?;
            } else {
                // n characters: read until enough chars are decoded.
                let mut s = String::new();
                let mut line = String::new();
                while s.chars().count() < *n as usize {
                    line.clear();
                    let mut buf = [0u8; 1];
                    let k = r.read(&mut buf).map_err(|e| os_error(&e, &f.name))?;
                    if k == 0 {
                        break;
                    }
                    data.push(buf[0]);
                    if let Ok(t) = std::str::from_utf8(&data) {
                        s = t.to_string();
                    }
                }
                return Ok(Value::str(s));
            }
        }
        _ => {
            r.read_to_end(&mut data)
                .map_err(|e| os_error(&e, &f.name))?;
        }
    }
    drop(h);
    wrap(f, data)
}

fn f_readline(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    let mut h = f.handle.lock();
    let Handle::Reader(r) = &mut *h else {
        return Err(closed_error());
    };
    let mut data = Vec::new();
    r.read_until(b'\n', &mut data)
        .map_err(|e| os_error(&e, &f.name))?;
    drop(h);
    wrap(f, data)
}

fn f_readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut out = Vec::new();
    loop {
        let line = f_readline(vm, args)?;
        let empty = match &line {
            Value::Str(s) => s.as_str().is_empty(),
            Value::Bytes(b) => b.is_empty(),
            _ => true,
        };
        if empty {
            return Ok(Value::list(out));
        }
        out.push(line);
    }
}

fn f_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let line = f_readline(vm, args)?;
    match &line {
        Value::Str(s) if s.as_str().is_empty() => Err(PyErr::stop_iteration(None)),
        Value::Bytes(b) if b.is_empty() => Err(PyErr::stop_iteration(None)),
        _ => Ok(line),
    }
}

fn f_write(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    let (data, n) = match args.pos.get(1) {
        Some(Value::Str(s)) if !f.binary => (s.as_str().as_bytes().to_vec(), s.char_len()),
        Some(Value::Bytes(b)) if f.binary => (b.to_vec(), b.len()),
        Some(other) => {
            return Err(PyErr::type_error(if f.binary {
                format!(
                    "a bytes-like object is required, not '{}'",
                    other.type_name()
                )
            } else {
                format!("write() argument must be str, not {}", other.type_name())
            }))
        }
        None => {
            return Err(PyErr::type_error(
                "write() takes exactly one argument (0 given)",
            ))
        }
    };
    let mut h = f.handle.lock();
    match &mut *h {
        Handle::Writer(w) => w.write_all(&data).map_err(|e| os_error(&e, &f.name))?,
        Handle::Closed => return Err(closed_error()),
        Handle::Reader(_) => return Err(PyErr::new(ExcKind::OSError, "not writable")),
    }
    Ok(Value::Int(n as i64))
}

/// `print`'s write to a file `open()` made in text mode, without looking up and calling its
/// `write` method or copying the text (the file type is immutable, so its `write` is always
/// `f_write`). None when `file` is not such a file.
pub fn write_text(file: &Value, text: &str) -> Option<PyResult<()>> {
    let f = file.as_native::<FileObj>()?;
    if f.binary {
        return None;
    }
    let mut h = f.handle.lock();
    Some(match &mut *h {
        Handle::Writer(w) => w
            .write_all(text.as_bytes())
            .map_err(|e| os_error(&e, &f.name)),
        Handle::Closed => Err(closed_error()),
        Handle::Reader(_) => Err(PyErr::new(ExcKind::OSError, "not writable")),
    })
}

/// Whether `file` is a text file `open()` made (what `write_record` may write to).
pub fn is_text_file(file: &Value) -> bool {
    file.as_native::<FileObj>().is_some_and(|f| !f.binary)
}

/// `logging`'s `stream.write(msg + terminator)` then `stream.flush()` on a text file `open()`
/// made for writing, in one lock session (so one record is one whole write). None, with
/// nothing done, when `file` is not such a file or is closed (the Python code then runs and
/// raises as CPython would); Some(the error) when the OS write fails.
pub fn write_record(file: &Value, msg: &str, terminator: &str) -> Option<PyResult<()>> {
    let f = file.as_native::<FileObj>()?;
    if f.binary {
        return None;
    }
    let mut h = f.handle.lock();
    let Handle::Writer(w) = &mut *h else {
        return None;
    };
    let mut text = String::with_capacity(msg.len() + terminator.len());
    text.push_str(msg);
    text.push_str(terminator);
    Some(
        w.write_all(text.as_bytes())
            .and_then(|_| w.flush())
            .map_err(|e| os_error(&e, &f.name)),
    )
}

fn f_writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lines = vm.collect(args.pos.get(1).unwrap_or(&Value::None))?;
    for l in lines {
        f_write(vm, Args::new(&[args.pos[0].clone(), l]))?;
    }
    Ok(Value::None)
}

fn f_flush(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    if let Handle::Writer(w) = &mut *f.handle.lock() {
        w.flush().map_err(|e| os_error(&e, &f.name))?;
    }
    Ok(Value::None)
}

fn f_close(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    let mut h = f.handle.lock();
    if let Handle::Writer(w) = &mut *h {
        w.flush().map_err(|e| os_error(&e, &f.name))?;
    }
    *h = Handle::Closed;
    Ok(Value::None)
}

fn f_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    f_close(vm, Args::new(&args.pos[..1]))
}

fn f_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn file_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let c = Class::new_builtin("TextIOWrapper", Some(&types().object));
        c.dict.set_str("__module__", Value::str("_io"));
        for (n, f) in [
            ("read", f_read as crate::objects::function::NativeFn),
            ("readline", f_readline),
            ("readlines", f_readlines),
            ("write", f_write),
            ("writelines", f_writelines),
            ("flush", f_flush),
            ("close", f_close),
            ("__enter__", f_self),
            ("__exit__", f_exit),
            ("__iter__", f_self),
            ("__next__", f_next),
        ] {
            add_method(&c, "TextIOWrapper", n, f);
        }
        c
    })
    .clone()
}

pub fn install(b: &crate::objects::Module) {
    b.set(
        "open",
        Value::Builtin(Arc::new(crate::objects::Builtin::new("open", open))),
    );
}
