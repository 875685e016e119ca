//! The interactive REPL (`pyt` on a terminal, `pyt repl`): reads statements with rustyline,
//! compiles each in `Mode::Interactive` (expression statements echo their repr and set `_`)
//! and runs it in one `__main__` module that lives for the whole session.
//!
//! Sits at the edge beside `cli`: it drives the whole pipeline per input. Whether more lines
//! are needed is decided by the lexer/parser (`input::classify`); errors are printed (ariadne
//! report or traceback) and the session goes on. While it waits for input, output of
//! background threads goes through rustyline's external printer (`output::set_write_hook`),
//! so it appears above the prompt and the line being typed is redrawn intact.

mod helper;
mod highlight;
mod input;

use crate::compiler::Mode;
use crate::objects::{ExcKind, Module, Value};
use crate::vm::{Interpreter, Vm};
use helper::{BackspaceDedent, CtrlDEndsBlock, ReplHelper, TabIndent};
use input::{classify, next_indent, Status, SOURCE_NAME};
use parking_lot::Mutex;
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::{
    Cmd, ColorMode, CompletionType, Config, Editor, EventHandler, ExternalPrinter, KeyCode,
    KeyEvent, Modifiers,
};
use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;

/// Entries kept in the history file.
const MAX_HISTORY: usize = 1000;

type ReplEditor = Editor<ReplHelper, FileHistory>;

/// Runs the REPL until Ctrl-D or `exit()`; returns the exit status.
pub fn run(unbuffered: bool) -> i32 {
    let interp = Interpreter::new(vec![String::new()]);
    if unbuffered {
        interp.out.set_unbuffered();
    }
    let cwd = std::env::current_dir()
        .map(|d| d.to_string_lossy().to_string())
        .unwrap_or_default();
    interp.sys.set("path", Value::list(vec![Value::str(cwd)]));
    interp.sys.set("ps1", Value::str(">>> "));
    interp.sys.set("ps2", Value::str("... "));
    let main = Arc::new(Module::new("__main__"));
    main.set("__builtins__", Value::Module(interp.builtins.clone()));
    interp
        .modules
        .set_str("__main__", Value::Module(main.clone()));
    let mut vm = Vm::new(interp.clone());
    vm.is_main = true;
    let vm = Rc::new(RefCell::new(vm));

    let color = use_color();
    let pending = Rc::new(RefCell::new(String::new()));
    let mut rl = match make_editor(color) {
        Ok(rl) => rl,
        Err(e) => {
            eprintln!("pyt: cannot open the line editor: {e}");
            return 1;
        }
    };
    rl.set_helper(Some(ReplHelper::new(
        vm.clone(),
        main.clone(),
        pending.clone(),
        color,
    )));
    let history = history_path();
    if let Some(path) = &history {
        // A missing history file is the normal first run.
        let _ = rl.load_history(path);
    }
    let printer: Option<Arc<Mutex<Box<dyn ExternalPrinter + Send>>>> = rl
        .create_external_printer()
        .ok()
        .map(|p| Arc::new(Mutex::new(Box::new(p) as Box<dyn ExternalPrinter + Send>)));

    println!("{}", banner());
    let mut session = Session {
        vm,
        main,
        rl,
        pending,
        printer,
        history,
    };
    let status = session.run_loop();
    let mut vm = session.vm.borrow_mut();
    let status = crate::vm::shutdown(&mut vm, status);
    vm.interp.out.flush_all();
    status
}

fn banner() -> String {
    let (ma, mi, pa) = crate::modules::sys::PYTHON_VERSION;
    format!(
        "pyt {} (Python {ma}.{mi}.{pa} subset): threads are real OS threads, no GIL. \
         Ctrl-D or exit() to quit.",
        env!("CARGO_PKG_VERSION")
    )
}

fn use_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none()
        && std::env::var("TERM").map_or(true, |t| t != "dumb")
        && std::io::stdout().is_terminal()
}

/// `PYT_HISTORY` relocates the history file and an empty value disables it; by default it is
/// `~/.pyt_history`.
fn history_path() -> Option<PathBuf> {
    match std::env::var_os("PYT_HISTORY") {
        Some(p) if p.is_empty() => None,
        Some(p) => Some(PathBuf::from(p)),
        None => std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pyt_history")),
    }
}

fn make_editor(color: bool) -> rustyline::Result<ReplEditor> {
    let config = Config::builder()
        .auto_add_history(false)
        .max_history_size(MAX_HISTORY)?
        .history_ignore_dups(true)?
        .completion_type(CompletionType::List)
        .indent_size(helper::INDENT as u8)
        .color_mode(if color {
            ColorMode::Enabled
        } else {
            ColorMode::Disabled
        })
        .build();
    let mut rl: ReplEditor = Editor::with_config(config)?;
    rl.bind_sequence(
        KeyEvent(KeyCode::Tab, Modifiers::NONE),
        EventHandler::Conditional(Box::new(TabIndent)),
    );
    rl.bind_sequence(
        KeyEvent(KeyCode::Backspace, Modifiers::NONE),
        EventHandler::Conditional(Box::new(BackspaceDedent)),
    );
    rl.bind_sequence(
        KeyEvent::ctrl('D'),
        EventHandler::Conditional(Box::new(CtrlDEndsBlock)),
    );
    // Ctrl-C is a key here (the terminal is raw while editing): discard the line.
    rl.bind_sequence(KeyEvent::ctrl('C'), EventHandler::Simple(Cmd::Interrupt));
    Ok(rl)
}

struct Session {
    vm: Rc<RefCell<Vm>>,
    main: Arc<Module>,
    rl: ReplEditor,
    /// Lines of the statement being entered, shared with the helper's Validator.
    pending: Rc<RefCell<String>>,
    printer: Option<Arc<Mutex<Box<dyn ExternalPrinter + Send>>>>,
    history: Option<PathBuf>,
}

/// What reading one statement produced.
enum Read {
    Statement(String, crate::parser::ast::Module),
    Error(String, crate::diagnostics::Diagnostic),
    Nothing,
    Eof,
}

impl Session {
    /// Reads and runs statements; returns the exit status (before waiting for threads).
    fn run_loop(&mut self) -> i32 {
        loop {
            match self.read_statement() {
                Read::Eof => {
                    println!();
                    return 0;
                }
                Read::Nothing => {}
                Read::Error(text, d) => {
                    self.remember(&text);
                    let src = crate::source::SourceFile::new(SOURCE_NAME, format!("{text}\n"));
                    self.flush();
                    eprint!(
                        "{}",
                        crate::diagnostics::render::render(&d, &src, use_color())
                    );
                }
                Read::Statement(text, module) => {
                    self.remember(&text);
                    if let Some(status) = self.execute(&text, &module) {
                        return status;
                    }
                }
            }
        }
    }

    fn flush(&self) {
        if let Ok(vm) = self.vm.try_borrow() {
            vm.interp.out.flush_all();
        }
    }

    fn prompt(&self, name: &str, default: &str) -> String {
        let mut vm = self.vm.borrow_mut();
        match vm.interp.sys.get(name) {
            Some(Value::Str(s)) => s.as_str().to_string(),
            Some(v) => vm.str(&v).unwrap_or_else(|_| default.to_string()),
            None => default.to_string(),
        }
    }

    /// One line from the editor, with background output routed above the prompt meanwhile.
    fn readline(&mut self, prompt: &str, initial: &str) -> Result<String, ReadlineError> {
        self.flush();
        if let Some(p) = &self.printer {
            let p = p.clone();
            crate::vm::output::set_write_hook(Some(Box::new(move |data: &[u8]| {
                // rustyline's raw mode keeps output processing (OPOST): `\n` stays a newline.
                let _ = p.lock().print(String::from_utf8_lossy(data).into_owned());
            })));
        }
        let line = self.rl.readline_with_initial(prompt, (initial, ""));
        crate::vm::output::set_write_hook(None);
        // A Ctrl-C typed while editing was a key, not a signal: none may be left pending.
        crate::vm::signals::clear(libc::SIGINT as usize);
        line
    }

    /// Reads lines until the lexer/parser call the statement complete (or wrong).
    fn read_statement(&mut self) -> Read {
        self.pending.borrow_mut().clear();
        let ps1 = self.prompt("ps1", ">>> ");
        let first = match self.readline(&ps1, "") {
            Ok(l) => l,
            Err(ReadlineError::Interrupted) => {
                println!("KeyboardInterrupt");
                return Read::Nothing;
            }
            Err(ReadlineError::Eof) => return Read::Eof,
            Err(e) => {
                eprintln!("pyt: {e}");
                return Read::Eof;
            }
        };
        if first.trim().is_empty() {
            return Read::Nothing;
        }
        // A block recalled whole from history runs once complete; typed lines wait for the
        // blank line that ends a compound statement.
        let recalled = first.contains('\n');
        let mut text = first;
        loop {
            match classify(&text, !recalled) {
                Status::Complete(m) => return Read::Statement(text, m),
                Status::Error(d) => return Read::Error(text, d),
                Status::Incomplete => {}
            }
            *self.pending.borrow_mut() = format!("{text}\n");
            let ps2 = self.prompt("ps2", "... ");
            let indent = next_indent(&text);
            match self.readline(&ps2, &indent) {
                Ok(l) => {
                    text.push('\n');
                    text.push_str(&l);
                }
                Err(ReadlineError::Interrupted) => {
                    println!("KeyboardInterrupt");
                    return Read::Nothing;
                }
                Err(ReadlineError::Eof) => {
                    // End of input ends the statement, as in CPython: run it if that
                    // completes it (a block), else drop it.
                    println!();
                    text.push('\n');
                    return match classify(&text, !recalled) {
                        Status::Complete(m) => Read::Statement(text, m),
                        Status::Error(d) => Read::Error(text, d),
                        Status::Incomplete => Read::Nothing,
                    };
                }
                Err(e) => {
                    eprintln!("pyt: {e}");
                    return Read::Eof;
                }
            }
        }
    }

    /// Adds a statement to the history (one entry, however many lines) and the history file.
    fn remember(&mut self, text: &str) {
        let entry = text.trim_end();
        if entry.is_empty() {
            return;
        }
        if !matches!(self.rl.add_history_entry(entry), Ok(true)) {
            return;
        }
        if let Some(path) = &self.history {
            // Appended at once, so a crash or a second session keeps it; errors (a read-only
            // home) only lose history.
            let _ = self.rl.append_history(path);
        }
    }

    /// Compiles and runs one statement; Some(status) when it asked to exit.
    fn execute(&mut self, text: &str, module: &crate::parser::ast::Module) -> Option<i32> {
        let src = crate::source::SourceFile::new(SOURCE_NAME, format!("{text}\n"));
        let code = match crate::compiler::compile(module, &src, Mode::Interactive) {
            Ok(c) => c,
            Err(d) => {
                self.flush();
                eprint!(
                    "{}",
                    crate::diagnostics::render::render(&d, &src, use_color())
                );
                return None;
            }
        };
        let mut vm = self.vm.borrow_mut();
        crate::vm::signals::clear(libc::SIGINT as usize);
        let code = Arc::new(crate::objects::Code::new(code));
        let dict = self.main.dict.clone();
        let frame = crate::vm::frame::Frame::new(code, dict.clone(), Some(dict));
        let result = crate::vm::eval::run_frame(&mut vm, Box::new(frame));
        let out = vm.interp.out.clone();
        match result {
            Ok(_) => None,
            Err(e) if e.is(ExcKind::SystemExit) => Some(crate::cli::exit_status(&mut vm, e)),
            Err(e) => {
                crate::vm::traceback::print_exception(&mut vm, &e.0);
                out.flush_all();
                None
            }
        }
    }
}
