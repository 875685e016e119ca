//! The lexer: source text → tokens with NEWLINE/INDENT/DEDENT (first stage of the pipeline).
//!
//! `token.rs` defines the tokens the parser sees; raw tokens come from logos, then the layout
//! pass tracks bracket depth and indentation; `literal.rs` decodes strings, numbers, f-strings.

pub mod token;

use crate::diagnostics::Diagnostic;
use crate::source::{SourceFile, Span};
use token::Token;

/// Tokenize a whole file. The stream always ends with NEWLINE (if the last line had tokens),
/// the DEDENTs that close open blocks, and ENDMARKER.
pub fn tokenize(src: &SourceFile) -> Result<Vec<(Token, Span)>, Diagnostic> {
    let _ = src;
    Err(Diagnostic::syntax(
        "lexer not implemented yet",
        Span::default(),
    ))
}
