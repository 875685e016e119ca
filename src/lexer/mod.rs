//! The lexer: source text → tokens with NEWLINE/INDENT/DEDENT (first stage of the pipeline).
//!
//! `raw.rs` is the logos scanner (token extents, numbers); `layout.rs` is the pass that tracks
//! indentation, brackets and logical lines and decodes literals; `literal.rs` decodes numbers
//! and string escapes; `fstring.rs` splits f-strings into parts. `token.rs` defines the
//! tokens the parser sees.

mod fstring;
mod layout;
mod literal;
mod raw;
pub mod token;

#[cfg(test)]
mod tests;

use crate::diagnostics::Diagnostic;
use crate::source::{SourceFile, Span};
use token::Token;

pub use layout::{MAX_INDENT, MAX_PAREN_LEVEL};

/// Tokenize a whole file. The stream always ends with NEWLINE (if the last line had tokens),
/// the DEDENTs that close open blocks, and ENDMARKER.
pub fn tokenize(src: &SourceFile) -> Result<Vec<(Token, Span)>, Diagnostic> {
    let text = src.text.as_str();
    // A UTF-8 byte order mark is not part of the program.
    let (text, base) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, '\u{feff}'.len_utf8()),
        None => (text, 0),
    };
    layout::run(text, base, layout::Mode::File)
}

/// Tokenize the expression of an f-string replacement field (`FStringField::expr_source`),
/// as if inside brackets: line ends are ignored and no layout tokens are produced. Spans are
/// shifted by `base_offset` (`FStringField::expr_offset`). Ends with ENDMARKER.
pub fn tokenize_fragment(text: &str, base_offset: u32) -> Result<Vec<(Token, Span)>, Diagnostic> {
    layout::run(text, base_offset as usize, layout::Mode::Fragment)
}
