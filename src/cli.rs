//! The command line: `pyt run FILE`, `pyt FILE`, `pyt -c CODE`, `pyt dis FILE`, stdin, the
//! REPL (`pyt repl`, or no arguments on a terminal), `--strict` (no Python 2 compatibility
//! mode for files), and
//! exit codes as CPython's (1 for an uncaught exception or a syntax error, 2 for usage errors
//! and unreadable files, `sys.exit(n)` → n).

use crate::compiler::Mode;
use crate::objects::{ExcKind, Module, PyErr, Value};
use crate::source::SourceFile;
use crate::vm::{Interpreter, Vm};
use std::sync::Arc;

const USAGE: &str = "usage: pyt [option] ... [-c cmd | file | -] [arg] ...
       pyt run [--strict] [--on-deadlock=exit|hang] FILE [ARGS...]  run a script
       pyt dis FILE               show the bytecode of a script
       pyt repl                   interactive interpreter
Options:
  -c cmd   program passed in as string
  -u       unbuffered stdout and stderr
  -W arg   warning control (action:message:category:module:lineno)
  --strict Python 3 only: a file using Python 2's print statement is a SyntaxError
           (by default it runs in Python 2 compatibility mode, with a note on stderr)
  --on-deadlock=exit|hang  when every thread is blocked forever on a lock, queue or
           join: print who waits for what and exit with status 3 (exit, the default),
           or hang like CPython (hang)
  --dump-threads-after SECONDS  print every thread (what it waits for, its stack) to stderr
           after SECONDS; SIGQUIT (Ctrl-\\) prints the same dump at any time
  --version, -V  print the version and exit
  --help, -h     print this help and exit
With no arguments, pyt reads a program from stdin (or opens the REPL on a terminal).";

/// What the command line asks for.
enum Command {
    Run {
        path: String,
        args: Vec<String>,
    },
    Code {
        code: String,
        args: Vec<String>,
    },
    Stdin {
        args: Vec<String>,
    },
    Dis {
        path: String,
    },
    Repl,
    Version,
    Help,
    /// A multiprocessing child (hidden: `--pyt-mp-child SENTINEL_FD`, see `modules::mp`).
    MpChild {
        sentinel: String,
    },
}

/// `--dump-threads-after`, handed to the program runner (which registers the main thread).
/// The program ended with an uncaught KeyboardInterrupt: the process then ends by SIGINT.
static UNHANDLED_INTERRUPT: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

static DUMP_AFTER: parking_lot::Mutex<Option<f64>> = parking_lot::Mutex::new(None);

/// Options that may come before the command.
#[derive(Clone, Copy, Default)]
struct Options {
    unbuffered: bool,
    /// `--strict`: no Python 2 compatibility mode.
    strict: bool,
    /// `--on-deadlock=hang`: no deadlock report, the program hangs as under CPython.
    hang: bool,
    /// `--dump-threads-after SECONDS`: one thread dump on stderr after that long.
    dump_after: Option<f64>,
}

/// Parses the value of `--dump-threads-after`.
fn dump_after(v: Option<&String>, opts: &mut Options) -> Result<(), String> {
    let secs = v
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .ok_or("--dump-threads-after expects a number of seconds")?;
    opts.dump_after = Some(secs);
    Ok(())
}

/// Parses `--on-deadlock=...`; None when `a` is not that option.
fn on_deadlock(a: &str, opts: &mut Options) -> Option<Result<(), String>> {
    let v = a.strip_prefix("--on-deadlock=")?;
    Some(match v {
        "hang" => {
            opts.hang = true;
            Ok(())
        }
        "exit" => {
            opts.hang = false;
            Ok(())
        }
        _ => Err(format!("--on-deadlock expects exit or hang, not '{v}'")),
    })
}

fn parse_args(argv: &[String]) -> Result<(Command, Options), String> {
    let mut opts = Options::default();
    let mut i = 0;
    while i < argv.len() {
        let a = argv[i].as_str();
        match a {
            crate::modules::mp::CHILD_FLAG => {
                let sentinel = argv.get(i + 1).cloned().unwrap_or_default();
                return Ok((Command::MpChild { sentinel }, opts));
            }
            "-u" => opts.unbuffered = true,
            "--strict" => opts.strict = true,
            "-W" => {
                let opt = argv
                    .get(i + 1)
                    .ok_or("Argument expected for the -W option")?;
                crate::modules::sys::add_warn_option(opt);
                i += 1;
            }
            w if w.starts_with("-W") => crate::modules::sys::add_warn_option(&w[2..]),
            "--dump-threads-after" => {
                dump_after(argv.get(i + 1), &mut opts)?;
                i += 1;
            }
            _ if a.starts_with("--on-deadlock=") => {
                if let Some(r) = on_deadlock(a, &mut opts) {
                    r?;
                }
            }
            "-V" | "--version" => return Ok((Command::Version, opts)),
            "-h" | "--help" => return Ok((Command::Help, opts)),
            "-c" => {
                let code = argv
                    .get(i + 1)
                    .ok_or("Argument expected for the -c option")?;
                let mut args = vec!["-c".to_string()];
                args.extend(argv[i + 2..].iter().cloned());
                return Ok((
                    Command::Code {
                        code: code.clone(),
                        args,
                    },
                    opts,
                ));
            }
            "run" => {
                let mut at = i + 1;
                while let Some(a) = argv.get(at) {
                    if a == "--strict" {
                        opts.strict = true;
                    } else if a == "--dump-threads-after" {
                        dump_after(argv.get(at + 1), &mut opts)?;
                        at += 1;
                    } else if let Some(r) = on_deadlock(a, &mut opts) {
                        r?;
                    } else {
                        break;
                    }
                    at += 1;
                }
                let path = argv.get(at).ok_or("pyt run: expected a script path")?;
                return Ok((
                    Command::Run {
                        path: path.clone(),
                        args: argv[at + 1..].to_vec(),
                    },
                    opts,
                ));
            }
            "repl" => return Ok((Command::Repl, opts)),
            "dis" => {
                let path = argv.get(i + 1).ok_or("pyt dis: expected a script path")?;
                return Ok((Command::Dis { path: path.clone() }, opts));
            }
            "-" => {
                return Ok((
                    Command::Stdin {
                        args: argv[i..].to_vec(),
                    },
                    opts,
                ))
            }
            _ if a.starts_with('-') && a.len() > 1 => {
                return Err(format!("unknown option {a}"));
            }
            _ => {
                return Ok((
                    Command::Run {
                        path: a.to_string(),
                        args: argv[i + 1..].to_vec(),
                    },
                    opts,
                ))
            }
        }
        i += 1;
    }
    // No program named: a terminal gets the REPL, a pipe or file is read as the program
    // (`pyt < script.py`, like python3).
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        return Ok((Command::Repl, opts));
    }
    Ok((
        Command::Stdin {
            args: vec![String::new()],
        },
        opts,
    ))
}

/// Entry point of the `pyt` binary; returns the process exit code.
pub fn main() -> i32 {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, opts) = match parse_args(&argv) {
        Ok(c) => c,
        Err(msg) => {
            eprintln!("pyt: {msg}\n{USAGE}");
            return 2;
        }
    };
    crate::vm::signals::install();
    // Python code runs on a thread with a large stack: deep recursion through builtins.
    let handle = std::thread::Builder::new()
        .name("MainThread".into())
        .stack_size(crate::vm::THREAD_STACK_SIZE)
        .spawn(move || run_command(cmd, opts));
    match handle {
        Ok(h) => {
            let status = h.join().unwrap_or(70);
            if UNHANDLED_INTERRUPT.load(std::sync::atomic::Ordering::SeqCst) {
                // CPython ends by SIGINT after an uncaught KeyboardInterrupt, so a parent (or
                // the shell) sees the signal; 130 only if that did not kill the process.
                crate::vm::signals::die_by(libc::SIGINT as usize);
            }
            status
        }
        Err(e) => {
            eprintln!("pyt: cannot start the main thread: {e}");
            70
        }
    }
}

fn run_command(cmd: Command, opts: Options) -> i32 {
    let unbuffered = opts.unbuffered;
    crate::modules::deadlock::set_hang(opts.hang);
    *DUMP_AFTER.lock() = opts.dump_after;
    let mode = |is_file: bool| FileMode {
        allow_py2: !opts.strict,
        is_file,
    };
    match cmd {
        Command::Version => {
            println!(
                "pyt {} (Python {}.{}.{} subset; real OS threads, no GIL)",
                env!("CARGO_PKG_VERSION"),
                crate::modules::sys::PYTHON_VERSION.0,
                crate::modules::sys::PYTHON_VERSION.1,
                crate::modules::sys::PYTHON_VERSION.2
            );
            0
        }
        Command::Help => {
            println!("{USAGE}");
            0
        }
        Command::Repl => crate::repl::run(unbuffered),
        Command::MpChild { sentinel } => run_mp_child(&sentinel, unbuffered),
        Command::Dis { path } => {
            let Some(text) = read_script(&path) else {
                return 2;
            };
            let src = SourceFile::new(path.clone(), text);
            match crate::compile_file(&src, !opts.strict) {
                Ok((code, py2_line)) => {
                    if let Some(line) = py2_line {
                        eprint!("{}", crate::py2_note(&path, line));
                    }
                    print!("{}", crate::compiler::dis::disassemble(&code));
                    0
                }
                Err(d) => {
                    eprint!(
                        "{}",
                        crate::diagnostics::render::render(&d, &src, use_color())
                    );
                    1
                }
            }
        }
        Command::Run { path, args } => {
            let Some(text) = read_script(&path) else {
                return 2;
            };
            let mut argv = vec![path.clone()];
            argv.extend(args);
            let dir = std::path::Path::new(&path)
                .parent()
                .map(|p| {
                    if p.as_os_str().is_empty() {
                        std::path::PathBuf::from(".")
                    } else {
                        p.to_path_buf()
                    }
                })
                .and_then(|p| std::fs::canonicalize(p).ok());
            run_program(path, text, argv, dir, unbuffered, mode(true))
        }
        Command::Code { code, args } => run_program(
            "<string>".into(),
            code,
            args,
            std::env::current_dir().ok(),
            unbuffered,
            mode(false),
        ),
        Command::Stdin { args } => {
            let mut text = String::new();
            if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text) {
                eprintln!("pyt: cannot read stdin: {e}");
                return 2;
            }
            let mut argv = args;
            if argv.is_empty() {
                argv.push(String::new());
            }
            run_program(
                "<stdin>".into(),
                text,
                argv,
                std::env::current_dir().ok(),
                unbuffered,
                mode(true),
            )
        }
    }
}

fn use_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none()
        && std::io::stderr().is_terminal()
        && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

/// Reads a script, printing CPython's message when it cannot.
fn read_script(path: &str) -> Option<String> {
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => Some(s),
            Err(e) => {
                let pos = e.utf8_error().valid_up_to();
                let byte = e.as_bytes().get(pos).copied().unwrap_or(0);
                let line = e.as_bytes()[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
                eprintln!("  File \"{path}\", line {line}");
                eprintln!(
                    "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: invalid start byte"
                );
                None
            }
        },
        Err(e) => {
            let abs = std::path::absolute(path)
                .map(|p| p.to_string_lossy().to_string())
                .unwrap_or_else(|_| path.to_string());
            let errno = e.raw_os_error().unwrap_or(2);
            let msg = match e.kind() {
                std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
                _ => {
                    let s = e.to_string();
                    s.split(" (os error").next().unwrap_or(&s).to_string()
                }
            };
            eprintln!("pyt: can't open file '{abs}': [Errno {errno}] {msg}");
            None
        }
    }
}

/// How a program's text may be read.
#[derive(Clone, Copy)]
struct FileMode {
    /// Python 2 files run in compatibility mode (not under `--strict`).
    allow_py2: bool,
    /// A program file (a script or stdin), not `-c`: only files get Python 2 mode, as
    /// Python 2 code comes in files; `-c` and the REPL are Python 3 only.
    is_file: bool,
}

/// Compiles and runs a program as `__main__`; returns the exit code.
fn run_program(
    name: String,
    text: String,
    argv: Vec<String>,
    dir: Option<std::path::PathBuf>,
    unbuffered: bool,
    mode: FileMode,
) -> i32 {
    let interp = Interpreter::new(argv);
    if unbuffered {
        interp.out.set_unbuffered();
    }
    interp
        .allow_py2
        .store(mode.allow_py2, std::sync::atomic::Ordering::Relaxed);
    let path_entry = dir
        .map(|d| d.to_string_lossy().to_string())
        .unwrap_or_default();
    interp
        .sys
        .set("path", Value::list(vec![Value::str(path_entry)]));
    let src = SourceFile::new(name.clone(), text);
    let compiled = if mode.is_file {
        crate::compile_file(&src, mode.allow_py2)
    } else {
        crate::compile_source(&src, Mode::Exec).map(|c| (c, None))
    };
    let code = match compiled {
        Ok((c, py2_line)) => {
            if let Some(line) = py2_line {
                interp.out.write_fd(2, &crate::py2_note(&name, line));
            }
            c
        }
        Err(d) => {
            interp.out.flush_all();
            eprint!(
                "{}",
                crate::diagnostics::render::render(&d, &src, use_color())
            );
            return 1;
        }
    };
    let main = Arc::new(Module::new("__main__"));
    if name != "<string>" && name != "<stdin>" {
        main.set("__file__", Value::str(name));
    }
    main.set("__builtins__", Value::Module(interp.builtins.clone()));
    interp
        .modules
        .set_str("__main__", Value::Module(main.clone()));
    let mut vm = Vm::new(interp.clone());
    vm.is_main = true;
    // As CPython does, `-W`/PYTHONWARNINGS import warnings at start-up (reporting bad options).
    if matches!(interp.sys.get("warnoptions"), Some(Value::List(l)) if !l.is_empty()) {
        if let Err(e) = crate::vm::import::import_one(&mut vm, "warnings", &Value::None) {
            let status = exit_status(&mut vm, e);
            interp.out.flush_all();
            return status;
        }
    }
    crate::modules::deadlock::register_main(&vm);
    crate::modules::deadlock::install_dumps(DUMP_AFTER.lock().take());
    let code = Arc::new(crate::objects::Code::new(code));
    let frame = crate::vm::frame::Frame::new(code, main.dict.clone(), Some(main.dict.clone()));
    let result = crate::vm::eval::run_frame(&mut vm, Box::new(frame));
    let status = match result {
        Ok(_) => 0,
        Err(e) => exit_status(&mut vm, e),
    };
    let status = crate::vm::shutdown(&mut vm, status);
    interp.out.flush_all();
    status
}

/// Runs a multiprocessing child: `multiprocessing._spawn_main` reads the bootstrap blob,
/// imports the parent's main script as `__mp_main__`, runs the process object and ends with
/// SystemExit carrying the exit code.
fn run_mp_child(sentinel: &str, unbuffered: bool) -> i32 {
    if let Err(msg) = crate::modules::mp::child_prepare(sentinel) {
        eprintln!("pyt: {msg}");
        return 1;
    }
    let interp = Interpreter::new(vec![String::new()]);
    if unbuffered {
        interp.out.set_unbuffered();
    }
    let mut vm = Vm::new(interp.clone());
    vm.is_main = true;
    crate::modules::deadlock::register_main(&vm);
    let globals = Arc::new(crate::objects::DictObj::new());
    globals.set_str("__name__", Value::str("__pyt_mp_bootstrap__"));
    globals.set_str("__builtins__", Value::Module(interp.builtins.clone()));
    let result = crate::vm::import::exec_source(
        &mut vm,
        "<pyt multiprocessing bootstrap>",
        "import multiprocessing\nmultiprocessing._spawn_main()\n".to_string(),
        &globals,
        Mode::Exec,
    );
    let status = match result {
        Ok(_) => 0,
        Err(e) => exit_status(&mut vm, e),
    };
    let status = crate::vm::shutdown(&mut vm, status);
    interp.out.flush_all();
    status
}

/// The exit status for an exception that ended the program (printing it unless SystemExit).
pub fn exit_status(vm: &mut Vm, e: PyErr) -> i32 {
    if e.is(ExcKind::SystemExit) {
        let code = vm.getattr(&e.0, "code").unwrap_or(Value::None);
        return match code {
            Value::None => 0,
            Value::Int(i) => i as i32,
            Value::Bool(b) => b as i32,
            other => {
                let s = vm.str(&other).unwrap_or_default();
                vm.interp.out.flush_fd(1);
                let _ = vm.interp.out.clone().write_stderr(vm, &format!("{s}\n"));
                vm.interp.out.flush_fd(2);
                1
            }
        };
    }
    crate::vm::traceback::print_exception(vm, &e.0);
    if e.is(ExcKind::KeyboardInterrupt) {
        UNHANDLED_INTERRUPT.store(true, std::sync::atomic::Ordering::SeqCst);
        return 130;
    }
    1
}
