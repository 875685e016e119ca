//! Memory shared between processes: `Shm` is a `memfd_create` file mapped `MAP_SHARED`,
//! passed to a child as an inherited descriptor (no names to leak in /dev/shm: the memory
//! goes when the last process holding it ends). It carries either a process-shared POSIX
//! semaphore (`sem_init(.., pshared=1, ..)` at offset 0: the base of multiprocessing's Lock,
//! RLock, Semaphore, Condition and Event) or the raw items of a `Value`/`Array`.

use super::fd::{deadline_arg, errno_err, SIGNAL_POLL_MS};
use crate::builtins::add_methods;
use crate::objects::function::Args;
use crate::objects::{Class, NativeObject, PyErr, PyResult, Value};
use crate::vm::Vm;
use std::any::Any;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// Largest shared block (`Array` of many items): a bad size must fail cleanly, not map
/// terabytes.
const MAX_SHM: usize = 1 << 31;

pub struct Shm {
    fd: i32,
    ptr: *mut u8,
    len: usize,
}

// SAFETY: the mapping is process-shared memory touched only through volatile reads/writes
// and the semaphore functions (which are thread-safe); the pointer itself never changes.
unsafe impl Send for Shm {}
// SAFETY: as for Send: every access is either a semaphore call or a volatile scalar access.
unsafe impl Sync for Shm {}

impl Drop for Shm {
    fn drop(&mut self) {
        // SAFETY: `ptr`/`len` are the mapping this object created and nobody else unmaps it;
        // `fd` is owned by this object.
        unsafe {
            libc::munmap(self.ptr as *mut libc::c_void, self.len);
            libc::close(self.fd);
        }
    }
}

impl Shm {
    pub fn fd(&self) -> i32 {
        self.fd
    }
    fn sem(&self) -> PyResult<*mut libc::sem_t> {
        if self.len < std::mem::size_of::<libc::sem_t>() {
            return Err(PyErr::type_error("shared block holds no semaphore"));
        }
        Ok(self.ptr as *mut libc::sem_t)
    }

    /// Maps `len` bytes of `fd` (taking ownership of `fd`).
    fn map(fd: i32, len: usize) -> PyResult<Shm> {
        // SAFETY: a fresh shared mapping of a file we own; the result is checked.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len.max(1),
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                fd,
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            let e = std::io::Error::last_os_error();
            // SAFETY: `fd` is owned here and not used again.
            unsafe { libc::close(fd) };
            return Err(super::super::os::os_error(&e, None, None));
        }
        Ok(Shm {
            fd,
            ptr: ptr as *mut u8,
            len: len.max(1),
        })
    }

    /// A new zeroed block of `len` bytes.
    pub fn create(len: usize) -> PyResult<Shm> {
        if len > MAX_SHM {
            return Err(PyErr::new(
                crate::objects::ExcKind::MemoryError,
                "shared block too large",
            ));
        }
        // SAFETY: the name is a valid C string; the result is checked.
        let fd = unsafe { libc::memfd_create(c"pyt-mp".as_ptr(), libc::MFD_CLOEXEC) };
        if fd < 0 {
            return Err(errno_err(
                std::io::Error::last_os_error().raw_os_error().unwrap_or(0),
            ));
        }
        // SAFETY: `fd` is a memfd we own.
        if unsafe { libc::ftruncate(fd, len.max(1) as libc::off_t) } != 0 {
            let e = std::io::Error::last_os_error();
            // SAFETY: `fd` is owned here and not used again.
            unsafe { libc::close(fd) };
            return Err(super::super::os::os_error(&e, None, None));
        }
        Shm::map(fd, len)
    }

    /// Maps an inherited block (its size from fstat).
    pub fn attach(fd: i32) -> PyResult<Shm> {
        // SAFETY: `st` is plain data for fstat to fill.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: `st` is a valid out-pointer.
        if unsafe { libc::fstat(fd, &mut st) } != 0 {
            return Err(errno_err(
                std::io::Error::last_os_error().raw_os_error().unwrap_or(0),
            ));
        }
        super::fd::set_cloexec(fd);
        Shm::map(fd, (st.st_size.max(0) as usize).min(MAX_SHM))
    }
}

static SHM_CLASS: OnceLock<Arc<Class>> = OnceLock::new();

fn shm_class() -> Arc<Class> {
    SHM_CLASS
        .get_or_init(|| {
            let cls = Class::new_builtin("_pyt_mp.Shm", None);
            add_methods(
                &cls,
                "Shm",
                &[
                    ("acquire", sem_acquire),
                    ("release", sem_release),
                    ("getvalue", sem_getvalue),
                    ("get", shm_get),
                    ("set", shm_set),
                    ("size", shm_size),
                ],
            );
            cls
        })
        .clone()
}

impl NativeObject for Shm {
    fn class(&self) -> Arc<Class> {
        shm_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn me<'a>(args: &Args<'a>) -> PyResult<&'a Shm> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<Shm>())
        .ok_or_else(|| PyErr::type_error("expected a _pyt_mp.Shm"))
}

/// `shm(size)`: a zeroed shared block.
pub fn new_shm(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = super::super::util::to_i64(super::super::util::pos(&args, 0, "shm")?)?;
    let n = usize::try_from(n).map_err(|_| PyErr::value_error("negative size"))?;
    Ok(Value::Native(Arc::new(Shm::create(n)?)))
}

/// `semaphore(value)`: a block holding a process-shared semaphore.
pub fn new_semaphore(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = super::super::util::to_i64(super::super::util::pos(&args, 0, "semaphore")?)?;
    let v =
        u32::try_from(v).map_err(|_| PyErr::value_error("semaphore initial value out of range"))?;
    let shm = Shm::create(std::mem::size_of::<libc::sem_t>())?;
    // SAFETY: the block is at least one sem_t, page-aligned, shared, and not yet in use.
    if unsafe { libc::sem_init(shm.sem()?, 1, v) } != 0 {
        return Err(errno_err(
            std::io::Error::last_os_error().raw_os_error().unwrap_or(0),
        ));
    }
    Ok(Value::Native(Arc::new(shm)))
}

fn realtime_in(d: Duration) -> libc::timespec {
    // SAFETY: `now` is plain data for clock_gettime to fill.
    let mut now: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: valid clock id and out-pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut now) };
    let total = now.tv_nsec as u128 + d.subsec_nanos() as u128;
    libc::timespec {
        tv_sec: now
            .tv_sec
            .saturating_add(d.as_secs().min(i32::MAX as u64) as libc::time_t)
            .saturating_add((total / 1_000_000_000) as libc::time_t),
        tv_nsec: (total % 1_000_000_000) as libc::c_long,
    }
}

/// `acquire(block=True, timeout=None)` → whether the semaphore was taken.
fn sem_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let shm = me(&args)?;
    let sem = shm.sem()?;
    let block = match crate::builtins::opt_arg(&args, 1, "block") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    // SAFETY: `sem` points at the semaphore initialised when the block was made.
    if unsafe { libc::sem_trywait(sem) } == 0 {
        return Ok(Value::Bool(true));
    }
    if !block {
        return Ok(Value::Bool(false));
    }
    let deadline = deadline_arg(crate::builtins::opt_arg(&args, 2, "timeout"))?;
    loop {
        let now = Instant::now();
        let mut slice = deadline.map(|d| d.saturating_duration_since(now));
        if vm.is_main {
            let poll = Duration::from_millis(SIGNAL_POLL_MS as u64);
            slice = Some(slice.map_or(poll, |s| s.min(poll)));
        }
        let rc = match slice {
            // SAFETY: as above; `ts` is a valid timespec.
            Some(s) => unsafe { libc::sem_timedwait(sem, &realtime_in(s)) },
            // SAFETY: as above.
            None => unsafe { libc::sem_wait(sem) },
        };
        if rc == 0 {
            return Ok(Value::Bool(true));
        }
        let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        if e != libc::EINTR && e != libc::ETIMEDOUT {
            return Err(errno_err(e));
        }
        if vm.is_main {
            crate::vm::check_signals(vm)?;
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            // One last try: the deadline may have passed just as the semaphore was posted.
            // SAFETY: as above.
            return Ok(Value::Bool(unsafe { libc::sem_trywait(sem) } == 0));
        }
    }
}

/// `release(maxvalue=None)`: posts the semaphore; ValueError past `maxvalue` (as CPython's
/// BoundedSemaphore and Lock).
fn sem_release(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let shm = me(&args)?;
    let sem = shm.sem()?;
    if let Some(v) = args.pos.get(1).filter(|v| !v.is_none()) {
        let max = super::super::util::to_i64(v)?;
        let mut cur: libc::c_int = 0;
        // SAFETY: `sem` is initialised; `cur` a valid out-pointer.
        unsafe { libc::sem_getvalue(sem, &mut cur) };
        if cur as i64 >= max {
            return Err(PyErr::value_error(
                "semaphore or lock released too many times",
            ));
        }
    }
    // SAFETY: `sem` is initialised.
    if unsafe { libc::sem_post(sem) } != 0 {
        return Err(errno_err(
            std::io::Error::last_os_error().raw_os_error().unwrap_or(0),
        ));
    }
    Ok(Value::None)
}

fn sem_getvalue(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sem = me(&args)?.sem()?;
    let mut cur: libc::c_int = 0;
    // SAFETY: `sem` is initialised; `cur` a valid out-pointer.
    unsafe { libc::sem_getvalue(sem, &mut cur) };
    Ok(Value::Int(cur.max(0) as i64))
}

fn shm_size(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(me(&args)?.len as i64))
}

/// Item size of a `Value`/`Array` typecode (the `array` module's codes).
pub fn item_size(code: &str) -> Option<usize> {
    Some(match code {
        "c" | "b" | "B" | "?" => 1,
        "h" | "H" => 2,
        "i" | "I" | "f" => 4,
        "l" | "L" | "q" | "Q" | "d" => 8,
        _ => return None,
    })
}

fn slot<'a>(args: &Args<'a>) -> PyResult<(&'a Shm, String, *mut u8)> {
    let shm = me(args)?;
    let Some(Value::Str(code)) = args.pos.get(1) else {
        return Err(PyErr::type_error("typecode must be a str"));
    };
    let code = code.as_str().to_string();
    let size = item_size(&code).ok_or_else(|| PyErr::value_error("bad typecode"))?;
    let idx = super::super::util::to_i64(super::super::util::pos(args, 2, "get")?)?;
    let off = usize::try_from(idx)
        .ok()
        .and_then(|i| i.checked_mul(size))
        .filter(|o| o + size <= shm.len)
        .ok_or_else(|| PyErr::index_error("invalid index"))?;
    // SAFETY: `off + size <= len`, so the pointer stays inside the mapping.
    Ok((shm, code, unsafe { shm.ptr.add(off) }))
}

/// `get(typecode, index)`: one item of the block.
fn shm_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_shm, code, p) = slot(&args)?;
    // SAFETY (all reads): `p` is inside the mapping with room for the item (checked by
    // `slot`); unaligned reads are used because nothing guarantees alignment of `p`;
    // other processes may write concurrently, which can only tear the value, as in C.
    unsafe {
        Ok(match code.as_str() {
            "c" => Value::Bytes(Arc::new(vec![p.read_volatile()])),
            "?" => Value::Bool(p.read_volatile() != 0),
            "b" => Value::Int((p as *const i8).read_volatile() as i64),
            "B" => Value::Int(p.read_volatile() as i64),
            "h" => Value::Int((p as *const i16).read_unaligned() as i64),
            "H" => Value::Int((p as *const u16).read_unaligned() as i64),
            "i" => Value::Int((p as *const i32).read_unaligned() as i64),
            "I" => Value::Int((p as *const u32).read_unaligned() as i64),
            "l" | "q" => Value::Int((p as *const i64).read_unaligned()),
            "L" | "Q" => {
                Value::from_bigint(num_bigint::BigInt::from((p as *const u64).read_unaligned()))
            }
            "f" => Value::Float((p as *const f32).read_unaligned() as f64),
            _ => Value::Float((p as *const f64).read_unaligned()),
        })
    }
}

/// `set(typecode, index, value)`: stores one item, wrapping ints as C does (as ctypes).
fn shm_set(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_shm, code, p) = slot(&args)?;
    let v = super::super::util::pos(&args, 3, "set")?;
    let as_int = |v: &Value| -> PyResult<i64> {
        use num_traits::ToPrimitive;
        match v {
            Value::Float(_) => Err(PyErr::type_error(
                "'float' object cannot be interpreted as an integer",
            )),
            _ => {
                let b = super::super::util::to_bigint(v)?;
                // Wrap modulo 2**64 as ctypes does.
                let m = b % num_bigint::BigInt::from(1u128 << 64);
                Ok(m.to_u64()
                    .map(|u| u as i64)
                    .or_else(|| m.to_i64())
                    .unwrap_or(0))
            }
        }
    };
    // SAFETY (all writes): as in `shm_get`.
    unsafe {
        match code.as_str() {
            "c" => match v {
                Value::Bytes(b) if b.len() == 1 => p.write_volatile(b[0]),
                Value::Int(i) if (0..256).contains(i) => p.write_volatile(*i as u8),
                _ => {
                    return Err(PyErr::type_error(
                        "one character bytes, bytearray or integer expected",
                    ))
                }
            },
            "?" => p.write_volatile(matches!(v, Value::Bool(true)) as u8),
            "b" | "B" => p.write_volatile(as_int(v)? as u8),
            "h" | "H" => (p as *mut u16).write_unaligned(as_int(v)? as u16),
            "i" | "I" => (p as *mut u32).write_unaligned(as_int(v)? as u32),
            "l" | "q" | "L" | "Q" => (p as *mut i64).write_unaligned(as_int(v)?),
            "f" => (p as *mut f32).write_unaligned(super::super::util::to_f64(v)? as f32),
            _ => (p as *mut f64).write_unaligned(super::super::util::to_f64(v)?),
        }
    }
    Ok(Value::None)
}
