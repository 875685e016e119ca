//! The compiler: AST → code objects (third stage of the pipeline).

pub mod bytecode;

use crate::diagnostics::Diagnostic;
use crate::parser::ast;
use crate::source::{SourceFile, Span};
use bytecode::CodeObject;
use std::sync::Arc;

/// How a module's top-level expression statements behave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A file or `-c`: expression values are discarded.
    Exec,
    /// One REPL input: each top-level expression statement's value is echoed (PrintExpr).
    Interactive,
}

/// Compile a parsed module into its code object.
pub fn compile(
    module: &ast::Module,
    src: &Arc<SourceFile>,
    mode: Mode,
) -> Result<Arc<CodeObject>, Diagnostic> {
    let _ = (module, src, mode);
    Err(Diagnostic::syntax(
        "compiler not implemented yet",
        Span::default(),
    ))
}
