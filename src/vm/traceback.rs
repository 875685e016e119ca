//! Python tracebacks in CPython 3.11's format: frames outermost first, the source line, the
//! `^^^^`/`~~^~~` location markers, chained exceptions, and "Did you mean" suggestions.

use super::Vm;
use crate::objects::class::types;
use crate::objects::exception::{exc_state, TbEntry};
use crate::objects::{Class, ExcKind, NativeObject, PyResult, Value};
use crate::parser::ast::{ExprKind, StmtKind};
use crate::source::SourceFile;
use std::any::Any;
use std::sync::Arc;

/// CPython gives up suggesting names among more candidates than this (MAX_CANDIDATE_ITEMS).
const MAX_CANDIDATES: usize = 750;
/// Names longer than this are never compared (MAX_STRING_SIZE).
const MAX_NAME: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
/// Chained exceptions printed at most this deep (protects against absurd chains).
const MAX_CHAIN: usize = 100;

/// The full report for an uncaught exception, chained exceptions first.
pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let mut out = String::new();
    let mut seen: Vec<usize> = Vec::new();
    format_chain(vm, exc, &mut out, &mut seen, 0);
    out
}

fn format_chain(vm: &mut Vm, exc: &Value, out: &mut String, seen: &mut Vec<usize>, depth: usize) {
    seen.push(exc.heap_ptr().unwrap_or(0));
    if depth < MAX_CHAIN {
        if let Some(st) = exc_state(exc) {
            let (cause, context, suppress) = {
                let st = st.lock();
                (st.cause.clone(), st.context.clone(), st.suppress_context)
            };
            if let Some(c) = cause.filter(|c| !seen.contains(&c.heap_ptr().unwrap_or(0))) {
                format_chain(vm, &c, out, seen, depth + 1);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if let Some(c) =
                context.filter(|c| !suppress && !seen.contains(&c.heap_ptr().unwrap_or(0)))
            {
                format_chain(vm, &c, out, seen, depth + 1);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
    }
    format_one(vm, exc, out);
}

fn format_one(vm: &mut Vm, exc: &Value, out: &mut String) {
    let entries: Vec<TbEntry> = exc_state(exc)
        .map(|s| s.lock().traceback.clone())
        .unwrap_or_default();
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        let outermost_first: Vec<&TbEntry> = entries.iter().rev().collect();
        for row in format_entries(&outermost_first) {
            out.push_str(&row);
        }
    }
    out.push_str(&exception_line(vm, exc, entries.first()));
}

/// Identical consecutive traceback entries shown before the rest are summarised (CPython's
/// `TB_RECURSIVE_CUTOFF`).
const RECURSIVE_CUTOFF: usize = 3;

/// The summary line for a run of `count` identical entries, if it was cut.
fn repeated(out: &mut Vec<String>, count: usize) {
    if count > RECURSIVE_CUTOFF {
        let n = count - RECURSIVE_CUTOFF;
        let s = if n > 1 { "s" } else { "" };
        out.push(format!("  [Previous line repeated {n} more time{s}]\n"));
    }
}

/// The rows of a traceback (entries outermost first), as CPython prints them: after
/// `RECURSIVE_CUTOFF` consecutive entries for the same file, line and function, the rest of
/// the run is one `[Previous line repeated N more times]` row (and is not formatted at all,
/// which keeps a million-frame RecursionError quick to report).
pub fn format_entries(entries: &[&TbEntry]) -> Vec<String> {
    let mut out = Vec::new();
    let mut last: Option<(&str, u32, &str)> = None;
    let mut count = 0usize;
    for e in entries {
        let co = &e.code.obj;
        let key = (&*co.source.name, co.line_of(e.pc), &*co.name);
        if last != Some(key) {
            repeated(&mut out, count);
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count <= RECURSIVE_CUTOFF {
            out.push(format_entry(e));
        }
    }
    repeated(&mut out, count);
    out
}

/// `  File "x.py", line 3, in f` plus the source line and markers.
pub fn format_entry(e: &TbEntry) -> String {
    let co = &e.code.obj;
    let span = co.spans.get(e.pc).copied();
    let line = co.line_of(e.pc);
    let mut row = format!(
        "  File \"{}\", line {}, in {}\n",
        co.source.name, line, co.name
    );
    let original = co.source.line_text(line);
    let stripped = original.trim();
    if stripped.is_empty() {
        return row;
    }
    row.push_str(&format!("    {stripped}\n"));
    let Some(span) = span else { return row };
    if let Some(markers) = marker_line(&co.source, span, line) {
        row.push_str(&markers);
    }
    row
}

/// The `^^^`/`~~^~~` line under a source line, when CPython would print one.
fn marker_line(src: &SourceFile, span: crate::source::Span, line: u32) -> Option<String> {
    let original = src.line_text(line);
    // linecache keeps the newline: CPython's arithmetic counts it among the stripped chars.
    let with_nl_len = original.chars().count() + 1;
    let stripped = original.trim();
    let stripped_len = stripped.chars().count();
    let stripped_chars = with_nl_len - stripped_len;
    let (sl, sc) = src.line_col(span.start);
    if sl != line {
        return None;
    }
    let (el, ec) = src.line_col(span.end);
    let start_offset = sc as usize; // 1-based char column == CPython's start_offset
    let mut end_offset = ec as usize;
    let mut anchors = None;
    if el == line {
        let seg: String = original
            .chars()
            .skip(start_offset - 1)
            .take(end_offset.saturating_sub(start_offset))
            .collect();
        anchors = extract_anchors(&seg);
    } else {
        end_offset = stripped_chars + stripped_len;
    }
    let width = end_offset.checked_sub(start_offset)?;
    let show = width < stripped_len || anchors.is_some_and(|(l, r)| r > l);
    if !show {
        return None;
    }
    let mut row = String::from("    ");
    row.push_str(&" ".repeat(start_offset.checked_sub(stripped_chars)?));
    match anchors {
        Some((l, r)) => {
            row.push_str(&"~".repeat(l));
            row.push_str(&"^".repeat(r.saturating_sub(l)));
            row.push_str(&"~".repeat(width.saturating_sub(r)));
        }
        None => row.push_str(&"^".repeat(width)),
    }
    row.push('\n');
    Some(row)
}

/// For a segment that is a binary operation or a subscript: (left_end, right_start) in chars.
fn extract_anchors(segment: &str) -> Option<(usize, usize)> {
    let src = SourceFile::new("<segment>", segment);
    let module = crate::parser::parse(&src).ok()?;
    if module.body.len() != 1 {
        return None;
    }
    let StmtKind::Expr(e) = &module.body[0].kind else {
        return None;
    };
    let chars = |byte: u32| segment.get(..byte as usize).map(|s| s.chars().count());
    match &e.kind {
        ExprKind::BinOp { left, right, .. } => {
            let op_str = segment.get(left.span.end as usize..right.span.start as usize)?;
            let op_offset = op_str.len() - op_str.trim_start().len();
            let left_anchor = left.span.end as usize + op_offset;
            let mut right_anchor = left_anchor + 1;
            if op_offset + 1 < op_str.len()
                && !op_str[op_offset + 1..].starts_with(|c: char| c.is_whitespace())
            {
                right_anchor += 1;
            }
            Some((chars(left_anchor as u32)?, chars(right_anchor as u32)?))
        }
        ExprKind::Subscript { value, slice } => {
            Some((chars(value.span.end)?, chars(slice.span.end + 1)?))
        }
        _ => None,
    }
}

/// `ValueError: message`, with the module prefix and suggestions CPython adds.
pub fn exception_line(vm: &mut Vm, exc: &Value, innermost: Option<&TbEntry>) -> String {
    let cls = exc.class();
    let module = cls.module_name();
    let mut name = cls.qualname().to_string();
    if module != "builtins" && module != "__main__" {
        name = format!("{module}.{name}");
    }
    let msg = match vm.str(exc) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    let mut line = if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    };
    if let Some(s) = suggestion(vm, exc, &cls, innermost) {
        line.push_str(&format!(". Did you mean: '{s}'?"));
    }
    line.push('\n');
    line
}

fn suggestion(
    vm: &mut Vm,
    exc: &Value,
    cls: &Arc<Class>,
    innermost: Option<&TbEntry>,
) -> Option<String> {
    let Value::Instance(inst) = exc else {
        return None;
    };
    let name = match inst.dict.get_str("name") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => return None,
    };
    let t = types();
    if cls.is_subclass(t.exc(ExcKind::AttributeError)) {
        let obj = inst.dict.get_str("obj")?;
        let dir = crate::builtins::dir_of(vm, &obj).ok()?;
        return best_match(&name, &dir);
    }
    if cls.is_subclass(t.exc(ExcKind::NameError))
        && !cls.is_subclass(t.exc(ExcKind::UnboundLocalError))
    {
        let e = innermost?;
        let varnames: Vec<String> = e.code.obj.varnames.iter().map(|s| s.to_string()).collect();
        if let Some(s) = best_match(&name, &varnames) {
            return Some(s);
        }
        let globals: Vec<String> = e.globals.keys().iter().filter_map(str_of).collect();
        if let Some(s) = best_match(&name, &globals) {
            return Some(s);
        }
        let builtins: Vec<String> = vm
            .interp
            .builtins
            .dict
            .keys()
            .iter()
            .filter_map(str_of)
            .collect();
        return best_match(&name, &builtins);
    }
    None
}

fn str_of(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) => Some(s.as_str().to_string()),
        _ => None,
    }
}

/// CPython's `calculate_suggestions`.
pub fn best_match(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<&String> = None;
    let mut best_dist = usize::MAX;
    for c in candidates {
        if c == name {
            continue;
        }
        let max = ((name.len() + c.len() + 3) * MOVE_COST / 6).min(best_dist.saturating_sub(1));
        let d = levenshtein(name.as_bytes(), c.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none() || d < best_dist {
            best = Some(c);
            best_dist = d;
        }
    }
    best.cloned()
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's `levenshtein_distance` (suggestions.c), including its early exits.
fn levenshtein<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_NAME || b.len() > MAX_NAME {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[i];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// Prints an uncaught exception to `sys.stderr` (the default `sys.excepthook`).
pub fn print_exception(vm: &mut Vm, exc: &Value) {
    let text = format_exception(vm, exc);
    let out = vm.interp.out.clone();
    out.flush_fd(1);
    if out.write_stderr(vm, &text).is_err() {
        out.write_fd(2, &text);
    }
    out.flush_fd(2);
}

/// A Python-visible traceback object (`e.__traceback__`): its frames and lines.
pub struct Traceback {
    pub entries: Vec<TbEntry>,
}

impl NativeObject for Traceback {
    fn class(&self) -> Arc<Class> {
        crate::objects::iter::iter_class("traceback")
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(&self, _vm: &mut Vm, _me: &Value, name: &str) -> PyResult<Option<Value>> {
        let outer = self.entries.last();
        Ok(match name {
            "tb_lineno" => outer.map(|e| Value::Int(e.code.obj.line_of(e.pc) as i64)),
            "tb_next" => Some(if self.entries.len() > 1 {
                Value::Native(Arc::new(Traceback {
                    entries: self.entries[..self.entries.len() - 1].to_vec(),
                }))
            } else {
                Value::None
            }),
            _ => None,
        })
    }
}

pub fn traceback_from(entries: Vec<TbEntry>) -> Value {
    Value::Native(Arc::new(Traceback { entries }))
}

/// The traceback text of an exception (for `traceback.format_exc`).
pub fn format_tb(exc: &Value) -> String {
    let entries = exc_state(exc)
        .map(|s| s.lock().traceback.clone())
        .unwrap_or_default();
    entries.iter().rev().map(format_entry).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_match_cpython_choices() {
        let c = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            best_match("pritn", &c(&["print", "len"])),
            Some("print".into())
        );
        assert_eq!(best_match("Print", &c(&["print"])), Some("print".into()));
        assert_eq!(best_match("xyz", &c(&["print", "len"])), None);
        assert_eq!(
            best_match("lenght", &c(&["len", "length"])),
            Some("length".into())
        );
    }
}
