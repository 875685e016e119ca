//! The disassembler: a stable text listing of a code object and every code object nested in
//! its constants, for bytecode golden tests and `pyt dis`.
//!
//! Format, one instruction per line: the source line (only when it changes), the instruction
//! index, the mnemonic, the operand(s) and a resolved hint in parentheses:
//! ```text
//!   3     4 LoadFast 0 (x)
//!         5 LoadConst 1 (42)
//! ```

use super::bytecode::{CodeKind, CodeObject, ConstValue, Instr};
use crate::lexer::token::IntLit;
use std::fmt::Write;

/// `pyt dis FILE`: parse and compile a source file, then list its bytecode.
pub fn disassemble_source(
    src: &std::sync::Arc<crate::source::SourceFile>,
) -> Result<String, crate::diagnostics::Diagnostic> {
    let module = crate::parser::parse(src)?;
    let code = super::compile(&module, src, super::Mode::Exec)?;
    Ok(disassemble(&code))
}

/// The listing of `code` followed by the listings of its nested code objects, depth first.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    let mut pending: Vec<&CodeObject> = vec![code];
    let mut first = true;
    // An explicit work list keeps deeply nested code from recursing on the native stack.
    while let Some(c) = pending.pop() {
        if !first {
            out.push('\n');
        }
        first = false;
        write_code(&mut out, c);
        let nested: Vec<&CodeObject> = c
            .consts
            .iter()
            .filter_map(|k| match k {
                ConstValue::Code(inner) => Some(&**inner),
                _ => None,
            })
            .collect();
        pending.extend(nested.into_iter().rev());
    }
    out
}

fn write_code(out: &mut String, c: &CodeObject) {
    let kind = match c.kind {
        CodeKind::Module => "module",
        CodeKind::Class => "class",
        CodeKind::Function => "function",
    };
    let _ = writeln!(
        out,
        "Disassembly of {} ({kind}, line {}):",
        c.qualname, c.first_line
    );
    if c.kind == CodeKind::Function {
        let mut flags = format!(
            "  args: {} posonly: {} kwonly: {}",
            c.argcount, c.posonlyargcount, c.kwonlyargcount
        );
        if c.has_varargs {
            flags.push_str(" *args");
        }
        if c.has_varkw {
            flags.push_str(" **kwargs");
        }
        if c.is_generator {
            flags.push_str(" generator");
        }
        let _ = writeln!(out, "{flags}");
    }
    let list = |v: &[std::sync::Arc<str>]| v.iter().map(|s| &**s).collect::<Vec<_>>().join(", ");
    if !c.varnames.is_empty() {
        let _ = writeln!(out, "  varnames: {}", list(&c.varnames));
    }
    if !c.cellvars.is_empty() {
        let _ = writeln!(out, "  cellvars: {}", list(&c.cellvars));
    }
    if !c.freevars.is_empty() {
        let _ = writeln!(out, "  freevars: {}", list(&c.freevars));
    }
    let mut last_line = 0;
    for (pc, instr) in c.instrs.iter().enumerate() {
        let line = c.line_of(pc);
        let line_col = if line != last_line {
            line.to_string()
        } else {
            String::new()
        };
        last_line = line;
        let _ = writeln!(out, "{line_col:>4} {pc:>5} {}", format_instr(c, instr));
    }
}

/// `Mnemonic operand (hint)` for one instruction.
pub fn format_instr(c: &CodeObject, i: &Instr) -> String {
    // Superinstructions print as the instruction they stand for, as CPython's `dis` shows
    // unspecialised code.
    let i = &i.unfused();
    let debug = format!("{i:?}");
    let mnemonic: String = debug
        .chars()
        .take_while(|ch| ch.is_alphanumeric())
        .collect();
    let name = |n: u32| {
        c.names
            .get(n as usize)
            .map_or("?".to_string(), |s| s.to_string())
    };
    let var = |n: u32| {
        c.varnames
            .get(n as usize)
            .map_or("?".to_string(), |s| s.to_string())
    };
    let deref = |n: u32| {
        let n = n as usize;
        c.cellvars
            .get(n)
            .or_else(|| c.freevars.get(n.wrapping_sub(c.cellvars.len())))
            .map_or("?".to_string(), |s| s.to_string())
    };
    let konst = |n: u32| c.consts.get(n as usize).map_or("?".to_string(), const_repr);
    let operands = match *i {
        Instr::LoadConst(n) => format!("{n} ({})", konst(n)),
        Instr::LoadFast(n) | Instr::StoreFast(n) | Instr::DeleteFast(n) => {
            format!("{n} ({})", var(n))
        }
        Instr::LoadDeref(n)
        | Instr::StoreDeref(n)
        | Instr::DeleteDeref(n)
        | Instr::LoadClosure(n) => {
            format!("{n} ({})", deref(n))
        }
        Instr::LoadClassDeref { name: n, slot } => format!("{n} {slot} ({})", name(n)),
        Instr::LoadName(n)
        | Instr::StoreName(n)
        | Instr::DeleteName(n)
        | Instr::LoadGlobal(n)
        | Instr::StoreGlobal(n)
        | Instr::DeleteGlobal(n)
        | Instr::LoadAttr(n)
        | Instr::StoreAttr(n)
        | Instr::DeleteAttr(n)
        | Instr::LoadMethod(n)
        | Instr::ImportFrom(n) => format!("{n} ({})", name(n)),
        Instr::ImportName { name: n, level } => format!("{n} {level} ({})", name(n)),
        Instr::BinaryOp(op) | Instr::InplaceOp(op) => format!("({})", op.symbol()),
        Instr::CompareOp(op) => format!("({})", cmp_symbol(op)),
        Instr::FormatValue {
            conversion,
            has_spec,
        } => {
            format!("{conversion}{}", if has_spec { " (with spec)" } else { "" })
        }
        Instr::UnpackEx { before, after } => format!("{before} {after}"),
        Instr::CallKw { argc, kwnames } => format!("{argc} ({})", konst(kwnames)),
        Instr::CallEx { has_kwargs } => (if has_kwargs { "(kwargs)" } else { "" }).to_string(),
        Instr::Py2Divide(inplace) => (if inplace { "(/=)" } else { "(/)" }).to_string(),
        Instr::PrintItem(to) | Instr::PrintNewline(to) => {
            (if to { "(to file)" } else { "" }).to_string()
        }
        Instr::MakeFunction(flags) => {
            let mut parts = Vec::new();
            if flags & super::bytecode::MAKE_FN_DEFAULTS != 0 {
                parts.push("defaults");
            }
            if flags & super::bytecode::MAKE_FN_KWDEFAULTS != 0 {
                parts.push("kwdefaults");
            }
            if flags & super::bytecode::MAKE_FN_CLOSURE != 0 {
                parts.push("closure");
            }
            if parts.is_empty() {
                format!("{flags}")
            } else {
                format!("{flags} ({})", parts.join(", "))
            }
        }
        _ => {
            // Remaining variants carry at most one plain number (a count or a jump target).
            let inner: String = debug
                .chars()
                .skip(mnemonic.len())
                .filter(|ch| ch.is_ascii_digit())
                .collect();
            inner
        }
    };
    if operands.is_empty() {
        mnemonic
    } else {
        format!("{mnemonic} {operands}")
    }
}

fn cmp_symbol(op: crate::parser::ast::CmpOp) -> &'static str {
    use crate::parser::ast::CmpOp::*;
    match op {
        Eq => "==",
        NotEq => "!=",
        Lt => "<",
        LtE => "<=",
        Gt => ">",
        GtE => ">=",
        Is => "is",
        IsNot => "is not",
        In => "in",
        NotIn => "not in",
    }
}

/// A Python-like repr of a constant (code objects by qualname).
pub fn const_repr(c: &ConstValue) -> String {
    match c {
        ConstValue::None => "None".into(),
        ConstValue::Bool(true) => "True".into(),
        ConstValue::Bool(false) => "False".into(),
        ConstValue::Ellipsis => "Ellipsis".into(),
        ConstValue::Int(IntLit::Small(i)) => i.to_string(),
        ConstValue::Int(IntLit::Big(s)) => s.clone(),
        ConstValue::Float(f) => format!("{f:?}"),
        ConstValue::Imag(f) => format!("{f:?}j"),
        ConstValue::Str(s) => str_repr(s),
        ConstValue::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        ConstValue::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(const_repr).collect();
            if inner.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        ConstValue::Code(code) => format!("<code {}>", code.qualname),
    }
}

/// Python's `repr` of a str: single quotes unless the text has `'` and no `"`, with the
/// usual escapes for the quote, backslash and control characters.
fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::str_repr;

    #[test]
    fn disassemble_source_lists_nested_code() {
        let src = crate::source::SourceFile::new("<t>", "def f(x):\n    return x\n");
        let out = super::disassemble_source(&src).unwrap_or_default();
        assert!(
            out.contains("Disassembly of f (function, line 1):"),
            "{out}"
        );
        assert!(out.contains("LoadFast 0 (x)"), "{out}");
        let bad = crate::source::SourceFile::new("<t>", "return\n");
        assert!(super::disassemble_source(&bad).is_err());
    }

    #[test]
    fn str_repr_matches_python() {
        assert_eq!(str_repr("a"), "'a'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("'\""), "'\\'\"'");
        assert_eq!(str_repr("a\nb\\"), "'a\\nb\\\\'");
        assert_eq!(str_repr("\x01"), "'\\x01'");
    }
}
