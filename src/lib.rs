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
