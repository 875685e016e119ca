//! `_pyt_mp`: the native half of `multiprocessing` (the Python half is
//! `modules/py/multiprocessing*.py`). It owns starting and reaping child processes, the
//! descriptors they share (`fd.rs`), process-shared memory and semaphores (`shm.rs`) and
//! the serialization that moves objects between processes (`serial.rs`).
//!
//! A child is the current `pyt` executable started as `pyt --pyt-mp-child FD` (a hidden
//! mode, see `cli.rs`): its stdin carries the bootstrap blob (read whole, then stdin becomes
//! /dev/null, as CPython's children have), FD is the write end of its *sentinel* pipe, whose
//! read end the parent keeps: it reads end-of-file exactly when the child has exited, which
//! is what `join(timeout)` waits on. Descriptors the child must inherit are made inheritable
//! only in the forked child (between fork and exec), so concurrent spawns never leak them
//! into each other. Every child asks the kernel to kill it when its parent dies
//! (`PR_SET_PDEATHSIG`), so killing a pyt program never leaves orphans; because that signal
//! follows the *thread* that forked, all children are forked by one long-lived spawner thread.

pub mod fd;
pub mod serial;
pub mod shm;

use super::util::native_module;
use crate::objects::function::Args;
use crate::objects::{Module, PyErr, PyResult, Value};
use crate::vm::Vm;
use parking_lot::Mutex;
use std::os::unix::process::CommandExt;
use std::sync::mpsc;
use std::sync::Arc;

/// The hidden command-line flag that starts a child (never shown in `--help`).
pub const CHILD_FLAG: &str = "--pyt-mp-child";

/// The bootstrap blob a child read from its stdin, taken once by `multiprocessing`.
static BOOTSTRAP: Mutex<Option<Vec<u8>>> = Mutex::new(None);

type SpawnReply = std::io::Result<std::process::Child>;
type SpawnRequest = (std::process::Command, mpsc::Sender<SpawnReply>);

/// The spawner thread's request channel (started on the first spawn).
static SPAWNER: Mutex<Option<mpsc::Sender<SpawnRequest>>> = Mutex::new(None);

fn spawner() -> std::io::Result<mpsc::Sender<SpawnRequest>> {
    let mut g = SPAWNER.lock();
    if let Some(tx) = g.as_ref() {
        return Ok(tx.clone());
    }
    let (tx, rx) = mpsc::channel::<SpawnRequest>();
    // The thread lives as long as the process (its receiver never sees all senders gone,
    // one is kept in SPAWNER), so the death signal it arms is tied to the process's life.
    std::thread::Builder::new()
        .name("pyt-mp-spawner".into())
        .spawn(move || {
            while let Ok((mut cmd, reply)) = rx.recv() {
                let _ = reply.send(cmd.spawn());
            }
        })?;
    *g = Some(tx.clone());
    Ok(tx)
}

/// `spawn(blob, fds)` → `(pid, sentinel)`: starts a child pyt that inherits `fds` (ints) and
/// reads `blob` from its stdin.
fn spawn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Bytes(blob)) = args.pos.first() else {
        return Err(PyErr::type_error("spawn() needs the bootstrap bytes"));
    };
    let mut keep: Vec<i32> = Vec::new();
    if let Some(v) = args.pos.get(1) {
        for x in vm.collect(v)? {
            keep.push(super::util::to_i64(&x)? as i32);
        }
    }
    let exe = std::env::current_exe().map_err(|e| super::os::os_error(&e, None, None))?;
    let (sentinel_r, sentinel_w) = fd::raw_pipe()?;
    let sentinel = fd::new_fd(sentinel_r);
    let sentinel_w = fd::Fd::new(sentinel_w);
    keep.push(sentinel_w.raw());
    // SAFETY: getpid has no preconditions.
    let parent = unsafe { libc::getpid() };
    let mut cmd = std::process::Command::new(exe);
    // The child runs with the parent's interpreter options, as CPython's spawn passes its flags.
    if vm.interp.out.is_unbuffered() {
        cmd.arg("-u");
    }
    if !vm
        .interp
        .allow_py2
        .load(std::sync::atomic::Ordering::Relaxed)
    {
        cmd.arg("--strict");
    }
    cmd.arg(CHILD_FLAG)
        .arg(sentinel_w.raw().to_string())
        .stdin(std::process::Stdio::piped());
    // SAFETY: the closure runs in the forked child before exec and calls only
    // async-signal-safe functions (fcntl, prctl, getppid, _exit) on plain integers; it
    // allocates nothing (`keep` was built before the fork and is only read).
    unsafe {
        cmd.pre_exec(move || {
            for &fd in &keep {
                libc::fcntl(fd, libc::F_SETFD, 0);
            }
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong);
            // The parent may have died before the death signal was armed.
            if libc::getppid() != parent {
                libc::_exit(1);
            }
            Ok(())
        });
    }
    // What the parent printed so far comes before anything the child prints.
    vm.interp.out.flush_all();
    let tx = spawner().map_err(|e| super::os::os_error(&e, None, None))?;
    let (rtx, rrx) = mpsc::channel();
    tx.send((cmd, rtx))
        .map_err(|_| PyErr::runtime_error("the process spawner has stopped"))?;
    let mut child = rrx
        .recv()
        .map_err(|_| PyErr::runtime_error("the process spawner has stopped"))?
        .map_err(|e| super::os::os_error(&e, None, None))?;
    drop(sentinel_w);
    let pid = child.id() as i64;
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        // A child that died at once closes its stdin: its exit code tells the story.
        let _ = stdin.write_all(blob);
    }
    Ok(Value::tuple(vec![Value::Int(pid), sentinel]))
}

/// Decodes a wait status as `Popen.returncode`: the exit code, or minus the signal number.
fn exit_code(status: libc::c_int) -> i64 {
    if libc::WIFSIGNALED(status) {
        -(libc::WTERMSIG(status) as i64)
    } else {
        libc::WEXITSTATUS(status) as i64
    }
}

/// `waitpid(pid, block)` → the exit code, or None while the child runs (non-blocking).
fn waitpid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pid = super::util::to_i64(super::util::pos(&args, 0, "waitpid")?)? as libc::pid_t;
    let block = match args.pos.get(1) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut status: libc::c_int = 0;
    loop {
        // SAFETY: `status` is a valid out-pointer; waiting on our own child.
        let rc = unsafe { libc::waitpid(pid, &mut status, if block { 0 } else { libc::WNOHANG }) };
        if rc == pid {
            return Ok(Value::Int(exit_code(status)));
        }
        if rc == 0 {
            return Ok(Value::None);
        }
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() == Some(libc::EINTR) {
            continue;
        }
        return Err(super::os::os_error(&e, None, None));
    }
}

/// `kill(pid, sig)`; a child already gone is not an error.
fn kill(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pid = super::util::to_i64(super::util::pos(&args, 0, "kill")?)? as libc::pid_t;
    let sig = super::util::to_i64(super::util::pos(&args, 1, "kill")?)? as libc::c_int;
    if pid <= 0 {
        return Err(PyErr::value_error("invalid pid"));
    }
    // SAFETY: kill has no memory-safety preconditions; pid > 0 targets one process.
    unsafe { libc::kill(pid, sig) };
    Ok(Value::None)
}

/// `take_bootstrap()` → the blob this child was started with (None in a parent).
fn take_bootstrap(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(match BOOTSTRAP.lock().take() {
        Some(b) => Value::Bytes(Arc::new(b)),
        None => Value::None,
    })
}

/// `run_main(path, module, name=path)`: runs a script file as the body of `module`
/// (`__mp_main__`), its code named `name` (Python 2 files in compatibility mode).
fn run_main(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let path = vm.str(super::util::pos(&args, 0, "run_main")?)?;
    let Some(Value::Module(m)) = args.pos.get(1) else {
        return Err(PyErr::type_error("run_main() needs a module"));
    };
    let name = match args.pos.get(2) {
        Some(v) if !v.is_none() => vm.str(v)?,
        _ => path.clone(),
    };
    let text =
        std::fs::read_to_string(&path).map_err(|e| super::os::os_error(&e, Some(&path), None))?;
    // As `import` compiles a file, but without the Python 2 note: the parent printed it.
    let src = crate::source::SourceFile::new(name, text);
    let allow_py2 = vm
        .interp
        .allow_py2
        .load(std::sync::atomic::Ordering::Relaxed);
    let (code, _py2_line) = crate::compile_file(&src, allow_py2)
        .map_err(|d| crate::vm::import::syntax_error_value(&d, &src))?;
    let code = Arc::new(crate::objects::Code::new(code));
    let frame = crate::vm::frame::Frame::new(code, m.dict.clone(), Some(m.dict.clone()));
    crate::vm::eval::run_frame(vm, Box::new(frame))?;
    Ok(Value::None)
}

/// `new_module(name)`: an empty module object (not registered in sys.modules).
fn new_module(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = vm.str(super::util::pos(&args, 0, "new_module")?)?;
    let m = Arc::new(Module::new(&name));
    m.set("__builtins__", Value::Module(vm.interp.builtins.clone()));
    Ok(Value::Module(m))
}

/// Source names of pyt's own multiprocessing modules, whose frames a child's traceback
/// leaves out (CPython shows its process.py frames; they mean nothing to users).
const OWN_SOURCES: &str = "<frozen multiprocessing";

/// `print_exception(exc, header)`: writes `header` and the traceback of the user's frames to
/// stderr (`Process Process-1:` and what follows, as CPython's child prints).
fn print_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = super::util::pos(&args, 0, "print_exception")?.clone();
    let header = match args.pos.get(1) {
        Some(v) => vm.str(v)?,
        None => String::new(),
    };
    if let Some(st) = crate::objects::exception::exc_state(&exc) {
        st.lock()
            .traceback
            .retain(|e| !e.code.obj.source.name.starts_with(OWN_SOURCES));
    }
    let out = vm.interp.out.clone();
    out.flush_fd(1);
    let text = format!(
        "{header}{}",
        crate::vm::traceback::format_exception(vm, &exc)
    );
    out.write_stderr(vm, &text)?;
    out.flush_fd(2);
    Ok(Value::None)
}

/// `is_child()`: whether this process was started by multiprocessing.
fn is_child(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        IS_CHILD.load(std::sync::atomic::Ordering::Relaxed),
    ))
}

/// `map_chunk((func, items))`: `list(map(func, items))` for a thread pool's task, whose chunk
/// of items no other code holds: the items are taken once, then `func` is called on each,
/// with no iterator between the calls (a list iterator and a map take a lock or two per item,
/// which all the pool's workers pay at once).
fn map_chunk(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pair = match args.pos {
        [Value::Tuple(t)] if t.items.len() == 2 => t.clone(),
        _ => return Err(PyErr::type_error("map_chunk() needs a (func, items) pair")),
    };
    let func = &pair.items[0];
    let items = vm.collect(&pair.items[1])?;
    Ok(Value::list(vm.call_each(func, &items)?))
}

/// `join_lists(lists)`: one list of the items of `lists` (a list of lists) in order, moved out
/// of them, which are left empty: how a pool's map result is put together from its chunks'
/// result lists, which nothing else holds (no per-item copy, one allocation).
fn join_lists(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::List(outer)) = args.pos.first() else {
        return Err(PyErr::type_error("join_lists() needs a list of lists"));
    };
    let parts = outer.snapshot();
    let mut lists = Vec::with_capacity(parts.len());
    for p in &parts {
        match p {
            Value::List(l) => lists.push(l),
            _ => return Err(PyErr::type_error("join_lists() needs a list of lists")),
        }
    }
    let taken: Vec<Vec<Value>> = lists.iter().map(|l| l.replace(Vec::new())).collect();
    let mut out = Vec::with_capacity(taken.iter().map(Vec::len).sum());
    for v in taken {
        out.extend(v);
    }
    Ok(Value::list(out))
}

static IS_CHILD: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn init(_vm: &mut Vm) -> PyResult<Arc<Module>> {
    Ok(native_module(
        "_pyt_mp",
        &[
            ("pipe", fd::pipe),
            ("map_chunk", map_chunk),
            ("join_lists", join_lists),
            ("socketpair", fd::socketpair),
            ("listen_unix", fd::listen_unix),
            ("accept", fd::accept),
            ("connect_unix", fd::connect_unix),
            ("send_bytes", fd::send_bytes),
            ("recv_bytes", fd::recv_bytes),
            ("poll", fd::poll),
            ("wait_any", fd::wait_any),
            ("spawn", spawn),
            ("waitpid", waitpid),
            ("kill", kill),
            ("take_bootstrap", take_bootstrap),
            ("run_main", run_main),
            ("new_module", new_module),
            ("is_child", is_child),
            ("print_exception", print_exception),
            ("dumps", serial::dumps),
            ("loads", serial::loads),
            ("set_pickling_error", serial::set_pickling_error),
            ("shm", shm::new_shm),
            ("semaphore", shm::new_semaphore),
        ],
    ))
}

/// The child's side of the start-up, before any Python runs: keeps the sentinel out of its
/// own children, reads the bootstrap blob from stdin and puts /dev/null in its place.
/// Returns an error message when the child cannot start.
pub fn child_prepare(sentinel: &str) -> Result<(), String> {
    let fd: i32 = sentinel
        .parse()
        .map_err(|_| format!("bad sentinel descriptor {sentinel:?}"))?;
    fd::set_cloexec(fd);
    let mut blob = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin(), &mut blob)
        .map_err(|e| format!("cannot read the bootstrap data: {e}"))?;
    if let Ok(null) = std::fs::File::open("/dev/null") {
        use std::os::fd::AsRawFd;
        // SAFETY: both descriptors are valid; dup2 replaces fd 0 atomically.
        unsafe { libc::dup2(null.as_raw_fd(), 0) };
    }
    *BOOTSTRAP.lock() = Some(blob);
    IS_CHILD.store(true, std::sync::atomic::Ordering::Relaxed);
    Ok(())
}
