//! Standard output and error: shared by every thread, each write whole.
//!
//! `print` writes its text and then its `end` as two writes, each under the stream's lock, so
//! lines from several threads can merge exactly as the notes show, but no write is ever torn.
//! Output to a terminal is line-buffered; to a pipe or file it is block-buffered and flushed
//! on `flush=True`, before `input()`, and at exit; `-u`/PYTHONUNBUFFERED write through.

use super::Vm;
use crate::objects::class::types;
use crate::objects::function::Args;
use crate::objects::{Class, NativeObject, PyErr, PyResult, Value};
use parking_lot::Mutex;
use std::any::Any;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

/// Bytes buffered before a block-buffered stream is flushed (CPython's io.DEFAULT_BUFFER_SIZE).
const BUFFER_SIZE: usize = 8192;

struct Stream {
    buf: Vec<u8>,
    fd: i32,
    tty: bool,
}

pub struct Output {
    stdout: Mutex<Stream>,
    stderr: Mutex<Stream>,
    unbuffered: AtomicBool,
    /// Python 2's softspace flags of stdout and stderr (`vm/py2.rs`, the print statement).
    softspace: [AtomicBool; 2],
}

fn isatty(fd: i32) -> bool {
    use std::io::IsTerminal;
    match fd {
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => false,
    }
}

/// A replacement for the terminal writes of [`write_fd`]: the REPL installs one while it waits
/// for input, handing every write to rustyline's external printer, which prints it above the
/// prompt and redraws the line being typed (a direct write would garble that line).
pub type WriteHook = Box<dyn Fn(&[u8]) + Send + Sync>;

static WRITE_HOOK: parking_lot::RwLock<Option<WriteHook>> = parking_lot::RwLock::new(None);

/// Installs (Some) or removes (None) the hook that takes every write to fd 1 and 2.
pub fn set_write_hook(hook: Option<WriteHook>) {
    *WRITE_HOOK.write() = hook;
}

fn write_fd(fd: i32, data: &[u8]) {
    if let Some(hook) = WRITE_HOOK.read().as_ref() {
        hook(data);
        return;
    }
    // Errors (a closed pipe) are ignored here, as CPython ignores them at exit.
    let _ = match fd {
        1 => {
            let mut o = std::io::stdout().lock();
            o.write_all(data).and_then(|_| o.flush())
        }
        _ => {
            let mut e = std::io::stderr().lock();
            e.write_all(data).and_then(|_| e.flush())
        }
    };
}

impl Output {
    pub fn new() -> Output {
        Output {
            stdout: Mutex::new(Stream {
                buf: Vec::new(),
                fd: 1,
                tty: isatty(1),
            }),
            stderr: Mutex::new(Stream {
                buf: Vec::new(),
                fd: 2,
                tty: true,
            }),
            unbuffered: AtomicBool::new(
                std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty()),
            ),
            softspace: [AtomicBool::new(false), AtomicBool::new(false)],
        }
    }

    /// The softspace flag of fd 1 or 2 (Python 2's print statement).
    pub fn softspace(&self, fd: i32) -> &AtomicBool {
        &self.softspace[(fd == 2) as usize]
    }

    pub fn set_unbuffered(&self) {
        self.unbuffered.store(true, Ordering::Relaxed);
    }

    /// Whether writes go straight through (`-u`; children of multiprocessing inherit it).
    pub fn is_unbuffered(&self) -> bool {
        self.unbuffered.load(Ordering::Relaxed)
    }

    fn stream(&self, fd: i32) -> &Mutex<Stream> {
        if fd == 2 {
            &self.stderr
        } else {
            &self.stdout
        }
    }

    /// One whole write to fd 1 or 2.
    pub fn write_fd(&self, fd: i32, text: &str) {
        let mut s = self.stream(fd).lock();
        s.buf.extend_from_slice(text.as_bytes());
        let unbuffered = self.unbuffered.load(Ordering::Relaxed);
        if unbuffered || s.buf.len() >= BUFFER_SIZE || (s.tty && text.contains('\n')) {
            let data = std::mem::take(&mut s.buf);
            write_fd(s.fd, &data);
        }
    }

    pub fn flush_fd(&self, fd: i32) {
        let mut s = self.stream(fd).lock();
        if !s.buf.is_empty() {
            let data = std::mem::take(&mut s.buf);
            write_fd(s.fd, &data);
        }
    }

    pub fn flush_all(&self) {
        self.flush_fd(1);
        self.flush_fd(2);
    }

    /// Writes to `sys.stdout`, whatever the script bound it to.
    pub fn write_stdout(&self, vm: &mut Vm, text: &str) -> PyResult<()> {
        let out = vm.interp.sys.get("stdout").unwrap_or(Value::None);
        write_to(vm, &out, text)
    }

    /// Writes to `sys.stderr`.
    pub fn write_stderr(&self, vm: &mut Vm, text: &str) -> PyResult<()> {
        let out = vm.interp.sys.get("stderr").unwrap_or(Value::None);
        write_to(vm, &out, text)
    }
}

impl Default for Output {
    fn default() -> Self {
        Output::new()
    }
}

/// Writes text to a file-like object: the standard streams directly, anything else through
/// its `write` method.
pub fn write_to(vm: &mut Vm, file: &Value, text: &str) -> PyResult<()> {
    if let Some(s) = file.as_native::<StdStream>() {
        vm.interp.out.write_fd(s.fd, text);
        return Ok(());
    }
    if file.is_none() {
        return Ok(());
    }
    if let Some(r) = crate::builtins::file::write_text(file, text) {
        return r;
    }
    vm.call_method(file, "write", &[Value::str(text)])?;
    Ok(())
}

pub fn flush_file(vm: &mut Vm, file: &Value) -> PyResult<()> {
    if let Some(s) = file.as_native::<StdStream>() {
        vm.interp.out.flush_fd(s.fd);
        return Ok(());
    }
    if vm.has_attr(file, "flush")? {
        vm.call_method(file, "flush", &[])?;
    }
    Ok(())
}

/// `sys.stdout` / `sys.stderr` objects.
pub struct StdStream {
    pub fd: i32,
}

static STREAM_CLASS: OnceLock<Arc<Class>> = OnceLock::new();

pub fn stream_class() -> Arc<Class> {
    STREAM_CLASS
        .get_or_init(|| {
            let c = Class::new_builtin("TextIOWrapper", Some(&types().object));
            let add = |name: &'static str, f: crate::objects::function::NativeFn| {
                let mut b = crate::objects::Builtin::new(name, f);
                b.owner = Some("TextIOWrapper");
                c.dict.set_str(name, Value::Builtin(Arc::new(b)));
            };
            add("write", stream_write);
            add("flush", stream_flush);
            add("fileno", stream_fileno);
            add("isatty", stream_isatty);
            add("writable", |_, _| Ok(Value::Bool(true)));
            c
        })
        .clone()
}

impl NativeObject for StdStream {
    fn class(&self) -> Arc<Class> {
        stream_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _vm: &mut Vm, _me: &Value) -> PyResult<Option<String>> {
        let name = if self.fd == 1 { "<stdout>" } else { "<stderr>" };
        Ok(Some(format!(
            "<_io.TextIOWrapper name='{name}' mode='w' encoding='utf-8'>"
        )))
    }
    fn getattr(&self, _vm: &mut Vm, _me: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "name" => Some(Value::str(if self.fd == 1 {
                "<stdout>"
            } else {
                "<stderr>"
            })),
            "encoding" => Some(Value::str("utf-8")),
            "mode" => Some(Value::str("w")),
            _ => None,
        })
    }
}

fn this_fd(args: &Args) -> PyResult<i32> {
    match args.pos.first().and_then(|v| v.as_native::<StdStream>()) {
        Some(s) => Ok(s.fd),
        None => Err(PyErr::type_error("descriptor requires a TextIOWrapper")),
    }
}

fn stream_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = this_fd(&args)?;
    match args.pos.get(1) {
        Some(Value::Str(s)) => {
            // As Python 2's file.write, a write method call ends a print statement's line.
            vm.interp.out.softspace(fd).store(false, Ordering::Relaxed);
            vm.interp.out.write_fd(fd, s.as_str());
            Ok(Value::Int(s.char_len() as i64))
        }
        Some(other) => Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            other.type_name()
        ))),
        None => Err(PyErr::type_error(
            "write() takes exactly one argument (0 given)",
        )),
    }
}

fn stream_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = this_fd(&args)?;
    vm.interp.out.flush_fd(fd);
    Ok(Value::None)
}

fn stream_fileno(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this_fd(&args)? as i64))
}

fn stream_isatty(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(isatty(this_fd(&args)?)))
}

/// `sys.stdin`: reads from the process's standard input (shared with `input()`).
pub struct StdIn;

static STDIN_CLASS: OnceLock<Arc<Class>> = OnceLock::new();

fn stdin_class() -> Arc<Class> {
    STDIN_CLASS
        .get_or_init(|| {
            let c = Class::new_builtin("TextIOWrapper", Some(&types().object));
            let add = |name: &'static str, f: crate::objects::function::NativeFn| {
                let mut b = crate::objects::Builtin::new(name, f);
                b.owner = Some("TextIOWrapper");
                c.dict.set_str(name, Value::Builtin(Arc::new(b)));
            };
            add("readline", stdin_readline);
            add("read", stdin_read);
            add("readlines", stdin_readlines);
            add("fileno", |_, _| Ok(Value::Int(0)));
            add("isatty", |_, _| {
                use std::io::IsTerminal;
                Ok(Value::Bool(std::io::stdin().is_terminal()))
            });
            add("readable", |_, _| Ok(Value::Bool(true)));
            add("__iter__", |_, a| {
                Ok(a.pos.first().cloned().unwrap_or(Value::None))
            });
            add("__next__", |vm, a| {
                let line = stdin_readline(vm, a)?;
                match &line {
                    Value::Str(s) if s.as_str().is_empty() => Err(PyErr::stop_iteration(None)),
                    _ => Ok(line),
                }
            });
            c
        })
        .clone()
}

impl NativeObject for StdIn {
    fn class(&self) -> Arc<Class> {
        stdin_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _vm: &mut Vm, _me: &Value) -> PyResult<Option<String>> {
        Ok(Some(
            "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>".into(),
        ))
    }
    fn getattr(&self, _vm: &mut Vm, _me: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "name" => Some(Value::str("<stdin>")),
            "encoding" => Some(Value::str("utf-8")),
            "mode" => Some(Value::str("r")),
            _ => None,
        })
    }
}

fn stdin_readline(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.interp.out.flush_fd(1);
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::stdin().lock(), &mut line)
        .map_err(|e| PyErr::new(crate::objects::ExcKind::OSError, e.to_string()))?;
    Ok(Value::str(line))
}

fn stdin_read(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.interp.out.flush_fd(1);
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut text)
        .map_err(|e| PyErr::new(crate::objects::ExcKind::OSError, e.to_string()))?;
    Ok(Value::str(text))
}

fn stdin_readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let text = stdin_read(vm, args)?;
    let Value::Str(s) = text else {
        return Ok(Value::list(vec![]));
    };
    Ok(Value::list(
        s.as_str().split_inclusive('\n').map(Value::str).collect(),
    ))
}
