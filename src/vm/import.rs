//! Imports: the builtin module registry first, then `.py` files and packages on `sys.path`
//! (the script's directory first). Each module body runs once; `sys.modules` holds it before
//! its body runs, which gives CPython's circular-import behaviour. As CPython's module locks
//! do, [`ImportLocks`] records which thread initialises which module: another thread importing
//! it waits until the body has finished, the same thread (a circular import) gets the partial
//! module, and a cycle of threads waiting on each other gets the partial module too instead of
//! a deadlock.

use super::eval::run_frame;
use super::frame::Frame;
use super::Vm;
use crate::compiler::Mode;
use crate::objects::{Code, DictObj, ExcKind, Module, PyErr, PyResult, Value};
use parking_lot::{Condvar, Mutex, MutexGuard};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// How often a thread waiting for another thread's import wakes to check for Ctrl-C.
const IMPORT_WAIT_TICK: Duration = Duration::from_millis(50);

/// Modules being initialised, by thread (see the module doc).
#[derive(Default)]
pub struct ImportLocks {
    state: Mutex<ImportState>,
    finished: Condvar,
    /// How many modules are being initialised: the fast path skips the lock when none is.
    busy: AtomicUsize,
}

#[derive(Default)]
struct ImportState {
    /// Module name -> the thread running its body.
    initializing: HashMap<String, u64>,
    /// Thread -> the module it waits for (to detect a cycle of waiting threads).
    waiting: HashMap<u64, String>,
}

/// What waiting for a module's initialisation ended with.
enum Wait {
    /// Nobody is initialising it (any more).
    Free,
    /// This thread is initialising it (a circular import), or waiting would deadlock.
    Partial,
}

impl ImportLocks {
    pub fn is_initializing(&self, name: &str) -> bool {
        self.busy.load(Ordering::Acquire) > 0 && self.state.lock().initializing.contains_key(name)
    }

    /// Waits while another thread initialises `name`; with `claim`, then records this thread
    /// as its initialiser (when the wait ended with `Free`).
    fn wait(&self, vm: &mut Vm, name: &str, claim: bool) -> PyResult<Wait> {
        let me = vm.ident;
        let mut st = self.state.lock();
        loop {
            let owner = match st.initializing.get(name) {
                None => {
                    if claim {
                        st.initializing.insert(name.to_string(), me);
                        self.busy.fetch_add(1, Ordering::AcqRel);
                    }
                    return Ok(Wait::Free);
                }
                Some(&o) => o,
            };
            if owner == me || waits_for(&st, owner, me) {
                return Ok(Wait::Partial);
            }
            st.waiting.insert(me, name.to_string());
            self.finished.wait_for(&mut st, IMPORT_WAIT_TICK);
            st.waiting.remove(&me);
            if vm.is_main {
                MutexGuard::unlocked(&mut st, || super::check_signals(vm))?;
            }
        }
    }

    fn release(&self, name: &str) {
        let mut st = self.state.lock();
        if st.initializing.remove(name).is_some() {
            self.busy.fetch_sub(1, Ordering::AcqRel);
        }
        drop(st);
        self.finished.notify_all();
    }
}

/// True when `owner` (transitively, through the modules the threads wait for) waits for `me`.
fn waits_for(st: &ImportState, mut owner: u64, me: u64) -> bool {
    for _ in 0..=st.waiting.len() {
        let Some(m) = st.waiting.get(&owner) else {
            return false;
        };
        match st.initializing.get(m) {
            Some(&o) if o == me => return true,
            Some(&o) => owner = o,
            None => return false,
        }
    }
    false
}

fn module_not_found(name: &str) -> PyErr {
    let e = PyErr::new(
        ExcKind::ModuleNotFoundError,
        format!("No module named '{name}'"),
    );
    if let Value::Instance(i) = &e.0 {
        i.dict.set_str("name", Value::str(name));
    }
    e
}

/// Resolves a relative module name against the importing module's package.
fn resolve_name(name: &str, level: u32, globals: &DictObj) -> PyResult<String> {
    if level == 0 {
        return Ok(name.to_string());
    }
    let package = match globals.get_str("__package__") {
        Some(Value::Str(s)) if !s.as_str().is_empty() => s.as_str().to_string(),
        _ => {
            let modname = match globals.get_str("__name__") {
                Some(Value::Str(s)) => s.as_str().to_string(),
                _ => String::new(),
            };
            if globals.get_str("__path__").is_some() {
                modname
            } else {
                modname
                    .rsplit_once('.')
                    .map(|(p, _)| p.to_string())
                    .unwrap_or_default()
            }
        }
    };
    if package.is_empty() || package == "__main__" {
        return Err(PyErr::new(
            ExcKind::ImportError,
            "attempted relative import with no known parent package",
        ));
    }
    let mut parts: Vec<&str> = package.split('.').collect();
    for _ in 1..level {
        if parts.pop().is_none() {
            return Err(PyErr::new(
                ExcKind::ImportError,
                "attempted relative import beyond top-level package",
            ));
        }
    }
    let base = parts.join(".");
    Ok(if name.is_empty() {
        base
    } else {
        format!("{base}.{name}")
    })
}

/// The `ImportName` instruction.
pub fn import_name(
    vm: &mut Vm,
    name: &str,
    level: u32,
    fromlist: &Value,
    globals: &DictObj,
) -> PyResult<Value> {
    let full = resolve_name(name, level, globals)?;
    let mut module = Value::None;
    let mut top = Value::None;
    let mut prefix = String::new();
    for (i, part) in full.split('.').enumerate() {
        if i > 0 {
            prefix.push('.');
        }
        prefix.push_str(part);
        let parent = module.clone();
        module = import_one(vm, &prefix, &parent)?;
        if i == 0 {
            top = module.clone();
        }
    }
    let has_fromlist = match fromlist {
        Value::None => false,
        Value::Tuple(t) => !t.is_empty(),
        _ => true,
    };
    if has_fromlist || level > 0 && name.is_empty() {
        Ok(module)
    } else {
        Ok(top)
    }
}

/// Imports one dotted name whose parent package (if any) is already imported.
pub fn import_one(vm: &mut Vm, full: &str, parent: &Value) -> PyResult<Value> {
    loop {
        if let Some(m) = vm.interp.modules.get_str(full) {
            if vm.interp.imports.busy.load(Ordering::Acquire) == 0 {
                return Ok(m);
            }
            let interp = vm.interp.clone();
            match interp.imports.wait(vm, full, false)? {
                Wait::Partial => return Ok(m),
                // Finished meanwhile (its body may have replaced the entry), or failed (gone).
                Wait::Free => match vm.interp.modules.get_str(full) {
                    Some(m) => return Ok(m),
                    None => continue,
                },
            }
        }
        let interp = vm.interp.clone();
        match interp.imports.wait(vm, full, true)? {
            Wait::Free => {
                // Another thread may have finished it between the check and the claim.
                let r = match vm.interp.modules.get_str(full) {
                    Some(m) => Ok(m),
                    None => find_and_load(vm, full, parent),
                };
                interp.imports.release(full);
                return r;
            }
            // Being initialised by this thread without being in sys.modules yet (a builtin
            // module whose set-up imports itself): load it as before.
            Wait::Partial => return find_and_load(vm, full, parent),
        }
    }
}

/// Finds `full` (builtin registry, then the search path) and runs it.
fn find_and_load(vm: &mut Vm, full: &str, parent: &Value) -> PyResult<Value> {
    if let Some(init) = crate::modules::lookup(full) {
        let m = init(vm)?;
        let v = Value::Module(m);
        vm.interp.modules.set_str(full, v.clone());
        bind_in_parent(parent, full, &v);
        return Ok(v);
    }
    let leaf = full.rsplit('.').next().unwrap_or(full);
    let search: Vec<PathBuf> = match parent {
        Value::Module(p) => match p.dict.get_str("__path__") {
            Some(v) => path_list(vm, &v)?,
            None => {
                let e = module_not_found(full);
                if let Some(st) = crate::objects::exception::exc_state(&e.0) {
                    st.lock().args = vec![Value::str(format!(
                        "No module named '{full}'; '{}' is not a package",
                        p.name
                    ))];
                }
                return Err(e);
            }
        },
        _ => {
            let sys_path = vm.interp.sys.get("path").unwrap_or(Value::None);
            path_list(vm, &sys_path)?
        }
    };
    for dir in search {
        let pkg_init = dir.join(leaf).join("__init__.py");
        let file = dir.join(format!("{leaf}.py"));
        if pkg_init.is_file() {
            let pkg_dir = dir.join(leaf);
            let v = load_source(vm, full, &pkg_init, Some(pkg_dir), parent)?;
            return Ok(v);
        }
        if file.is_file() {
            return load_source(vm, full, &file, None, parent);
        }
    }
    Err(module_not_found(full))
}

fn path_list(vm: &mut Vm, v: &Value) -> PyResult<Vec<PathBuf>> {
    if v.is_none() {
        return Ok(vec![]);
    }
    Ok(vm
        .collect(v)?
        .into_iter()
        .filter_map(|p| match p {
            Value::Str(s) => Some(if s.as_str().is_empty() {
                PathBuf::from(".")
            } else {
                PathBuf::from(s.as_str())
            }),
            _ => None,
        })
        .collect())
}

fn bind_in_parent(parent: &Value, full: &str, module: &Value) {
    if let Value::Module(p) = parent {
        if let Some((_, leaf)) = full.rsplit_once('.') {
            p.dict.set_str(leaf, module.clone());
        }
    }
}

/// Runs a `.py` file as module `name`.
fn load_source(
    vm: &mut Vm,
    name: &str,
    path: &PathBuf,
    pkg_dir: Option<PathBuf>,
    parent: &Value,
) -> PyResult<Value> {
    let text = std::fs::read(path).map_err(|e| {
        PyErr::new(
            ExcKind::ImportError,
            format!("cannot read {}: {e}", path.display()),
        )
    })?;
    let text = String::from_utf8(text).map_err(|_| {
        PyErr::new(
            ExcKind::SyntaxError,
            format!("Non-UTF-8 code in file {}", path.display()),
        )
    })?;
    let display = path.to_string_lossy().to_string();
    let module = Arc::new(Module::new(name));
    module.set("__file__", Value::str(display.clone()));
    match &pkg_dir {
        Some(d) => {
            module.set(
                "__path__",
                Value::list(vec![Value::str(d.to_string_lossy().to_string())]),
            );
            module.set("__package__", Value::str(name));
        }
        None => module.set(
            "__package__",
            Value::str(name.rsplit_once('.').map(|(p, _)| p).unwrap_or("")),
        ),
    }
    module.set("__builtins__", Value::Module(vm.interp.builtins.clone()));
    let v = Value::Module(module.clone());
    vm.interp.modules.set_str(name, v.clone());
    let result = exec_file(vm, &display, text, &module.dict);
    if let Err(e) = result {
        vm.interp.modules.del_str(name);
        return Err(e);
    }
    bind_in_parent(parent, name, &v);
    Ok(vm.interp.modules.get_str(name).unwrap_or(v))
}

/// Compiles and runs source text in a module namespace. A syntax error becomes a SyntaxError
/// exception carrying the rendered report.
pub fn exec_source(
    vm: &mut Vm,
    filename: &str,
    text: String,
    globals: &Arc<DictObj>,
    mode: Mode,
) -> PyResult<Value> {
    let src = crate::source::SourceFile::new(filename, text);
    let code = crate::compile_source(&src, mode).map_err(|d| syntax_error_value(&d, &src))?;
    let code = Arc::new(Code::new(code));
    let frame = Frame::new(code, globals.clone(), Some(globals.clone()));
    run_frame(vm, Box::new(frame))
}

/// Compiles and runs an imported `.py` file in a module namespace: as [`exec_source`], but a
/// Python 2 file runs in compatibility mode (with pyt's one-line note on stderr) unless
/// `--strict` forbade it.
fn exec_file(vm: &mut Vm, filename: &str, text: String, globals: &Arc<DictObj>) -> PyResult<Value> {
    let src = crate::source::SourceFile::new(filename, text);
    let allow_py2 = vm
        .interp
        .allow_py2
        .load(std::sync::atomic::Ordering::Relaxed);
    let (code, py2_line) =
        crate::compile_file(&src, allow_py2).map_err(|d| syntax_error_value(&d, &src))?;
    if let Some(line) = py2_line {
        vm.interp.out.write_fd(2, &crate::py2_note(filename, line));
    }
    let code = Arc::new(Code::new(code));
    let frame = Frame::new(code, globals.clone(), Some(globals.clone()));
    run_frame(vm, Box::new(frame))
}

/// A SyntaxError exception for a diagnostic (for `import` of a broken module, `eval`).
pub fn syntax_error_value(
    d: &crate::diagnostics::Diagnostic,
    src: &crate::source::SourceFile,
) -> PyErr {
    let kind = match d.kind {
        crate::diagnostics::ErrorKind::SyntaxError => ExcKind::SyntaxError,
        crate::diagnostics::ErrorKind::IndentationError => ExcKind::IndentationError,
        crate::diagnostics::ErrorKind::TabError => ExcKind::TabError,
    };
    let (line, col) = src.line_col(d.span.start);
    let e = PyErr::new(kind, d.message.clone());
    if let Value::Instance(i) = &e.0 {
        i.dict.set_str("msg", Value::str(d.message.clone()));
        i.dict.set_str("filename", Value::str(src.name.clone()));
        i.dict.set_str("lineno", Value::Int(line as i64));
        i.dict.set_str("offset", Value::Int(col as i64));
        i.dict
            .set_str("text", Value::str(src.line_text(line).to_string()));
        let _ = src;
    }
    e
}

/// The `ImportFrom` instruction.
pub fn import_from(vm: &mut Vm, module: &Value, name: &str) -> PyResult<Value> {
    if let Some(v) = vm.getattr_opt(module, name)? {
        return Ok(v);
    }
    if let Value::Module(m) = module {
        if m.dict.get_str("__path__").is_some() {
            let full = format!("{}.{}", m.name, name);
            if let Ok(v) = import_one(vm, &full, module) {
                return Ok(v);
            }
        }
        let loc = match m.dict.get_str("__file__") {
            Some(Value::Str(f)) => f.as_str().to_string(),
            _ => "unknown location".to_string(),
        };
        let msg = if vm.interp.imports.is_initializing(&m.name) {
            format!(
                "cannot import name '{}' from partially initialized module '{}' (most likely \
                 due to a circular import) ({})",
                name, m.name, loc
            )
        } else {
            format!("cannot import name '{}' from '{}' ({})", name, m.name, loc)
        };
        let e = PyErr::new(ExcKind::ImportError, msg);
        return Err(e);
    }
    Err(vm.no_attribute(module, name))
}

/// `from m import *`.
pub fn import_star(vm: &mut Vm, module: &Value, ns: &Arc<DictObj>) -> PyResult<()> {
    let Value::Module(m) = module else {
        return Err(PyErr::type_error("import * requires a module"));
    };
    match m.dict.get_str("__all__") {
        Some(all) => {
            for n in vm.collect(&all)? {
                let Value::Str(s) = &n else { continue };
                let v = vm.getattr(module, s.as_str())?;
                ns.set_str_value(n.clone(), v);
            }
        }
        None => {
            for (k, v) in m.dict.items() {
                if let Value::Str(s) = &k {
                    if !s.as_str().starts_with('_') {
                        ns.set_str_value(k.clone(), v);
                    }
                }
            }
        }
    }
    Ok(())
}
