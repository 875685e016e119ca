//! Placeholder renderer until the ariadne renderer lands (parser branch).
use super::Diagnostic;
use crate::source::SourceFile;

pub fn render(d: &Diagnostic, src: &SourceFile, _color: bool) -> String {
    let (line, col) = src.line_col(d.span.start);
    format!(
        "{}: {}\n  --> {}:{}:{}\n",
        d.kind.name(),
        d.message,
        src.name,
        line,
        col
    )
}
