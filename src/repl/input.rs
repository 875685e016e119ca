//! When is a statement typed at the prompt complete? The lexer and the parser decide, through
//! the `incomplete` flag of their diagnostics, never a guess on the text:
//! - the lexer flags an open bracket, an unterminated triple-quoted string, a trailing
//!   backslash: more lines always continue these, blank or not;
//! - the parser flags a block header with no body yet (`def f():`, `try:` without `except`):
//!   more lines continue it, but a blank line ends the block, so the error is then reported;
//! - a complete compound statement (`def`, `if`, `for` …) still waits for the blank line that
//!   ends it when typed line by line, as in CPython's REPL.

use crate::diagnostics::Diagnostic;
use crate::parser::ast::{Module, StmtKind};
use crate::source::SourceFile;

pub enum Status {
    /// Ready to compile and run.
    Complete(Module),
    /// Ask for another line.
    Incomplete,
    /// Report this and start over.
    Error(Diagnostic),
}

/// Name of the source of every input, as in CPython's REPL tracebacks.
pub const SOURCE_NAME: &str = "<stdin>";

/// Classifies `text` (the lines entered so far, joined by `\n`). `line_by_line` is true when
/// the lines were typed one at a time at `sys.ps2` prompts, so a compound statement waits
/// for a blank line; a whole block recalled from history runs once complete.
pub fn classify(text: &str, line_by_line: bool) -> Status {
    let src = SourceFile::new(SOURCE_NAME.to_string(), format!("{text}\n"));
    let ends_blank = text.contains('\n') && text.rsplit('\n').next().is_some_and(is_blank);
    let tokens = match crate::lexer::tokenize(&src) {
        Ok(t) => t,
        Err(d) if d.incomplete => {
            return match error_before_unclosed_brackets(text) {
                Some(e) => Status::Error(e),
                None => Status::Incomplete,
            }
        }
        Err(d) => return Status::Error(d),
    };
    match crate::parser::parse_tokens(&src, &tokens) {
        Ok(m) => {
            let compound = m.body.first().is_some_and(|s| is_compound(&s.kind));
            if line_by_line && compound && !ends_blank {
                Status::Incomplete
            } else {
                Status::Complete(m)
            }
        }
        Err(d) if d.incomplete && !ends_blank => Status::Incomplete,
        Err(d) => Status::Error(d),
    }
}

/// For input the lexer finds incomplete only because brackets are still open: closes them
/// (innermost first, as the lexer names them) and lets the parser decide. A syntax error
/// inside the text already typed (`def (:`, `[1 2`) can never be fixed by more input, so it is
/// reported now, as CPython's REPL does; an error at the added closers means "keep reading".
fn error_before_unclosed_brackets(text: &str) -> Option<Diagnostic> {
    let mut candidate = format!("{text}\n");
    for _ in 0..=crate::lexer::MAX_PAREN_LEVEL {
        let src = SourceFile::new(SOURCE_NAME.to_string(), candidate.clone());
        match crate::lexer::tokenize(&src) {
            Ok(tokens) => {
                let d = crate::parser::parse_tokens(&src, &tokens).err()?;
                let inside_typed_text = (d.span.start as usize) < text.trim_end().len();
                return (inside_typed_text && !d.incomplete).then_some(d);
            }
            Err(d) if d.incomplete => {
                let closer = match d.message.as_str() {
                    "'(' was never closed" => ')',
                    "'[' was never closed" => ']',
                    "'{' was never closed" => '}',
                    _ => return None,
                };
                candidate.push(closer);
            }
            Err(_) => return None,
        }
    }
    None
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn is_compound(k: &StmtKind) -> bool {
    matches!(
        k,
        StmtKind::If { .. }
            | StmtKind::While { .. }
            | StmtKind::For { .. }
            | StmtKind::Try { .. }
            | StmtKind::FunctionDef(_)
            | StmtKind::ClassDef(_)
            | StmtKind::With { .. }
    )
}

/// Indentation for the next continuation line: the last line's, one level deeper after `:`.
pub fn next_indent(text: &str) -> String {
    let last = text.rsplit('\n').find(|l| !is_blank(l)).unwrap_or_default();
    let indent = last.len() - last.trim_start_matches([' ', '\t']).len();
    let mut out = last[..indent].to_string();
    let code = last.split('#').next().unwrap_or(last).trim_end();
    if code.ends_with(':') {
        out.push_str(&" ".repeat(super::helper::INDENT));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(text: &str) -> &'static str {
        match classify(text, true) {
            Status::Complete(_) => "complete",
            Status::Incomplete => "incomplete",
            Status::Error(_) => "error",
        }
    }

    #[test]
    fn simple_statement_is_complete() {
        assert_eq!(status("x = 1"), "complete");
        assert_eq!(status("print(x)"), "complete");
    }

    #[test]
    fn block_header_continues() {
        assert_eq!(status("def f():"), "incomplete");
        assert_eq!(status("def f():\n    return 1"), "incomplete");
        assert_eq!(status("if True: pass"), "incomplete");
    }

    #[test]
    fn blank_line_ends_block() {
        assert_eq!(status("def f():\n    return 1\n"), "complete");
        assert_eq!(status("def f():\n    return 1\n    "), "complete");
    }

    #[test]
    fn blank_line_after_empty_header_is_error() {
        assert_eq!(status("def f():\n"), "error");
        assert_eq!(status("try:\n    pass\n"), "error");
    }

    #[test]
    fn open_bracket_continues_through_blank_lines() {
        assert_eq!(status("x = [1,"), "incomplete");
        assert_eq!(status("foo(x,"), "incomplete");
        assert_eq!(status("x = (1 +"), "incomplete");
        // Errors in the text typed so far are reported at once, not waited on.
        assert_eq!(status("def (:"), "error");
        assert_eq!(status("[1 2"), "error");
        assert_eq!(status("x = [1,\n"), "incomplete");
        assert_eq!(status("x = [1,\n2]"), "complete");
    }

    #[test]
    fn triple_quoted_string_and_backslash_continue() {
        assert_eq!(status("s = '''abc"), "incomplete");
        assert_eq!(status("x = 1 + \\"), "incomplete");
    }

    #[test]
    fn syntax_error_is_error() {
        assert_eq!(status("x = = 1"), "error");
    }

    #[test]
    fn recalled_block_runs_without_blank_line() {
        assert!(matches!(
            classify("def f():\n    return 1", false),
            Status::Complete(_)
        ));
    }

    #[test]
    fn next_indent_after_colon_and_within_block() {
        assert_eq!(next_indent("def f():"), "    ");
        assert_eq!(next_indent("def f():\n    x = 1"), "    ");
        assert_eq!(next_indent("def f():\n    if x:  # c"), "        ");
        assert_eq!(next_indent("x = [1,"), "");
    }
}
