//! The REPL's editor helper: what rustyline asks of the interpreter while a line is edited.
//! Completion of names and attributes (looked up in the live `__main__`), syntax highlighting
//! and bracket matching, the Validator that keeps a recalled multi-line block open while the
//! parser calls it incomplete, and the indentation-aware Tab/Backspace keys.

use super::input::{classify, Status};
use crate::objects::{Module, Value};
use crate::vm::Vm;
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter, MatchingBracketHighlighter};
use rustyline::hint::Hinter;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{
    Cmd, ConditionalEventHandler, Context, Event, EventContext, Movement, RepeatCount,
};
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// Spaces per indentation level: PEP 8's four, which auto-indent inserts and Backspace removes.
pub const INDENT: usize = 4;

/// Longest dotted path (`a.b.c…`) completion will walk: attribute lookups can run Python code
/// (properties), so the walk stays short.
const MAX_DOTTED_PARTS: usize = 8;

/// Python 3.11's keywords (`keyword.kwlist`), offered by completion and highlighted.
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub struct ReplHelper {
    pub vm: Rc<RefCell<Vm>>,
    pub main: Arc<Module>,
    /// Lines already accepted for the statement being entered (shared with the session loop).
    pub pending: Rc<RefCell<String>>,
    pub color: bool,
    brackets: MatchingBracketHighlighter,
}

impl ReplHelper {
    pub fn new(
        vm: Rc<RefCell<Vm>>,
        main: Arc<Module>,
        pending: Rc<RefCell<String>>,
        color: bool,
    ) -> Self {
        ReplHelper {
            vm,
            main,
            pending,
            color,
            brackets: MatchingBracketHighlighter::new(),
        }
    }

    /// Names visible at the prompt: `__main__`'s globals, builtins, keywords.
    fn scope_names(&self) -> Vec<String> {
        let mut names: Vec<String> = KEYWORDS.iter().map(|k| k.to_string()).collect();
        let builtins = self
            .vm
            .try_borrow()
            .ok()
            .map(|vm| vm.interp.builtins.clone());
        let dicts = [
            Some(self.main.dict.clone()),
            builtins.map(|b| b.dict.clone()),
        ];
        for d in dicts.into_iter().flatten() {
            for k in d.keys() {
                if let Value::Str(s) = k {
                    names.push(s.as_str().to_string());
                }
            }
        }
        names
    }

    /// Attributes of the object named by a dotted path, or None when any part is unknown.
    fn attr_names(&self, path: &str) -> Option<Vec<String>> {
        let mut vm = self.vm.try_borrow_mut().ok()?;
        let mut parts = path.split('.');
        let first = parts.next()?;
        let mut obj = self
            .main
            .get(first)
            .or_else(|| vm.interp.builtins.get(first))?;
        for part in parts.take(MAX_DOTTED_PARTS) {
            obj = vm.getattr_opt(&obj, part).ok()??;
        }
        crate::builtins::dir_of(&mut vm, &obj).ok()
    }
}

/// Completion candidates for the word ending at `pos`: (start of the replaced part, names).
pub fn complete_at(
    line: &str,
    pos: usize,
    scope: impl FnOnce() -> Vec<String>,
    attrs: impl FnOnce(&str) -> Option<Vec<String>>,
) -> (usize, Vec<String>) {
    let before = line.get(..pos).unwrap_or(line);
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '.')
        .last()
        .map_or(pos, |(i, _)| i);
    let word = &before[start..];
    let (repl_start, prefix, names) = match word.rfind('.') {
        Some(dot) => {
            let path = &word[..dot];
            if path.is_empty() || path.split('.').any(|p| p.is_empty()) {
                return (pos, Vec::new());
            }
            let names = attrs(path).unwrap_or_default();
            (start + dot + 1, &word[dot + 1..], names)
        }
        None => (start, word, scope()),
    };
    // Private names only when asked for: `_` typed, as CPython's rlcompleter does.
    let names: Vec<String> = names
        .into_iter()
        .filter(|n| prefix.starts_with('_') || !n.starts_with('_'))
        .collect();
    let mut out: Vec<String> = names
        .iter()
        .filter(|n| n.starts_with(prefix))
        .cloned()
        .collect();
    if out.is_empty() {
        // No exact-case match: `threading.Cur` still finds `current_thread`.
        let lower = prefix.to_lowercase();
        out = names
            .into_iter()
            .filter(|n| n.to_lowercase().starts_with(&lower))
            .collect();
    }
    out.sort();
    out.dedup();
    (repl_start, out)
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, names) = complete_at(
            line,
            pos,
            || self.scope_names(),
            |path| self.attr_names(path),
        );
        let pairs = names
            .into_iter()
            .map(|n| Pair {
                display: n.clone(),
                replacement: n,
            })
            .collect();
        Ok((start, pairs))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        if !self.color {
            return Cow::Borrowed(line);
        }
        // Bracket matching first (it inserts escapes at one byte offset), then syntax colours on
        // a line without escapes: so colour the plain line and mark the matching bracket.
        let matched = match self.brackets.highlight(line, pos) {
            Cow::Owned(s) => bracket_index(line, &s),
            Cow::Borrowed(_) => None,
        };
        Cow::Owned(super::highlight::colorize(line, matched))
    }

    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        _default: bool,
    ) -> Cow<'b, str> {
        Cow::Borrowed(prompt)
    }

    fn highlight_char(&self, line: &str, pos: usize, kind: CmdKind) -> bool {
        // Re-highlight on every edit: colours depend on the whole line (an opened string).
        self.brackets.highlight_char(line, pos, kind);
        self.color
    }
}

/// The byte index in `line` of the bracket that rustyline's matcher highlighted in `marked`.
fn bracket_index(line: &str, marked: &str) -> Option<usize> {
    let esc = marked.find("\x1b[")?;
    (esc < line.len()).then_some(esc)
}

impl Validator for ReplHelper {
    /// A line typed at the prompt is always accepted: the session asks for the next line with
    /// `sys.ps2`, as CPython does. A multi-line block (recalled from history) stays in the
    /// editor while the lexer/parser say more input could complete it.
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        let input = ctx.input();
        if !input.contains('\n') {
            return Ok(ValidationResult::Valid(None));
        }
        let mut text = self.pending.borrow().clone();
        text.push_str(input);
        Ok(match classify(&text, false) {
            Status::Incomplete => ValidationResult::Incomplete,
            _ => ValidationResult::Valid(None),
        })
    }
}

impl rustyline::Helper for ReplHelper {}

/// The text of the current line before the cursor.
fn line_before_cursor(line: &str, pos: usize) -> &str {
    let before = line.get(..pos).unwrap_or(line);
    match before.rfind('\n') {
        Some(i) => &before[i + 1..],
        None => before,
    }
}

/// Tab in leading whitespace indents (to the next level) instead of completing.
pub struct TabIndent;

impl ConditionalEventHandler for TabIndent {
    fn handle(
        &self,
        _evt: &Event,
        _n: RepeatCount,
        _positive: bool,
        ctx: &EventContext,
    ) -> Option<Cmd> {
        let before = line_before_cursor(ctx.line(), ctx.pos());
        if before.chars().all(|c| c == ' ') {
            let width = INDENT - before.len() % INDENT;
            Some(Cmd::Insert(1, " ".repeat(width)))
        } else {
            None
        }
    }
}

/// Backspace in leading spaces removes one indentation level.
pub struct BackspaceDedent;

impl ConditionalEventHandler for BackspaceDedent {
    fn handle(
        &self,
        _evt: &Event,
        _n: RepeatCount,
        _positive: bool,
        ctx: &EventContext,
    ) -> Option<Cmd> {
        // rustyline replays repeatable commands (`Kill`) with the key's count (1), so the
        // level is removed by its own `Dedent` of the line, `indent_size` (INDENT) wide.
        in_indentation(line_before_cursor(ctx.line(), ctx.pos()))
            .then_some(Cmd::Dedent(Movement::WholeLine))
    }
}

/// Ctrl-D on a line of indentation only (auto-indent's) ends the block, as on an empty
/// line; rustyline would otherwise take it as delete-char and do nothing.
pub struct CtrlDEndsBlock;

impl ConditionalEventHandler for CtrlDEndsBlock {
    fn handle(
        &self,
        _evt: &Event,
        _n: RepeatCount,
        _positive: bool,
        ctx: &EventContext,
    ) -> Option<Cmd> {
        let line = ctx.line();
        (!line.is_empty() && line.trim().is_empty()).then_some(Cmd::AcceptLine)
    }
}

/// True when only spaces (at least one) precede the cursor on its line.
pub fn in_indentation(before: &str) -> bool {
    !before.is_empty() && before.chars().all(|c| c == ' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn completes_names_in_scope() {
        let (start, c) = complete_at("x = pri", 7, || names(&["print", "prime", "len"]), |_| None);
        assert_eq!(start, 4);
        assert_eq!(c, names(&["prime", "print"]));
    }

    #[test]
    fn completes_attributes_after_dot() {
        let (start, c) = complete_at("threading.Con", 13, Vec::new, |p| {
            (p == "threading").then(|| names(&["Condition", "Lock", "_private"]))
        });
        assert_eq!(start, 10);
        assert_eq!(c, names(&["Condition"]));
    }

    #[test]
    fn case_insensitive_when_no_exact_match() {
        let (_, c) = complete_at("threading.Cur", 13, Vec::new, |_| {
            Some(names(&["current_thread", "Condition"]))
        });
        assert_eq!(c, names(&["current_thread"]));
    }

    #[test]
    fn unknown_object_completes_nothing() {
        let (_, c) = complete_at("nothing.x", 9, Vec::new, |_| None);
        assert!(c.is_empty());
    }

    #[test]
    fn empty_path_part_completes_nothing() {
        let (_, c) = complete_at("a..b", 4, Vec::new, |_| Some(names(&["b"])));
        assert!(c.is_empty());
    }

    #[test]
    fn private_names_only_with_underscore() {
        let (_, c) = complete_at("_", 1, || names(&["_x", "y"]), |_| None);
        assert_eq!(c, names(&["_x"]));
    }

    #[test]
    fn backspace_in_indentation_dedents() {
        assert!(in_indentation("        "));
        assert!(in_indentation(" "));
    }

    #[test]
    fn backspace_after_text_is_plain() {
        assert!(!in_indentation("    x"));
        assert!(!in_indentation(""));
    }

    #[test]
    fn line_before_cursor_takes_last_line() {
        assert_eq!(line_before_cursor("if x:\n    ", 10), "    ");
    }
}
