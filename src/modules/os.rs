//! The `os` module (process, directories, files, environment) and, through `py/os.py`,
//! `os.path` (posixpath). OS errors become the OSError subclass CPython raises, with
//! `errno`, `strerror` and `filename` set (`[Errno 2] No such file or directory: 'x'`).

use super::util::{pos, python_module, to_i64};
use crate::objects::function::Args;
use crate::objects::{ExcKind, Module, PyErr, PyResult, Value};
use crate::vm::Vm;
use std::sync::Arc;

/// Largest `urandom` request served at once (CPython has no limit; this keeps a typo from
/// allocating gigabytes).
const URANDOM_MAX: i64 = 1 << 28;

/// Longest `os.kill` waits for a signal sent to this very process to reach pyt's handler
/// (delivery to another thread takes microseconds; this only bounds a lost race).
const SELF_KILL_WAIT: std::time::Duration = std::time::Duration::from_millis(100);

/// The OSError subclass for an errno, as CPython's `PyErr_SetFromErrno` and `OSError(errno,
/// strerror)` pick it.
pub fn errno_kind(code: i64) -> ExcKind {
    let Ok(code) = i32::try_from(code) else {
        return ExcKind::OSError;
    };
    match code {
        libc::ENOENT => ExcKind::FileNotFoundError,
        libc::EEXIST => ExcKind::FileExistsError,
        libc::EACCES | libc::EPERM => ExcKind::PermissionError,
        libc::ENOTDIR => ExcKind::NotADirectoryError,
        libc::EISDIR => ExcKind::IsADirectoryError,
        libc::ESRCH => ExcKind::ProcessLookupError,
        libc::EINTR => ExcKind::InterruptedError,
        libc::ECHILD => ExcKind::ChildProcessError,
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => ExcKind::BlockingIOError,
        libc::EPIPE | libc::ESHUTDOWN => ExcKind::BrokenPipeError,
        libc::ETIMEDOUT => ExcKind::TimeoutError,
        libc::ECONNABORTED => ExcKind::ConnectionAbortedError,
        libc::ECONNREFUSED => ExcKind::ConnectionRefusedError,
        libc::ECONNRESET => ExcKind::ConnectionResetError,
        _ => ExcKind::OSError,
    }
}

fn strerror(code: i32) -> String {
    // SAFETY: strerror returns a pointer to a static (or thread-local) C string.
    let p = unsafe { libc::strerror(code) };
    if p.is_null() {
        return format!("Unknown error {code}");
    }
    // SAFETY: non-null and NUL-terminated, per strerror's contract.
    unsafe { std::ffi::CStr::from_ptr(p) }
        .to_string_lossy()
        .into_owned()
}

/// An OSError (subclass) for an io::Error on `filename` (and `filename2`).
pub fn os_error(e: &std::io::Error, filename: Option<&str>, filename2: Option<&str>) -> PyErr {
    let code = e.raw_os_error().unwrap_or(0);
    let mut args = vec![Value::Int(code as i64), Value::str(strerror(code))];
    if let Some(f) = filename {
        args.push(Value::str(f));
        if let Some(f2) = filename2 {
            args.push(Value::Int(0));
            args.push(Value::str(f2));
        }
    }
    let err = PyErr::with_args(errno_kind(code as i64), args);
    if let Value::Instance(i) = &err.0 {
        i.dict.set_str("errno", Value::Int(code as i64));
        i.dict.set_str("strerror", Value::str(strerror(code)));
        i.dict
            .set_str("filename", filename.map(Value::str).unwrap_or(Value::None));
        i.dict.set_str(
            "filename2",
            filename2.map(Value::str).unwrap_or(Value::None),
        );
    }
    err
}

fn path_arg<'a>(args: &Args<'a>, i: usize, fname: &str) -> PyResult<String> {
    match pos(args, i, fname)? {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Bytes(b) => Ok(String::from_utf8_lossy(b).into_owned()),
        other => Err(PyErr::type_error(format!(
            "{fname}: path should be string, bytes or os.PathLike, not {}",
            other.type_name()
        ))),
    }
}

/// `os.kill(pid, sig)`.
fn kill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return Err(PyErr::type_error(format!(
            "kill expected 2 arguments, got {}",
            args.pos.len()
        )));
    }
    let too_big = || PyErr::overflow_error("signed integer is greater than maximum");
    let pid = libc::pid_t::try_from(to_i64(&args.pos[0])?).map_err(|_| too_big())?;
    let sig = libc::c_int::try_from(to_i64(&args.pos[1])?).map_err(|_| too_big())?;
    let before = crate::vm::signals::delivered();
    // SAFETY: kill(2) takes two plain integers and touches no memory.
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(os_error(&std::io::Error::last_os_error(), None, None));
    }
    // A signal this process sends itself is handled before kill returns, as in CPython: the
    // kernel may hand it to another thread, so wait (briefly) until pyt's handler saw it.
    let own = i64::from(pid) == i64::from(std::process::id()) || pid == 0;
    if own
        && usize::try_from(sig).is_ok_and(|s| {
            crate::vm::signals::kernel_disposition(s) == crate::vm::signals::Disposition::Handle
        })
    {
        let until = std::time::Instant::now() + SELF_KILL_WAIT;
        while crate::vm::signals::delivered() == before && std::time::Instant::now() < until {
            std::thread::yield_now();
        }
    }
    crate::vm::check_signals(vm)?;
    Ok(Value::None)
}

fn getpid(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Int(std::process::id() as i64))
}

fn getppid(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    // SAFETY: getppid has no preconditions and cannot fail.
    Ok(Value::Int(unsafe { libc::getppid() } as i64))
}

fn getcwd(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    std::env::current_dir()
        .map(|p| Value::str(p.to_string_lossy().into_owned()))
        .map_err(|e| os_error(&e, None, None))
}

fn chdir(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(&args, 0, "chdir")?;
    std::env::set_current_dir(&p).map_err(|e| os_error(&e, Some(&p), None))?;
    Ok(Value::None)
}

fn listdir(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = match args.pos.first() {
        None | Some(Value::None) => ".".to_string(),
        _ => path_arg(&args, 0, "listdir")?,
    };
    let rd = std::fs::read_dir(&p).map_err(|e| os_error(&e, Some(&p), None))?;
    let mut out = Vec::new();
    for ent in rd {
        let ent = ent.map_err(|e| os_error(&e, Some(&p), None))?;
        out.push(Value::str(ent.file_name().to_string_lossy().into_owned()));
    }
    Ok(Value::list(out))
}

fn mkdir(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(&args, 0, "mkdir")?;
    std::fs::create_dir(&p).map_err(|e| os_error(&e, Some(&p), None))?;
    Ok(Value::None)
}

fn remove(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(&args, 0, "remove")?;
    std::fs::remove_file(&p).map_err(|e| os_error(&e, Some(&p), None))?;
    Ok(Value::None)
}

fn rmdir(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(&args, 0, "rmdir")?;
    std::fs::remove_dir(&p).map_err(|e| os_error(&e, Some(&p), None))?;
    Ok(Value::None)
}

fn rename(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = path_arg(&args, 0, "rename")?;
    let b = path_arg(&args, 1, "rename")?;
    std::fs::rename(&a, &b).map_err(|e| os_error(&e, Some(&a), Some(&b)))?;
    Ok(Value::None)
}

/// `_stat(path, follow)`: (mode, size, mtime, atime, ctime, ino, dev, nlink, uid, gid) or
/// raises.
fn stat(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    use std::os::unix::fs::MetadataExt;
    let p = path_arg(&args, 0, "stat")?;
    let follow = !matches!(args.pos.get(1), Some(Value::Bool(false)));
    let md = if follow {
        std::fs::metadata(&p)
    } else {
        std::fs::symlink_metadata(&p)
    }
    .map_err(|e| os_error(&e, Some(&p), None))?;
    let t = |s: i64, ns: i64| Value::Float(s as f64 + ns as f64 * 1e-9);
    Ok(Value::tuple(vec![
        Value::Int(md.mode() as i64),
        Value::Int(md.ino() as i64),
        Value::Int(md.dev() as i64),
        Value::Int(md.nlink() as i64),
        Value::Int(md.uid() as i64),
        Value::Int(md.gid() as i64),
        Value::Int(md.size() as i64),
        t(md.atime(), md.atime_nsec()),
        t(md.mtime(), md.mtime_nsec()),
        t(md.ctime(), md.ctime_nsec()),
    ]))
}

fn cpu_count(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(std::thread::available_parallelism()
        .map(|n| Value::Int(n.get() as i64))
        .unwrap_or(Value::None))
}

fn urandom(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = to_i64(pos(&args, 0, "urandom")?)?;
    if n < 0 {
        return Err(PyErr::value_error("negative argument not allowed"));
    }
    if n > URANDOM_MAX {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    let mut buf = vec![0u8; n as usize];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf))
        .map_err(|e| os_error(&e, None, None))?;
    Ok(Value::Bytes(Arc::new(buf)))
}

fn putenv(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let k = path_arg(&args, 0, "putenv")?;
    let v = path_arg(&args, 1, "putenv")?;
    if k.is_empty() || k.contains('=') || k.contains('\0') || v.contains('\0') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    std::env::set_var(k, v);
    Ok(Value::None)
}

fn unsetenv(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let k = path_arg(&args, 0, "unsetenv")?;
    if k.is_empty() || k.contains('=') || k.contains('\0') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    std::env::remove_var(k);
    Ok(Value::None)
}

fn strerror_fn(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let code = to_i64(pos(&args, 0, "strerror")?)?;
    Ok(Value::str(strerror(code as i32)))
}

fn terminal_size(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = match args.pos.first() {
        Some(v) => to_i64(v)? as libc::c_int,
        None => 1,
    };
    // SAFETY: winsize is plain data; the ioctl writes into it or fails.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ with a valid winsize pointer.
    let r = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) };
    if r != 0 {
        return Err(os_error(&std::io::Error::last_os_error(), None, None));
    }
    Ok(Value::tuple(vec![
        Value::Int(ws.ws_col as i64),
        Value::Int(ws.ws_row as i64),
    ]))
}

fn env_dict() -> Value {
    let d = Arc::new(crate::objects::DictObj::new());
    for (k, v) in std::env::vars_os() {
        d.set_str(
            &k.to_string_lossy(),
            Value::str(v.to_string_lossy().into_owned()),
        );
    }
    Value::Dict(d)
}

pub fn init(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let path = python_module(
        vm,
        "posixpath",
        &[("_stat", stat), ("getcwd", getcwd)],
        include_str!("py/posixpath.py"),
    )?;
    let m = super::util::native_module(
        "os",
        &[
            ("getpid", getpid),
            ("kill", kill),
            ("getppid", getppid),
            ("getcwd", getcwd),
            ("chdir", chdir),
            ("listdir", listdir),
            ("_mkdir", mkdir),
            ("remove", remove),
            ("unlink", remove),
            ("rmdir", rmdir),
            ("rename", rename),
            ("replace", rename),
            ("_stat", stat),
            ("cpu_count", cpu_count),
            ("urandom", urandom),
            ("putenv", putenv),
            ("unsetenv", unsetenv),
            ("strerror", strerror_fn),
            ("_terminal_size", terminal_size),
            ("_tuple_new", super::util::tuple_new),
        ],
    );
    m.set("environ", env_dict());
    m.set("path", Value::Module(path.clone()));
    super::util::exec_embedded(vm, &m, include_str!("py/os.py"))?;
    // `import os.path` imports `os` first, then finds the submodule here.
    vm.interp.modules.set_str("os.path", Value::Module(path));
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enoent_is_file_not_found() {
        assert_eq!(errno_kind(libc::ENOENT as i64), ExcKind::FileNotFoundError);
    }

    #[test]
    fn unknown_errno_is_plain_oserror() {
        assert_eq!(errno_kind(99999), ExcKind::OSError);
    }
}
