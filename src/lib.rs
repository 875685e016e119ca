//! pyt: an interpreter for the Python subset that threaded programs are written in.
//!
//! Pipeline (see ARCHITECTURE.md): `lexer::tokenize` → `parser::parse` → `compiler::compile`
//! → `vm` runs the code object, one OS thread per script thread, no global interpreter lock.
//! The front end (`source`, `lexer`, `parser`, `diagnostics`) never imports the runtime.

pub mod builtins;
pub mod cli;
pub mod compiler;
pub mod diagnostics;
pub mod lexer;
pub mod modules;
pub mod objects;
pub mod parser;
pub mod repl;
pub mod source;
pub mod vm;

use std::sync::Arc;

/// The whole front end: source text to a code object, or the first compile error.
pub fn compile_source(
    src: &Arc<source::SourceFile>,
    mode: compiler::Mode,
) -> Result<Arc<compiler::bytecode::CodeObject>, diagnostics::Diagnostic> {
    let module = parser::parse(src)?;
    compiler::compile(&module, src, mode)
}

/// The front end for a program file (a script or an imported module): as [`compile_source`],
/// except that a file using Python 2's print statement compiles in Python 2 compatibility
/// mode unless `allow_py2` is false (`pyt --strict`). Returns the code and, in that mode, the
/// line of the first Python 2 print statement (for [`py2_note`]).
pub fn compile_file(
    src: &Arc<source::SourceFile>,
    allow_py2: bool,
) -> Result<(Arc<compiler::bytecode::CodeObject>, Option<u32>), diagnostics::Diagnostic> {
    let parsed = parser::parse_file(src, allow_py2)?;
    let code = compiler::compile(&parsed.module, src, compiler::Mode::Exec)?;
    Ok((code, parsed.py2_line))
}

/// The one line pyt prints on stderr when it runs a file in Python 2 compatibility mode.
pub fn py2_note(path: &str, line: u32) -> String {
    format!(
        "pyt: note: {path}:{line}: Python 2 print statement; running in Python 2 compatibility mode\n"
    )
}
