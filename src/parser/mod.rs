//! The parser (chumsky): tokens → AST (second stage of the pipeline).

pub mod ast;

use crate::diagnostics::Diagnostic;
use crate::source::{SourceFile, Span};

/// Parse a whole file into a module.
pub fn parse(src: &SourceFile) -> Result<ast::Module, Diagnostic> {
    let _ = src;
    Err(Diagnostic::syntax(
        "parser not implemented yet",
        Span::default(),
    ))
}
