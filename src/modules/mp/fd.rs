//! File descriptors of `_pyt_mp`: the owned `Fd` object (closed when dropped or by
//! `fd_close`), pipes and socket pairs created close-on-exec, and length-prefixed messages
//! read and written whole. Every blocking wait goes through [`wait_fd`], which sleeps in
//! `poll(2)` and, on the main thread, wakes every [`SIGNAL_POLL_MS`] to turn Ctrl-C into
//! KeyboardInterrupt.

use crate::builtins::add_methods;
use crate::objects::function::Args;
use crate::objects::{Class, NativeObject, PyErr, PyResult, Value};
use crate::vm::Vm;
use std::any::Any;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// How often a blocked main thread wakes to check for Ctrl-C (as `thread::wait_until`).
pub const SIGNAL_POLL_MS: i32 = 50;
/// Largest message accepted from a pipe: a corrupt or hostile length prefix must not make
/// the reader allocate without bound (CPython's Connection limit is 2 GiB as well).
pub const MAX_MESSAGE: usize = 0x7fff_ffff;
/// Longest timeout accepted: keeps `Instant` arithmetic in range (threading.TIMEOUT_MAX).
pub const TIMEOUT_MAX: f64 = 1e9;

/// An owned file descriptor; -1 once closed.
pub struct Fd {
    fd: AtomicI32,
}

impl Fd {
    pub fn new(fd: i32) -> Fd {
        Fd {
            fd: AtomicI32::new(fd),
        }
    }
    pub fn raw(&self) -> i32 {
        self.fd.load(Ordering::Acquire)
    }
    fn close(&self) {
        let fd = self.fd.swap(-1, Ordering::AcqRel);
        if fd >= 0 {
            // SAFETY: `fd` was owned by this object and is closed exactly once (the swap
            // hands it to one caller).
            unsafe { libc::close(fd) };
        }
    }
}

impl Drop for Fd {
    fn drop(&mut self) {
        self.close();
    }
}

static FD_CLASS: OnceLock<Arc<Class>> = OnceLock::new();

fn fd_class() -> Arc<Class> {
    FD_CLASS
        .get_or_init(|| {
            let cls = Class::new_builtin("_pyt_mp.Fd", None);
            add_methods(&cls, "Fd", &[("fileno", fd_fileno), ("close", fd_close)]);
            cls
        })
        .clone()
}

impl NativeObject for Fd {
    fn class(&self) -> Arc<Class> {
        fd_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _vm: &mut Vm, _me: &Value) -> PyResult<Option<String>> {
        Ok(Some(format!("<_pyt_mp.Fd {}>", self.raw())))
    }
}

pub fn new_fd(fd: i32) -> Value {
    Value::Native(Arc::new(Fd::new(fd)))
}

/// The descriptor of an `Fd` argument; OSError(EBADF) once closed.
pub fn fd_arg(args: &Args, i: usize) -> PyResult<i32> {
    let v = args
        .pos
        .get(i)
        .ok_or_else(|| PyErr::type_error("missing file descriptor argument"))?;
    let fd = match v {
        Value::Int(n) => i32::try_from(*n).unwrap_or(-1),
        _ => v
            .as_native::<Fd>()
            .ok_or_else(|| PyErr::type_error("expected a _pyt_mp.Fd"))?
            .raw(),
    };
    if fd < 0 {
        return Err(errno_err(libc::EBADF));
    }
    Ok(fd)
}

fn fd_fileno(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(fd_arg(&args, 0)? as i64))
}

fn fd_close(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(f) = args.pos.first().and_then(|v| v.as_native::<Fd>()) {
        f.close();
    }
    Ok(Value::None)
}

/// An OSError subclass for an errno value.
pub fn errno_err(code: i32) -> PyErr {
    super::super::os::os_error(&std::io::Error::from_raw_os_error(code), None, None)
}

fn last_err() -> PyErr {
    super::super::os::os_error(&std::io::Error::last_os_error(), None, None)
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `pipe()` → `(read_end, write_end)`, both close-on-exec.
pub fn pipe(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let (r, w) = raw_pipe()?;
    Ok(Value::tuple(vec![new_fd(r), new_fd(w)]))
}

pub fn raw_pipe() -> PyResult<(i32, i32)> {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` is a valid array of two ints for pipe2 to fill.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(last_err());
    }
    Ok((fds[0], fds[1]))
}

/// `socketpair()` → two connected Unix stream sockets, close-on-exec (a duplex Pipe).
pub fn socketpair(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` is a valid array of two ints for socketpair to fill.
    let rc = unsafe {
        libc::socketpair(
            libc::AF_UNIX,
            libc::SOCK_STREAM | libc::SOCK_CLOEXEC,
            0,
            fds.as_mut_ptr(),
        )
    };
    if rc != 0 {
        return Err(last_err());
    }
    Ok(Value::tuple(vec![new_fd(fds[0]), new_fd(fds[1])]))
}

/// A deadline from a timeout argument: None (or absent) waits forever.
pub fn deadline_arg(v: Option<&Value>) -> PyResult<Option<Instant>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let t = super::super::util::to_f64(v)?.clamp(0.0, TIMEOUT_MAX);
            Ok(Some(Instant::now() + Duration::from_secs_f64(t)))
        }
    }
}

/// Waits until `fd` is readable (or at its end) or the deadline passes; returns readiness.
pub fn wait_fd(vm: &mut Vm, fd: i32, deadline: Option<Instant>) -> PyResult<bool> {
    loop {
        let mut slice = if vm.is_main { SIGNAL_POLL_MS } else { -1 };
        if let Some(d) = deadline {
            let left = d.saturating_duration_since(Instant::now());
            let ms = i32::try_from(left.as_millis()).unwrap_or(i32::MAX);
            // Round up so a short timeout still sleeps rather than spinning at zero.
            let ms = if left > Duration::from_millis(ms as u64) {
                ms.saturating_add(1)
            } else {
                ms
            };
            slice = if slice < 0 { ms } else { slice.min(ms) };
        }
        let mut p = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: `p` is one valid pollfd.
        let rc = unsafe { libc::poll(&mut p, 1, slice) };
        if rc > 0 {
            if p.revents & libc::POLLNVAL != 0 {
                return Err(errno_err(libc::EBADF));
            }
            return Ok(true);
        }
        if rc < 0 && last_errno() != libc::EINTR {
            return Err(last_err());
        }
        if vm.is_main {
            crate::vm::check_signals(vm)?;
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(false);
        }
    }
}

/// Reads exactly `buf.len()` bytes; Ok(false) at end of file before the first byte.
fn read_exact(fd: i32, buf: &mut [u8]) -> PyResult<bool> {
    let mut got = 0;
    while got < buf.len() {
        // SAFETY: the pointer and length describe the unfilled tail of `buf`.
        let n = unsafe {
            libc::read(
                fd,
                buf[got..].as_mut_ptr() as *mut libc::c_void,
                buf.len() - got,
            )
        };
        if n < 0 {
            if last_errno() == libc::EINTR {
                continue;
            }
            return Err(last_err());
        }
        if n == 0 {
            if got == 0 {
                return Ok(false);
            }
            return Err(PyErr::new(
                crate::objects::ExcKind::EOFError,
                "connection closed in the middle of a message",
            ));
        }
        got += n as usize;
    }
    Ok(true)
}

pub fn write_all(fd: i32, mut data: &[u8]) -> PyResult<()> {
    while !data.is_empty() {
        // SAFETY: the pointer and length describe `data`.
        let n = unsafe { send_or_write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
        if n < 0 {
            if last_errno() == libc::EINTR {
                continue;
            }
            return Err(last_err());
        }
        data = &data[n as usize..];
    }
    Ok(())
}

/// `write(2)`, but without SIGPIPE on a socket whose peer closed (MSG_NOSIGNAL); pipes
/// rely on SIGPIPE being ignored (the Rust runtime does so at start-up).
///
/// # Safety
/// `buf` must be valid for reading `len` bytes.
unsafe fn send_or_write(fd: i32, buf: *const libc::c_void, len: usize) -> isize {
    // SAFETY: forwarded from the caller's contract.
    let n = unsafe { libc::send(fd, buf, len, libc::MSG_NOSIGNAL) };
    if n < 0 && last_errno() == libc::ENOTSOCK {
        // SAFETY: forwarded from the caller's contract.
        return unsafe { libc::write(fd, buf, len) };
    }
    n
}

/// `send_bytes(fd, data)`: one message, a 4-byte big-endian length then the bytes; `data`
/// may be a list of byte strings, sent as that many messages in one write (a queue's feeder
/// flushes its whole buffer at once).
pub fn send_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = fd_arg(&args, 0)?;
    let items = match args.pos.get(1) {
        Some(Value::Bytes(b)) => vec![Value::Bytes(b.clone())],
        Some(v @ Value::List(_)) => vm.collect(v)?,
        _ => return Err(PyErr::type_error("send_bytes() needs bytes")),
    };
    let mut msg = Vec::new();
    for it in &items {
        let Value::Bytes(b) = it else {
            return Err(PyErr::type_error("send_bytes() needs bytes"));
        };
        if b.len() > MAX_MESSAGE {
            return Err(PyErr::value_error("message too long"));
        }
        msg.extend_from_slice(&(b.len() as u32).to_be_bytes());
        msg.extend_from_slice(b);
    }
    write_all(fd, &msg)?;
    Ok(Value::None)
}

/// `recv_bytes(fd, timeout=None)`: the next message; None when the timeout passed first;
/// EOFError when the other end is closed.
pub fn recv_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = fd_arg(&args, 0)?;
    let deadline = deadline_arg(args.pos.get(1))?;
    if !wait_fd(vm, fd, deadline)? {
        return Ok(Value::None);
    }
    let mut len = [0u8; 4];
    if !read_exact(fd, &mut len)? {
        return Err(PyErr::with_args(crate::objects::ExcKind::EOFError, vec![]));
    }
    let n = u32::from_be_bytes(len) as usize;
    if n > MAX_MESSAGE {
        return Err(PyErr::value_error("message too long"));
    }
    let mut buf = vec![0u8; n];
    if n > 0 && !read_exact(fd, &mut buf)? {
        return Err(PyErr::with_args(crate::objects::ExcKind::EOFError, vec![]));
    }
    Ok(Value::Bytes(Arc::new(buf)))
}

/// `poll(fd, timeout=0)`: whether a message (or the end) can be read without blocking.
pub fn poll(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = fd_arg(&args, 0)?;
    let deadline = match args.pos.get(1) {
        None => Some(Instant::now()),
        v => deadline_arg(v)?,
    };
    Ok(Value::Bool(wait_fd(vm, fd, deadline)?))
}

/// Marks a descriptor close-on-exec (inherited ones, once the child has taken them).
pub fn set_cloexec(fd: i32) {
    // SAFETY: fcntl on any int is memory-safe; a bad fd just fails.
    unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
}

/// Backlog of a manager's listening socket (CPython's Listener default is 1; many children
/// connect at once here, so a larger queue avoids refused connections).
const LISTEN_BACKLOG: i32 = 128;

/// A Unix socket address in the abstract namespace (no file left behind).
fn abstract_addr(name: &str) -> PyResult<(libc::sockaddr_un, libc::socklen_t)> {
    // SAFETY: sockaddr_un is plain data; all-zero is a valid value.
    let mut addr: libc::sockaddr_un = unsafe { std::mem::zeroed() };
    addr.sun_family = libc::AF_UNIX as libc::sa_family_t;
    let bytes = name.as_bytes();
    if bytes.len() + 1 > addr.sun_path.len() {
        return Err(PyErr::value_error("socket name too long"));
    }
    for (i, b) in bytes.iter().enumerate() {
        addr.sun_path[i + 1] = *b as libc::c_char;
    }
    let len = std::mem::size_of::<libc::sa_family_t>() + 1 + bytes.len();
    Ok((addr, len as libc::socklen_t))
}

fn unix_socket() -> PyResult<i32> {
    // SAFETY: plain socket creation; the result is checked.
    let fd = unsafe { libc::socket(libc::AF_UNIX, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0) };
    if fd < 0 {
        return Err(last_err());
    }
    Ok(fd)
}

/// `listen_unix(name)` → a listening socket bound to the abstract address `name`.
pub fn listen_unix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = vm.str(super::super::util::pos(&args, 0, "listen_unix")?)?;
    let (addr, len) = abstract_addr(&name)?;
    let fd = unix_socket()?;
    let owned = new_fd(fd);
    // SAFETY: `addr` is a valid sockaddr_un of `len` bytes.
    let rc = unsafe { libc::bind(fd, &addr as *const _ as *const libc::sockaddr, len) };
    // SAFETY: listen on our own socket.
    if rc != 0 || unsafe { libc::listen(fd, LISTEN_BACKLOG) } != 0 {
        return Err(last_err());
    }
    Ok(owned)
}

/// `accept(listener)` → the next connection (waits interruptibly).
pub fn accept(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = fd_arg(&args, 0)?;
    loop {
        wait_fd(vm, fd, None)?;
        // SAFETY: accepting on our own socket; no address wanted.
        let c = unsafe {
            libc::accept4(
                fd,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                libc::SOCK_CLOEXEC,
            )
        };
        if c >= 0 {
            return Ok(new_fd(c));
        }
        let e = last_errno();
        if e != libc::EINTR && e != libc::EAGAIN && e != libc::ECONNABORTED {
            return Err(errno_err(e));
        }
    }
}

/// `connect_unix(name)` → a socket connected to the abstract address `name`.
pub fn connect_unix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = vm.str(super::super::util::pos(&args, 0, "connect_unix")?)?;
    let (addr, len) = abstract_addr(&name)?;
    let fd = unix_socket()?;
    let owned = new_fd(fd);
    loop {
        // SAFETY: `addr` is a valid sockaddr_un of `len` bytes.
        let rc = unsafe { libc::connect(fd, &addr as *const _ as *const libc::sockaddr, len) };
        if rc == 0 {
            return Ok(owned);
        }
        if last_errno() != libc::EINTR {
            return Err(last_err());
        }
    }
}

/// Most descriptors `wait_any` watches at once (it builds one pollfd array per call).
const MAX_WAIT_FDS: usize = 1024;

/// `wait_any(fds, timeout=None)` → the indexes of the descriptors that are readable (or at
/// their end); empty when the timeout passed first.
pub fn wait_any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let list = super::super::util::pos(&args, 0, "wait_any")?;
    let items = vm.collect(list)?;
    if items.len() > MAX_WAIT_FDS {
        return Err(PyErr::value_error("too many descriptors"));
    }
    let mut fds = Vec::with_capacity(items.len());
    for it in &items {
        fds.push(fd_arg(&Args::new(std::slice::from_ref(it)), 0)?);
    }
    let deadline = deadline_arg(args.pos.get(1))?;
    loop {
        let mut slice = if vm.is_main { SIGNAL_POLL_MS } else { -1 };
        if let Some(d) = deadline {
            let left = d.saturating_duration_since(Instant::now());
            let ms = i32::try_from(left.as_millis().saturating_add(1)).unwrap_or(i32::MAX);
            slice = if slice < 0 { ms } else { slice.min(ms) };
        }
        let mut polls: Vec<libc::pollfd> = fds
            .iter()
            .map(|&fd| libc::pollfd {
                fd,
                events: libc::POLLIN,
                revents: 0,
            })
            .collect();
        // SAFETY: `polls` is a valid array of `polls.len()` pollfds.
        let rc = unsafe { libc::poll(polls.as_mut_ptr(), polls.len() as libc::nfds_t, slice) };
        if rc > 0 {
            let ready = polls
                .iter()
                .enumerate()
                .filter(|(_, p)| p.revents != 0)
                .map(|(i, _)| Value::Int(i as i64))
                .collect();
            return Ok(Value::list(ready));
        }
        if rc < 0 && last_errno() != libc::EINTR {
            return Err(last_err());
        }
        if vm.is_main {
            crate::vm::check_signals(vm)?;
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(Value::list(vec![]));
        }
    }
}
