//! Rendering compile-time diagnostics: an ariadne report for people, and CPython 3.11's
//! plain `File "x.py", line N` format for tools and tests that diff against CPython.
//!
//! Sits at the edge of the pipeline: the lexer, parser and compiler return a
//! [`Diagnostic`]; the CLI and REPL call one of these to print it.

use super::{Diagnostic, ErrorKind};
use crate::source::{SourceFile, Span};
use ariadne::{Color, Config, IndexType, Label, Report, ReportKind, Source};

/// An ariadne report: `SyntaxError: expected ':'`, the `╭─[ x.py:3:9 ]` header, the source
/// line with the span underlined and labelled, and the hint as a note. No ANSI colour
/// unless `color` is set.
pub fn render(diag: &Diagnostic, src: &SourceFile, color: bool) -> String {
    let span = visible_span(diag.span, src);
    let name = src.name.clone();
    let label_text = diag.label.clone().unwrap_or_else(|| diag.message.clone());
    let mut label = Label::new((name.clone(), span.range())).with_message(label_text);
    if color {
        label = label.with_color(Color::Red);
    }
    let config = Config::default()
        .with_color(color)
        .with_index_type(IndexType::Byte);
    let mut report = Report::build(
        ReportKind::Custom(diag.kind.name(), Color::Red),
        (name.clone(), span.range()),
    )
    .with_config(config)
    .with_message(&diag.message)
    .with_label(label);
    if let Some(h) = &diag.hint {
        report = report.with_note(h);
    }
    let mut out = Vec::new();
    let cache = (name, Source::from(src.text.as_str()));
    if report.finish().write(cache, &mut out).is_err() {
        // Writing to a Vec cannot fail; fall back to the plain form all the same.
        return render_cpython_style(diag, src);
    }
    let text = String::from_utf8_lossy(&out).into_owned();
    if color {
        text
    } else {
        // ariadne always colours a custom report kind's name; drop the escapes.
        strip_ansi(&text)
    }
}

/// Remove ANSI SGR sequences (`ESC [ … m`).
fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A span ariadne can draw: inside the text and at least one character wide where the
/// text allows (an empty span marks a position, e.g. the end of a line).
fn visible_span(span: Span, src: &SourceFile) -> Span {
    let len = src.text.len();
    let mut start = (span.start as usize).min(len);
    while start > 0 && !src.text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (span.end as usize).clamp(start, len);
    if end == start {
        if let Some(c) = src.text[start..].chars().next() {
            end = start + c.len_utf8();
        }
    }
    while end < len && !src.text.is_char_boundary(end) {
        end += 1;
    }
    Span::new(start, end)
}

/// Byte column (0-based) of an offset within its line.
fn byte_col(src: &SourceFile, offset: u32) -> usize {
    let offset = (offset as usize).min(src.text.len());
    let before = src.text.as_bytes().get(..offset).unwrap_or(&[]);
    offset
        - before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
}

/// CPython 3.11's format, exactly:
/// ```text
///   File "x.py", line 1
///     def f()
///            ^
/// SyntaxError: expected ':'
/// ```
/// The line is shown without its indentation; carets run from the start of the span to its
/// end (or to the end of the line for a multi-line span). Indentation errors get a single
/// caret, or none when the span is empty, as CPython prints them.
pub fn render_cpython_style(diag: &Diagnostic, src: &SourceFile) -> String {
    let line = src.line_of(diag.span.start);
    let mut out = format!("  File \"{}\", line {}\n", src.name, line);
    let text = src.line_text(line);
    let shown = text.trim_start_matches([' ', '\t', '\x0c']);
    if !shown.is_empty() {
        out.push_str("    ");
        out.push_str(shown.trim_end());
        out.push('\n');
        // CPython 3.11 places carets by UTF-8 byte offset, so a non-ASCII character
        // before the span shifts them right; reproduce that.
        let line_start = diag.span.start as usize - byte_col(src, diag.span.start);
        let removed = text.len() - shown.len();
        let col = byte_col(src, diag.span.start) + 1;
        let start = (col - 1).saturating_sub(removed);
        let width = match diag.kind {
            ErrorKind::IndentationError | ErrorKind::TabError => {
                usize::from(diag.span.end > diag.span.start)
            }
            ErrorKind::SyntaxError => {
                let same_line = src.line_of(diag.span.end) == line;
                let end = if same_line {
                    (diag.span.end as usize).saturating_sub(line_start) + 1
                } else {
                    text.len() + 1
                };
                end.saturating_sub(col).max(1)
            }
        };
        if width > 0 {
            out.push_str("    ");
            out.push_str(&" ".repeat(start));
            out.push_str(&"^".repeat(width));
            out.push('\n');
        }
    }
    out.push_str(diag.kind.name());
    out.push_str(": ");
    out.push_str(&diag.message);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_err(text: &str) -> (Diagnostic, std::sync::Arc<SourceFile>) {
        let src = SourceFile::new("x.py", text);
        let d = crate::parser::parse(&src).unwrap_err();
        (d, src)
    }

    #[test]
    fn cpython_style_expected_colon() {
        let (d, src) = parse_err("def f()\n  pass\n");
        assert_eq!(
            render_cpython_style(&d, &src),
            "  File \"x.py\", line 1\n    def f()\n           ^\nSyntaxError: expected ':'\n"
        );
    }

    #[test]
    fn cpython_style_range_and_indentation_stripped() {
        let (d, src) = parse_err("if x:\n    f(a b)\n");
        assert_eq!(
            render_cpython_style(&d, &src),
            "  File \"x.py\", line 2\n    f(a b)\n      ^^^\n\
             SyntaxError: invalid syntax. Perhaps you forgot a comma?\n"
        );
    }

    #[test]
    fn cpython_style_multiline_span_runs_to_line_end() {
        let (d, src) = parse_err("def f(x):\n    return (x +\n        y z)\n");
        assert_eq!(
            render_cpython_style(&d, &src),
            "  File \"x.py\", line 2\n    return (x +\n            ^^^\n\
             SyntaxError: invalid syntax. Perhaps you forgot a comma?\n"
        );
    }

    #[test]
    fn cpython_style_indentation_errors() {
        let (d, src) = parse_err("x = 1\n  y = 2\n");
        assert_eq!(
            render_cpython_style(&d, &src),
            "  File \"x.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n"
        );
        let (d, src) = parse_err("if x:\n");
        assert_eq!(
            render_cpython_style(&d, &src),
            "  File \"x.py\", line 1\n    if x:\n\
             IndentationError: expected an indented block after 'if' statement on line 1\n"
        );
        let (d, src) = parse_err("def f():\nreturn\n");
        assert_eq!(
            render_cpython_style(&d, &src),
            "  File \"x.py\", line 2\n    return\n    ^\n\
             IndentationError: expected an indented block after function definition on line 1\n"
        );
    }

    #[test]
    fn cpython_style_counts_characters() {
        let (d, src) = parse_err("x = \"é\" 1\n");
        assert_eq!(
            render_cpython_style(&d, &src),
            "  File \"x.py\", line 1\n    x = \"é\" 1\n             ^\nSyntaxError: invalid syntax\n"
        );
    }

    #[test]
    fn ariadne_report_without_colour() {
        let (d, src) = parse_err("x = 1\nif x\n    pass\n");
        let d = d.with_hint("a block header ends with ':'");
        let out = render(&d, &src, false);
        let mut lines = out.lines();
        assert_eq!(lines.next(), Some("SyntaxError: expected ':'"));
        assert!(out.contains("╭─[ x.py:2:5 ]"), "{out}");
        assert!(out.contains("if x"), "{out}");
        assert!(out.contains("expected ':'"), "{out}");
        assert!(out.contains("Note: a block header ends with ':'"), "{out}");
        assert!(!out.contains('\u{1b}'), "{out}");
    }

    #[test]
    fn ariadne_report_at_end_of_file() {
        let src = SourceFile::new("x.py", "@dec\n");
        let d = crate::parser::parse(&src).unwrap_err();
        let out = render(&d, &src, true);
        assert!(out.contains("SyntaxError"), "{out}");
    }
}
