//! A throwaway tokenizer for the parser's tests, standing in until the real lexer lands:
//! names, keywords, decimal numbers, simple strings/bytes/f-strings, operators, comments
//! and the NEWLINE/INDENT/DEDENT layout.

use crate::diagnostics::Diagnostic;
use crate::lexer::token::{FStringField, FStringPart, IntLit, Token};
use crate::source::Span;

const OPS: &[(&str, Token)] = &[
    ("**=", Token::DoubleStarEqual),
    ("//=", Token::DoubleSlashEqual),
    (">>=", Token::RightShiftEqual),
    ("<<=", Token::LeftShiftEqual),
    ("...", Token::Ellipsis),
    ("**", Token::DoubleStar),
    ("//", Token::DoubleSlash),
    ("<<", Token::LeftShift),
    (">>", Token::RightShift),
    ("<=", Token::LessEqual),
    (">=", Token::GreaterEqual),
    ("==", Token::EqEqual),
    ("!=", Token::NotEqual),
    (":=", Token::ColonEqual),
    ("->", Token::Arrow),
    ("+=", Token::PlusEqual),
    ("-=", Token::MinusEqual),
    ("*=", Token::StarEqual),
    ("/=", Token::SlashEqual),
    ("%=", Token::PercentEqual),
    ("@=", Token::AtEqual),
    ("&=", Token::AmperEqual),
    ("|=", Token::PipeEqual),
    ("^=", Token::CaretEqual),
    ("+", Token::Plus),
    ("-", Token::Minus),
    ("*", Token::Star),
    ("/", Token::Slash),
    ("%", Token::Percent),
    ("@", Token::At),
    ("&", Token::Amper),
    ("|", Token::Pipe),
    ("^", Token::Caret),
    ("~", Token::Tilde),
    ("<", Token::Less),
    (">", Token::Greater),
    ("(", Token::LPar),
    (")", Token::RPar),
    ("[", Token::LSqb),
    ("]", Token::RSqb),
    ("{", Token::LBrace),
    ("}", Token::RBrace),
    (",", Token::Comma),
    (":", Token::Colon),
    (".", Token::Dot),
    (";", Token::Semi),
    ("=", Token::Equal),
];

fn err(msg: &str, at: usize) -> Diagnostic {
    Diagnostic::syntax(msg, Span::new(at, at))
}

pub fn tokenize(text: &str) -> Result<Vec<(Token, Span)>, Diagnostic> {
    lex(text, 0, false)
}

pub fn tokenize_fragment(text: &str, base: u32) -> Result<Vec<(Token, Span)>, Diagnostic> {
    lex(text, base as usize, true)
}

fn lex(text: &str, base: usize, fragment: bool) -> Result<Vec<(Token, Span)>, Diagnostic> {
    let b = text.as_bytes();
    let mut out: Vec<(Token, Span)> = Vec::new();
    let mut indents = vec![0usize];
    let mut depth: usize = if fragment { 1 } else { 0 };
    let mut i = 0;
    let mut line_start = true;
    while i < b.len() {
        if line_start && depth == 0 {
            let mut j = i;
            while j < b.len() && b[j] == b' ' {
                j += 1;
            }
            if j >= b.len() || b[j] == b'\n' || b[j] == b'#' {
                while j < b.len() && b[j] != b'\n' {
                    j += 1;
                }
                i = j + 1;
                continue;
            }
            let col = j - i;
            if col > *indents.last().unwrap_or(&0) {
                indents.push(col);
                out.push((Token::Indent, Span::new(base + i, base + j)));
            }
            while col < *indents.last().unwrap_or(&0) {
                indents.pop();
                out.push((Token::Dedent, Span::new(base + j, base + j)));
            }
            if col != *indents.last().unwrap_or(&0) {
                return Err(Diagnostic::new(
                    crate::diagnostics::ErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    Span::new(base + j, base + j),
                ));
            }
            i = j;
            line_start = false;
        }
        let c = b[i];
        let start = i;
        if c == b'\n' {
            if depth == 0 {
                out.push((Token::Newline, Span::new(base + i, base + i + 1)));
                line_start = true;
            }
            i += 1;
            continue;
        }
        if c == b' ' || c == b'\t' || c == b'\r' {
            i += 1;
            continue;
        }
        if c == b'\\' && b.get(i + 1) == Some(&b'\n') {
            i += 2;
            continue;
        }
        if c == b'#' {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        let quote_at = |k: usize| matches!(b.get(k), Some(b'\'') | Some(b'"'));
        if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            let mut j = i;
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_' || b[j] >= 0x80) {
                j += 1;
            }
            let word = &text[i..j];
            let lw = word.to_ascii_lowercase();
            if quote_at(j) && matches!(lw.as_str(), "b" | "f" | "r" | "rb" | "br" | "fr" | "rf") {
                let (tok, end) = string(text, j, base, lw.contains('b'), lw.contains('f'))?;
                out.push((tok, Span::new(base + i, base + end)));
                i = end;
                continue;
            }
            let tok = Token::keyword(word).unwrap_or_else(|| Token::Name(word.into()));
            out.push((tok, Span::new(base + i, base + j)));
            i = j;
            continue;
        }
        if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(|d| d.is_ascii_digit())) {
            let mut j = i;
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'.' || b[j] == b'_') {
                j += 1;
            }
            let s = text[i..j].replace('_', "");
            let tok = if let Some(f) = s.strip_suffix('j') {
                Token::Imag(f.parse().map_err(|_| err("bad number", i))?)
            } else if s.contains(['.', 'e']) {
                Token::Float(s.parse().map_err(|_| err("bad number", i))?)
            } else {
                match s.parse::<i64>() {
                    Ok(v) => Token::Int(IntLit::Small(v)),
                    Err(_) => Token::Int(IntLit::Big(s)),
                }
            };
            out.push((tok, Span::new(base + i, base + j)));
            i = j;
            continue;
        }
        if quote_at(i) {
            let (tok, end) = string(text, i, base, false, false)?;
            out.push((tok, Span::new(base + i, base + end)));
            i = end;
            continue;
        }
        let Some((s, t)) = OPS.iter().find(|(s, _)| text[i..].starts_with(s)) else {
            return Err(err("invalid character", base + i));
        };
        match t {
            Token::LPar | Token::LSqb | Token::LBrace => depth += 1,
            Token::RPar | Token::RSqb | Token::RBrace => depth = depth.saturating_sub(1),
            _ => {}
        }
        out.push((t.clone(), Span::new(base + start, base + start + s.len())));
        i += s.len();
    }
    let end = base + b.len();
    if !fragment && !line_start {
        out.push((Token::Newline, Span::new(end, end)));
    }
    if !fragment {
        for _ in 1..indents.len() {
            out.push((Token::Dedent, Span::new(end, end)));
        }
    }
    out.push((Token::EndMarker, Span::new(end, end)));
    Ok(out)
}

/// A quoted literal starting at `i` (the quote); returns the token and the end offset.
fn string(text: &str, i: usize, base: usize, bytes: bool, f: bool) -> Result<(Token, usize), Diagnostic> {
    let b = text.as_bytes();
    let q = b[i];
    let triple = b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q);
    let (open, delim) = if triple { (3, vec![q; 3]) } else { (1, vec![q]) };
    let body_start = i + open;
    let mut j = body_start;
    let mut s = String::new();
    loop {
        if j >= b.len() {
            return Err(err("unterminated string literal", base + i));
        }
        if b[j..].starts_with(&delim) {
            break;
        }
        let ch = text[j..].chars().next().unwrap_or(' ');
        if ch == '\\' && j + 1 < b.len() {
            let e = b[j + 1] as char;
            let decoded = match e {
                'n' => '\n',
                't' => '\t',
                '\\' => '\\',
                '\'' => '\'',
                '"' => '"',
                _ => {
                    s.push('\\');
                    e
                }
            };
            s.push(decoded);
            j += 2;
            continue;
        }
        s.push(ch);
        j += ch.len_utf8();
    }
    let end = j + open;
    let tok = if bytes {
        Token::Bytes(s.into_bytes())
    } else if f {
        Token::FString(fparts(&s, base + body_start)?)
    } else {
        Token::Str(s)
    };
    Ok((tok, end))
}

/// Split an f-string body (assumed escape-free around fields) into parts.
fn fparts(s: &str, base: usize) -> Result<Vec<FStringPart>, Diagnostic> {
    let b = s.as_bytes();
    let mut parts = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'{' if b.get(i + 1) == Some(&b'{') => {
                lit.push('{');
                i += 2;
            }
            b'}' if b.get(i + 1) == Some(&b'}') => {
                lit.push('}');
                i += 2;
            }
            b'{' => {
                if !lit.is_empty() {
                    parts.push(FStringPart::Literal(std::mem::take(&mut lit)));
                }
                let (field, end) = field(s, i + 1, base)?;
                parts.push(FStringPart::Field(field));
                i = end;
            }
            _ => {
                let ch = s[i..].chars().next().unwrap_or(' ');
                lit.push(ch);
                i += ch.len_utf8();
            }
        }
    }
    if !lit.is_empty() {
        parts.push(FStringPart::Literal(lit));
    }
    Ok(parts)
}

/// One field starting after `{`; returns it and the offset after its `}`.
fn field(s: &str, start: usize, base: usize) -> Result<(FStringField, usize), Diagnostic> {
    let b = s.as_bytes();
    let mut depth = 0;
    let mut j = start;
    while j < b.len() {
        match b[j] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' => depth -= 1,
            b'}' if depth > 0 => depth -= 1,
            b'}' | b':' | b'!' if depth == 0 && !(b[j] == b'!' && b.get(j + 1) == Some(&b'=')) => break,
            b'=' if depth == 0
                && b.get(j + 1) != Some(&b'=')
                && !matches!(b.get(j.wrapping_sub(1)), Some(b'=' | b'!' | b'<' | b'>')) =>
            {
                break
            }
            _ => {}
        }
        j += 1;
    }
    let expr_source = s[start..j].to_string();
    let mut debug_text = None;
    if b.get(j) == Some(&b'=') {
        j += 1;
        while b.get(j) == Some(&b' ') {
            j += 1;
        }
        debug_text = Some(s[start..j].to_string());
    }
    let mut conversion = None;
    if b.get(j) == Some(&b'!') {
        conversion = s[j + 1..].chars().next();
        j += 2;
    }
    let mut format_spec = None;
    if b.get(j) == Some(&b':') {
        let mut k = j + 1;
        let mut d = 0;
        while k < b.len() && !(b[k] == b'}' && d == 0) {
            match b[k] {
                b'{' => d += 1,
                b'}' => d -= 1,
                _ => {}
            }
            k += 1;
        }
        format_spec = Some(fparts(&s[j + 1..k], base + j + 1)?);
        j = k;
    }
    if b.get(j) != Some(&b'}') {
        return Err(err("f-string: expecting '}'", base + j));
    }
    let field = FStringField { expr_source, expr_offset: (base + start) as u32, debug_text, conversion, format_spec };
    Ok((field, j + 1))
}
