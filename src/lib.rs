//! pyt: an interpreter for the Python subset that threaded programs are written in.
//!
//! Pipeline (see ARCHITECTURE.md): `lexer::tokenize` → `parser::parse` → `compiler::compile`
//! → `vm` runs the code object, one OS thread per script thread, no global interpreter lock.
//! The front end (`source`, `lexer`, `parser`, `diagnostics`) never imports the runtime.

pub mod compiler;
pub mod diagnostics;
pub mod lexer;
pub mod parser;
pub mod source;
