//! The virtual machine: interpreter-wide state ([`Interpreter`]) and per-thread state ([`Vm`]).
//!
//! There is one `Interpreter` per process, shared by every script thread through an `Arc`;
//! each OS thread running Python code owns one `Vm`. Nothing here is a global interpreter
//! lock: shared state is either immutable or behind its own fine-grained lock.

pub mod attr_cache;
pub mod call;
pub mod eval;
pub mod frame;
pub mod frames;
pub mod generator;
pub mod global_cache;
pub mod import;
pub mod intrinsics;
pub mod iter;
pub mod ops;
pub mod output;
pub mod py2;
pub mod signals;
pub mod traceback;
pub mod typenew;
pub mod unwind;

use crate::objects::{DictObj, ExcKind, Module, PyErr, PyResult, Value};
use parking_lot::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

pub use signals::check_signals;

/// CPython's default recursion limit (`sys.getrecursionlimit()`).
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;

/// Bytes of native stack kept free below the current depth: when less remains, a nested call
/// raises RecursionError instead of overflowing the thread's stack, whatever the Python limit.
pub const STACK_RED_ZONE: usize = 256 * 1024;

/// Python frames live on the heap (about half a kilobyte each), so only this absolute cap stops
/// runaway recursion after `sys.setrecursionlimit(10**8)` from eating all memory: it bounds a
/// thread's frames to roughly half a gigabyte, far deeper than any real program recurses.
pub const MAX_PYTHON_DEPTH: usize = 1_000_000;

/// Native stack size of every thread that runs Python code: deep enough for the default
/// recursion limit through builtins that call back into Python (sorted keys, __repr__ ...).
pub const THREAD_STACK_SIZE: usize = 64 * 1024 * 1024;

/// Finished frames kept per thread for reuse (bounded so a deep recursion does not pin memory).
const FRAME_POOL_SIZE: usize = 64;

/// A thread's pooled frames and frame stacks (see `Vm::take_pools`).
#[allow(clippy::vec_box)]
#[derive(Default)]
pub struct FramePools(Vec<Box<frame::Frame>>, Vec<Vec<Box<frame::Frame>>>);

/// Process-wide interpreter state.
pub struct Interpreter {
    pub builtins: Arc<Module>,
    pub sys: Arc<Module>,
    /// `sys.modules`.
    pub modules: Arc<DictObj>,
    pub recursion_limit: AtomicUsize,
    pub out: Arc<output::Output>,
    /// Which modules are being initialised by which thread, so a module's body runs exactly
    /// once and other threads wait for it (no lock is held while the body runs).
    pub imports: import::ImportLocks,
    /// The directory of the main script, searched for imports.
    pub script_dir: Mutex<Option<std::path::PathBuf>>,
    /// Python 2 files run in compatibility mode (false under `pyt --strict`).
    pub allow_py2: std::sync::atomic::AtomicBool,
}

/// Per-thread interpreter state.
pub struct Vm {
    pub interp: Arc<Interpreter>,
    /// Python frames active on this thread, for the recursion limit.
    pub depth: usize,
    /// The exception being handled (what a bare `raise` re-raises, `sys.exc_info()`).
    pub handled: Option<Value>,
    /// Containers whose repr is being computed on this thread (prints `[...]` on a cycle).
    pub repr_stack: Vec<usize>,
    /// True on the main thread (the only one that receives KeyboardInterrupt).
    pub is_main: bool,
    /// `threading.get_ident()` of this thread.
    pub ident: u64,
    /// Finished frames kept for reuse: a call reuses their vectors instead of allocating.
    #[allow(clippy::vec_box)]
    frame_pool: Vec<Box<frame::Frame>>,
    /// Empty frame stacks for resuming generators (`take_frame_stack`), so a resumption
    /// allocates nothing.
    #[allow(clippy::vec_box)]
    frame_stacks: Vec<Vec<Box<frame::Frame>>>,
    /// This thread's cache of global-name lookups.
    pub global_cache: global_cache::GlobalCache,
    /// This thread's cache of class attribute lookups.
    pub attr_cache: attr_cache::AttrCache,
    /// Per Python depth, the code and resume pc of the frame running at that depth (slots
    /// above `depth` are stale): what the concurrency diagnostics show as a thread's stack.
    /// `step_many` notes its frame before every out-of-line `step` (anything that can call out
    /// to Python or block goes through it) and at its signal poll; a pointer compare and a
    /// store, the Arc is cloned only when the frame at that depth changes code.
    pub sites: Vec<Option<(Arc<crate::objects::Code>, usize)>>,
}

impl Interpreter {
    /// Builds the interpreter: builtins, sys, the module table.
    pub fn new(argv: Vec<String>) -> Arc<Interpreter> {
        let builtins = Arc::new(Module::new("builtins"));
        let sys = Arc::new(Module::new("sys"));
        let modules = Arc::new(DictObj::new());
        let interp = Arc::new(Interpreter {
            builtins,
            sys,
            modules,
            recursion_limit: AtomicUsize::new(DEFAULT_RECURSION_LIMIT),
            out: Arc::new(output::Output::new()),
            imports: import::ImportLocks::default(),
            script_dir: Mutex::new(None),
            allow_py2: std::sync::atomic::AtomicBool::new(true),
        });
        crate::builtins::install(&interp);
        crate::modules::sys::install(&interp, argv);
        interp
            .modules
            .set_str("builtins", Value::Module(interp.builtins.clone()));
        interp
            .modules
            .set_str("sys", Value::Module(interp.sys.clone()));
        interp
    }

    pub fn recursion_limit(&self) -> usize {
        self.recursion_limit.load(Ordering::Relaxed)
    }
}

impl Vm {
    pub fn new(interp: Arc<Interpreter>) -> Vm {
        Vm {
            interp,
            depth: 0,
            handled: None,
            repr_stack: Vec::new(),
            is_main: false,
            ident: current_ident(),
            frame_pool: Vec::new(),
            frame_stacks: Vec::new(),
            global_cache: global_cache::GlobalCache::default(),
            attr_cache: attr_cache::AttrCache::default(),
            sites: Vec::new(),
        }
    }

    /// Records that the frame running at the current depth is `code` at `pc` (done by
    /// `step_many` before each instruction it hands to `step`).
    #[inline(always)]
    pub fn note_site(&mut self, code: &Arc<crate::objects::Code>, pc: usize) {
        match self.sites.get_mut(self.depth) {
            Some(Some(slot)) => {
                if !Arc::ptr_eq(&slot.0, code) {
                    slot.0 = code.clone();
                }
                slot.1 = pc;
            }
            _ => self.note_site_slow(code, pc),
        }
    }

    #[cold]
    fn note_site_slow(&mut self, code: &Arc<crate::objects::Code>, pc: usize) {
        if self.sites.len() <= self.depth {
            self.sites.resize(self.depth + 1, None);
        }
        if let Some(slot) = self.sites.get_mut(self.depth) {
            *slot = Some((code.clone(), pc));
        }
    }

    /// This thread's Python stack as noted by `note_site`, outermost first.
    pub fn python_stack(&self) -> Vec<(Arc<crate::objects::Code>, usize)> {
        let top = self.depth.min(self.sites.len().saturating_sub(1));
        self.sites.iter().take(top + 1).flatten().cloned().collect()
    }

    pub fn builtins_dict(&self) -> &Arc<DictObj> {
        &self.interp.builtins.dict
    }

    /// Enter one more Python-level call: the recursion limit and the native stack guard.
    pub fn enter(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.interp.recursion_limit().min(MAX_PYTHON_DEPTH) {
            self.depth -= 1;
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        if stacker::remaining_stack().is_some_and(|r| r < STACK_RED_ZONE) {
            self.depth -= 1;
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        Ok(())
    }

    /// Enters a Python frame pushed by the eval loop itself: like `enter`, without the native
    /// stack check, since such calls do not recurse on the Rust stack.
    #[inline]
    pub fn enter_frame(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.interp.recursion_limit().min(MAX_PYTHON_DEPTH) {
            self.depth -= 1;
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        Ok(())
    }

    /// A frame for `code`, reusing a pooled one when there is one.
    pub fn new_frame(
        &mut self,
        code: Arc<crate::objects::Code>,
        globals: Arc<DictObj>,
        ns: Option<Arc<DictObj>>,
    ) -> Box<frame::Frame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                f.reset(code, globals, ns);
                f
            }
            None => Box::new(frame::Frame::new(code, globals, ns)),
        }
    }

    /// A frame for a call of `code` whose first `argc` locals are the top `argc` values of
    /// `stack` (moved, not cloned; the rest are unbound): the call fast path. A pooled frame
    /// that last ran the same code (recursion, a call in a loop) keeps its references to the
    /// code and globals, saving their count updates.
    pub fn new_frame_args(
        &mut self,
        code: &Arc<crate::objects::Code>,
        globals: &Arc<DictObj>,
        stack: &mut Vec<Value>,
        argc: usize,
    ) -> Box<frame::Frame> {
        let mut f = self.pooled_frame(code, globals);
        let nlocals = code.obj.varnames.len().max(argc);
        f.locals.resize_with(nlocals, || None);
        for slot in f.locals[..argc].iter_mut().rev() {
            *slot = stack.pop();
        }
        f
    }

    /// `new_frame_args` for a call from native code (`map`, a `sorted` key, a thread's
    /// target): the locals start as `self_` (a bound method's object) then `args`, cloned.
    /// The caller checked that they are exactly the code's positional parameters.
    pub fn new_frame_slice(
        &mut self,
        code: &Arc<crate::objects::Code>,
        globals: &Arc<DictObj>,
        self_: Option<&Value>,
        args: &[Value],
    ) -> Box<frame::Frame> {
        let mut f = self.pooled_frame(code, globals);
        if let Some(s) = self_ {
            f.locals.push(Some(s.clone()));
        }
        for a in args {
            f.locals.push(Some(a.clone()));
        }
        let nlocals = code.obj.varnames.len();
        if f.locals.len() < nlocals {
            f.locals.resize_with(nlocals, || None);
        }
        f
    }

    /// A frame from the pool (emptied by `recycle_frame`) or a new one, with no locals yet,
    /// set to run `code`. A pooled frame that last ran the same code keeps its references to
    /// the code and globals: no count updates, which threads running one function at once
    /// would otherwise contend on.
    fn pooled_frame(
        &mut self,
        code: &Arc<crate::objects::Code>,
        globals: &Arc<DictObj>,
    ) -> Box<frame::Frame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                if !Arc::ptr_eq(&f.code, code) {
                    f.code = code.clone();
                }
                if !Arc::ptr_eq(&f.globals, globals) {
                    f.globals = globals.clone();
                }
                f.pc = 0;
                f
            }
            None => {
                let mut f = Box::new(frame::Frame::new(code.clone(), globals.clone(), None));
                f.locals.clear();
                f
            }
        }
    }

    /// An empty frame stack from the pool (give it back with `give_frame_stack`).
    #[allow(clippy::vec_box)]
    pub fn empty_frame_stack(&mut self) -> Vec<Box<frame::Frame>> {
        self.frame_stacks.pop().unwrap_or_default()
    }

    /// A frame stack holding just `frame`, for running a generator's frame.
    #[allow(clippy::vec_box)]
    pub fn take_frame_stack(&mut self, frame: Box<frame::Frame>) -> Vec<Box<frame::Frame>> {
        let mut v = self.frame_stacks.pop().unwrap_or_default();
        v.push(frame);
        v
    }

    /// Gives back a stack from `take_frame_stack` once its frames are gone.
    #[allow(clippy::vec_box)]
    pub fn give_frame_stack(&mut self, mut v: Vec<Box<frame::Frame>>) {
        if self.frame_stacks.len() < FRAME_POOL_SIZE {
            v.clear();
            self.frame_stacks.push(v);
        }
    }

    /// This thread's pooled frames and frame stacks, for a thread that is ending to hand to the
    /// next one (`thread::start_new_thread`): a program starting many short threads then
    /// neither allocates each one's frames nor frees them all at its exit.
    pub fn take_pools(&mut self) -> FramePools {
        FramePools(
            std::mem::take(&mut self.frame_pool),
            std::mem::take(&mut self.frame_stacks),
        )
    }

    /// Adopts pools from `take_pools` (a new thread's are empty).
    pub fn adopt_pools(&mut self, pools: FramePools) {
        self.frame_pool = pools.0;
        self.frame_stacks = pools.1;
    }

    /// Returns a finished frame to the pool (its values are dropped now).
    pub fn recycle_frame(&mut self, mut f: Box<frame::Frame>) {
        if self.frame_pool.len() < FRAME_POOL_SIZE {
            f.stack.clear();
            f.locals.clear();
            f.cells.clear();
            f.blocks.clear();
            f.ns = None;
            self.frame_pool.push(f);
        }
    }

    /// Enter a level of native recursion (nested containers in repr, hash, comparison):
    /// counted with Python calls, as CPython does, with CPython's message suffix.
    pub fn enter_native(&mut self, what: &str) -> PyResult<()> {
        self.depth += 1;
        let over = self.depth > self.interp.recursion_limit()
            || stacker::remaining_stack().is_some_and(|r| r < STACK_RED_ZONE);
        if over {
            self.depth -= 1;
            return Err(PyErr::new(
                ExcKind::RecursionError,
                format!("maximum recursion depth exceeded{what}"),
            ));
        }
        Ok(())
    }

    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}

static NEXT_IDENT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

thread_local! {
    static IDENT: u64 = 139_800_000_000_000 + NEXT_IDENT.fetch_add(1, Ordering::Relaxed) * 4096;
}

/// A unique, nonzero identifier of the calling OS thread (`threading.get_ident()`).
pub fn current_ident() -> u64 {
    IDENT.with(|i| *i)
}

/// The kernel's id of the calling thread (`threading.get_native_id()`).
pub fn native_thread_id() -> u64 {
    std::fs::read_link("/proc/thread-self")
        .ok()
        .and_then(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or_else(|| u64::from(std::process::id()))
}

/// End of the main program: waits for non-daemon threads, flushes output; returns the status.
pub fn shutdown(vm: &mut Vm, status: i32) -> i32 {
    let mut status = status;
    if let Some(Value::Module(t)) = vm.interp.modules.get_str("threading") {
        if let Some(f) = t.get("_shutdown") {
            if let Err(e) = vm.call(&f, crate::objects::function::Args::new(&[])) {
                status = crate::cli::exit_status(vm, e);
            }
        }
    }
    // CPython's atexit runs multiprocessing's exit function: daemon children are terminated,
    // the others joined.
    if let Some(Value::Module(m)) = vm.interp.modules.get_str("multiprocessing") {
        if let Some(f) = m.get("_exit_function") {
            if let Err(e) = vm.call(&f, crate::objects::function::Args::new(&[])) {
                status = crate::cli::exit_status(vm, e);
            }
        }
    }
    // CPython's atexit runs logging.shutdown: handlers flush and close their files.
    if let Some(Value::Module(l)) = vm.interp.modules.get_str("logging") {
        if let Some(f) = l.get("shutdown") {
            if let Err(e) = vm.call(&f, crate::objects::function::Args::new(&[])) {
                status = crate::cli::exit_status(vm, e);
            }
        }
    }
    finalize_main(vm);
    crate::builtins::file::flush_all_files();
    vm.interp.out.flush_all();
    status
}

/// How long the exit waits for threads that have finished their Python work (joined, or
/// removed from `threading._active`) to finish unwinding natively.
const ENDING_THREADS_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

/// True when no other thread can still run Python code. After `threading._shutdown` every
/// thread left in `threading._active` (but the main one) is a live daemon; threads that have
/// left it may still be unwinding (a joined thread's last native steps race with the main
/// thread's exit), so those are waited for, briefly.
fn other_threads_ended(vm: &mut Vm) -> bool {
    if let Some(Value::Module(t)) = vm.interp.modules.get_str("threading") {
        if let Some(Value::Dict(active)) = t.get("_active") {
            if active.len() > 1 {
                return false;
            }
        }
    }
    let deadline = std::time::Instant::now() + ENDING_THREADS_WAIT;
    while crate::modules::thread::running_threads() > 0 {
        if std::time::Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    true
}

/// Clears `__main__`'s globals as CPython's finalisation does (names with one leading
/// underscore first, then the rest, each set to None in order), so generators left suspended
/// in them run their `finally` blocks. Skipped while other threads still run: they may be
/// using those globals (CPython freezes daemon threads first; pyt cannot).
fn finalize_main(vm: &mut Vm) {
    if !other_threads_ended(vm) {
        return;
    }
    generator::run_abandoned(vm);
    let Some(Value::Module(main)) = vm.interp.modules.get_str("__main__") else {
        return;
    };
    let keys: Vec<String> = main
        .dict
        .keys()
        .into_iter()
        .filter_map(|k| match k {
            Value::Str(s) => Some(s.as_str().to_string()),
            _ => None,
        })
        .collect();
    let underscore = |k: &str| k.starts_with('_') && !k.starts_with("__");
    for pass in [true, false] {
        for k in &keys {
            if underscore(k) != pass || k == "__builtins__" {
                continue;
            }
            let old = main.dict.get_str(k);
            main.dict.set_str(k, Value::None);
            drop(old);
            generator::run_abandoned(vm);
        }
    }
}
