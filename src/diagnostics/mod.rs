//! Diagnostics: compile-time errors as data, rendered once at the edge.
//!
//! The front end (lexer, parser, compiler) returns a [`Diagnostic`]; `render` turns it into an
//! ariadne report for humans. Runtime tracebacks live in `traceback.rs`.

pub mod render;

use crate::source::{SourceFile, Span};

/// Which Python exception class a compile-time error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
        }
    }
}

/// A compile-time error: what went wrong, where, and an optional short hint.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub kind: ErrorKind,
    /// CPython's wording where it has one, e.g. `expected ':'`.
    pub message: String,
    pub span: Span,
    /// A short label drawn under the span; defaults to the message.
    pub label: Option<String>,
    /// A note printed after the report.
    pub hint: Option<String>,
    /// True when more input could complete the program (used by the REPL).
    pub incomplete: bool,
}

impl Diagnostic {
    pub fn new(kind: ErrorKind, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            kind,
            message: message.into(),
            span,
            label: None,
            hint: None,
            incomplete: false,
        }
    }
    pub fn syntax(message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic::new(ErrorKind::SyntaxError, message, span)
    }
    pub fn with_label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }
    pub fn incomplete(mut self) -> Diagnostic {
        self.incomplete = true;
        self
    }

    /// The one-line form CPython uses for `str(SyntaxError)`: `message (file, line N)`.
    pub fn summary(&self, src: &SourceFile) -> String {
        let (line, _) = src.line_col(self.span.start);
        format!("{} ({}, line {})", self.message, src.name, line)
    }
}
