//! f-string splitting: the body of an f-string literal → literal parts and replacement
//! fields, following CPython 3.11's `Parser/string_parser.c` (`fstring_find_literal`,
//! `fstring_find_expr`) so that the same inputs fail with the same messages.
//!
//! The lexer does not tokenize the field expressions: each field keeps its exact source text
//! and file offset, and the parser runs `lexer::tokenize_fragment` on it.

use super::literal::decode_str;
use super::raw::char_end;
use super::token::{FStringField, FStringPart};
use crate::diagnostics::Diagnostic;
use crate::source::Span;

/// CPython's limit on replacement fields nested inside format specs: `{x:{y}}` is allowed,
/// `{x:{y:{z}}}` is not. Also bounds the recursion of this module.
const MAX_FSTRING_NESTING: u32 = 2;

/// Bracket nesting allowed inside one field expression (CPython's MAXLEVEL).
const MAX_FIELD_PARENS: usize = 200;

/// Splits an f-string body (the text between the quotes; `offset` is its position in the
/// file) into parts. Adjacent literal text is merged into one `Literal` part.
pub fn split_fstring(body: &str, offset: u32, raw: bool) -> Result<Vec<FStringPart>, Diagnostic> {
    let mut p = FStringSplitter {
        body,
        bytes: body.as_bytes(),
        offset,
        raw,
        pos: 0,
    };
    p.parts(0)
}

struct FStringSplitter<'a> {
    body: &'a str,
    bytes: &'a [u8],
    offset: u32,
    raw: bool,
    pos: usize,
}

impl FStringSplitter<'_> {
    fn error(&self, message: impl Into<String>, at: usize) -> Diagnostic {
        let start = self.offset as usize + at.min(self.bytes.len());
        let end = if at < self.bytes.len() {
            self.offset as usize + char_end(self.bytes, at)
        } else {
            start
        };
        Diagnostic::syntax(message, Span::new(start, end))
    }

    fn expecting_close(&self) -> Diagnostic {
        self.error("f-string: expecting '}'", self.pos)
    }

    /// `fstring_parse`: literal text and fields until the end of the body (level 0) or the
    /// `}` that closes a format spec (level 1).
    fn parts(&mut self, level: u32) -> Result<Vec<FStringPart>, Diagnostic> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        loop {
            let (start, end, doubled) = self.find_literal(level)?;
            if start < end {
                let text = decode_literal(&self.body[start..end], self.raw)
                    .map_err(|(msg, at)| self.error(msg, start + at))?;
                literal.push_str(&text);
            }
            if doubled {
                continue;
            }
            if self.pos >= self.bytes.len() || self.bytes[self.pos] == b'}' {
                break;
            }
            if !literal.is_empty() {
                parts.push(FStringPart::Literal(std::mem::take(&mut literal)));
            }
            let field = self.find_expr(level)?;
            parts.push(FStringPart::Field(field));
        }
        if !literal.is_empty() {
            parts.push(FStringPart::Literal(literal));
        }
        Ok(parts)
    }

    /// `fstring_find_literal`: returns the raw range of literal text and whether it ended at
    /// a doubled brace (whose first brace the range includes).
    fn find_literal(&mut self, level: u32) -> Result<(usize, usize, bool), Diagnostic> {
        let bytes = self.bytes;
        let start = self.pos;
        let mut s = start;
        while s < bytes.len() {
            let mut ch = bytes[s];
            s += 1;
            if !self.raw && ch == b'\\' && s < bytes.len() {
                ch = bytes[s];
                s += 1;
                if ch == b'N' {
                    // `\N{NAME}`: its braces are not a field.
                    if bytes.get(s) == Some(&b'{') {
                        while s < bytes.len() {
                            s += 1;
                            if bytes[s - 1] == b'}' {
                                break;
                            }
                        }
                    }
                    continue;
                }
            }
            if ch == b'{' || ch == b'}' {
                if level == 0 {
                    if bytes.get(s) == Some(&ch) {
                        self.pos = s + 1;
                        return Ok((start, s, true));
                    }
                    if ch == b'}' {
                        self.pos = s - 1;
                        return Err(self.error("f-string: single '}' is not allowed", s - 1));
                    }
                }
                s -= 1;
                break;
            }
        }
        self.pos = s;
        Ok((start, s, false))
    }

    /// `fstring_find_expr`: at a `{`; reads `expr[=][!conv][:spec]}`.
    fn find_expr(&mut self, level: u32) -> Result<FStringField, Diagnostic> {
        let bytes = self.bytes;
        if level >= MAX_FSTRING_NESTING {
            return Err(self.error("f-string: expressions nested too deeply", self.pos));
        }
        self.pos += 1;
        let expr_start = self.pos;
        let mut quote: u8 = 0;
        let mut triple = false;
        let mut parens: Vec<u8> = Vec::new();
        while self.pos < bytes.len() {
            let ch = bytes[self.pos];
            if ch == b'\\' {
                return Err(self.error(
                    "f-string expression part cannot include a backslash",
                    self.pos,
                ));
            }
            if quote != 0 {
                if ch == quote {
                    if !triple {
                        quote = 0;
                    } else if bytes.get(self.pos + 1) == Some(&ch)
                        && bytes.get(self.pos + 2) == Some(&ch)
                    {
                        self.pos += 2;
                        quote = 0;
                        triple = false;
                    }
                }
                self.pos += 1;
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    if self.pos + 2 < bytes.len()
                        && bytes[self.pos + 1] == ch
                        && bytes[self.pos + 2] == ch
                    {
                        triple = true;
                        self.pos += 2;
                    }
                    quote = ch;
                }
                b'[' | b'{' | b'(' => {
                    if parens.len() >= MAX_FIELD_PARENS {
                        return Err(self.error("f-string: too many nested parenthesis", self.pos));
                    }
                    parens.push(ch);
                }
                b'#' => {
                    return Err(self.error("f-string expression part cannot include '#'", self.pos));
                }
                b'!' | b':' | b'}' | b'=' | b'>' | b'<' if parens.is_empty() => {
                    let next = bytes.get(self.pos + 1).copied();
                    if next == Some(b'=') && ch != b':' && ch != b'}' {
                        // `!=`, `==`, `<=`, `>=` are operators, not field syntax.
                        self.pos += 2;
                        continue;
                    }
                    if ch == b'<' || ch == b'>' {
                        self.pos += 1;
                        continue;
                    }
                    break;
                }
                b']' | b'}' | b')' => {
                    let Some(open) = parens.pop() else {
                        return Err(
                            self.error(format!("f-string: unmatched '{}'", ch as char), self.pos)
                        );
                    };
                    if !matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                        return Err(self.error(
                            format!(
                                "f-string: closing parenthesis '{}' does not match opening \
                                 parenthesis '{}'",
                                ch as char, open as char
                            ),
                            self.pos,
                        ));
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        let expr_end = self.pos;
        if quote != 0 {
            return Err(self.error("f-string: unterminated string", self.pos));
        }
        if let Some(&open) = parens.last() {
            return Err(self.error(format!("f-string: unmatched '{}'", open as char), self.pos));
        }
        if self.pos >= bytes.len() {
            return Err(self.expecting_close());
        }
        let expr_source = &self.body[expr_start..expr_end];
        if expr_source
            .bytes()
            .all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'))
        {
            let next = bytes[expr_end];
            let message = if matches!(next, b'!' | b':' | b'=') {
                format!("f-string: expression required before '{}'", next as char)
            } else {
                "f-string: empty expression not allowed".to_string()
            };
            return Err(self.error(message, expr_end));
        }

        let mut debug_text = None;
        if bytes[self.pos] == b'=' {
            self.pos += 1;
            while self.pos < bytes.len()
                && matches!(
                    bytes[self.pos],
                    b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c'
                )
            {
                self.pos += 1;
            }
            if self.pos >= bytes.len() {
                return Err(self.expecting_close());
            }
            debug_text = Some(self.body[expr_start..self.pos].to_string());
        }

        let mut conversion = None;
        if bytes[self.pos] == b'!' {
            self.pos += 1;
            let Some(&c) = bytes.get(self.pos) else {
                return Err(self.expecting_close());
            };
            if !matches!(c, b's' | b'r' | b'a') {
                return Err(self.error(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    self.pos,
                ));
            }
            self.pos += 1;
            conversion = Some(c as char);
        }

        let mut format_spec = None;
        if bytes.get(self.pos) == Some(&b':') {
            self.pos += 1;
            if self.pos >= bytes.len() {
                return Err(self.expecting_close());
            }
            format_spec = Some(self.parts(level + 1)?);
        }

        if bytes.get(self.pos) != Some(&b'}') {
            return Err(self.expecting_close());
        }
        self.pos += 1;

        // As in CPython's AST: `{x=}` with neither conversion nor spec converts with repr.
        if debug_text.is_some() && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        Ok(FStringField {
            expr_source: expr_source.to_string(),
            expr_offset: self.offset + expr_start as u32,
            debug_text,
            conversion,
            format_spec,
        })
    }
}

/// Decodes one literal piece of an f-string: source line ends become `\n`, escapes are
/// decoded unless raw. Errors carry the message and the byte offset within `text`.
fn decode_literal(text: &str, raw: bool) -> Result<String, (String, usize)> {
    let normalized;
    let text = if text.contains('\r') {
        normalized = normalize_newlines(text);
        normalized.as_str()
    } else {
        text
    };
    decode_str(text, raw).map_err(|e| (e.message, e.start))
}

/// `\r\n` and lone `\r` → `\n`, as CPython's source reader does before tokenizing.
pub fn normalize_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<FStringPart> {
        split_fstring(s, 0, false).unwrap()
    }

    fn err(s: &str) -> String {
        split_fstring(s, 0, false).unwrap_err().message
    }

    fn field(src: &str, offset: u32) -> FStringField {
        FStringField {
            expr_source: src.into(),
            expr_offset: offset,
            debug_text: None,
            conversion: None,
            format_spec: None,
        }
    }

    fn lit(s: &str) -> FStringPart {
        FStringPart::Literal(s.into())
    }

    #[test]
    fn literal_and_fields() {
        assert_eq!(
            split("a{x}b{y + 1}"),
            vec![
                lit("a"),
                FStringPart::Field(field("x", 2)),
                lit("b"),
                FStringPart::Field(field("y + 1", 6))
            ]
        );
    }

    #[test]
    fn doubled_braces_and_escapes() {
        assert_eq!(split("{{a}}\\n"), vec![lit("{a}\n")]);
        assert_eq!(
            split_fstring("{{\\n}}", 0, true).unwrap(),
            vec![lit("{\\n}")]
        );
        assert_eq!(split("\\N{BULLET}"), vec![lit("•")]);
    }

    #[test]
    fn conversion_and_spec() {
        let mut f = field("x", 1);
        f.conversion = Some('r');
        f.format_spec = Some(vec![lit(">10")]);
        assert_eq!(split("{x!r:>10}"), vec![FStringPart::Field(f)]);
    }

    #[test]
    fn nested_spec_fields() {
        let mut f = field("x", 1);
        f.format_spec = Some(vec![
            FStringPart::Field(field("width", 4)),
            lit("."),
            FStringPart::Field(field("prec", 12)),
            lit("f"),
        ]);
        assert_eq!(split("{x:{width}.{prec}f}"), vec![FStringPart::Field(f)]);
    }

    #[test]
    fn debug_form() {
        let mut f = field("x ", 1);
        f.debug_text = Some("x = ".into());
        f.conversion = Some('r');
        assert_eq!(split("{x = }"), vec![FStringPart::Field(f)]);
        let mut g = field("x", 1);
        g.debug_text = Some("x=".into());
        g.format_spec = Some(vec![lit(".2f")]);
        assert_eq!(split("{x=:.2f}"), vec![FStringPart::Field(g)]);
    }

    #[test]
    fn operators_and_nesting_inside_expression() {
        assert_eq!(split("{x!=y}"), vec![FStringPart::Field(field("x!=y", 1))]);
        assert_eq!(
            split("{a[':']}"),
            vec![FStringPart::Field(field("a[':']", 1))]
        );
        assert_eq!(
            split("{d['}']}"),
            vec![FStringPart::Field(field("d['}']", 1))]
        );
        assert_eq!(
            split("{(x:=3)}"),
            vec![FStringPart::Field(field("(x:=3)", 1))]
        );
        assert_eq!(split("{a<b}"), vec![FStringPart::Field(field("a<b", 1))]);
        let mut f = field("x", 1);
        f.format_spec = Some(vec![lit("=3")]);
        assert_eq!(split("{x:=3}"), vec![FStringPart::Field(f)]);
    }

    #[test]
    fn spec_allows_doubled_closing_brace_at_end() {
        let mut f = field("x", 1);
        f.format_spec = Some(vec![FStringPart::Field(field("y", 4))]);
        assert_eq!(split("{x:{y}}"), vec![FStringPart::Field(f)]);
    }

    #[test]
    fn error_empty_expression() {
        assert_eq!(err("{}"), "f-string: empty expression not allowed");
        assert_eq!(err("{ }"), "f-string: empty expression not allowed");
        assert_eq!(err("{=}"), "f-string: expression required before '='");
        assert_eq!(err("{!r}"), "f-string: expression required before '!'");
        assert_eq!(err("{:x}"), "f-string: expression required before ':'");
    }

    #[test]
    fn error_single_closing_brace() {
        assert_eq!(err("}"), "f-string: single '}' is not allowed");
        assert_eq!(err("{x:}}"), "f-string: single '}' is not allowed");
    }

    #[test]
    fn error_expecting_closing_brace() {
        for s in ["{x", "{", "{x!r ", "{x!rr}", "{x:{y}", "{x!"] {
            assert_eq!(err(s), "f-string: expecting '}'", "{s}");
        }
    }

    #[test]
    fn error_invalid_conversion() {
        for s in ["{x!}", "{x!z}", "{x=!}"] {
            assert_eq!(
                err(s),
                "f-string: invalid conversion character: expected 's', 'r', or 'a'"
            );
        }
    }

    #[test]
    fn error_backslash_and_hash_in_expression() {
        assert_eq!(
            err("{x\\n}"),
            "f-string expression part cannot include a backslash"
        );
        assert_eq!(err("{x#}"), "f-string expression part cannot include '#'");
    }

    #[test]
    fn error_nested_too_deeply() {
        assert_eq!(
            err("{x:{y:{z}}}"),
            "f-string: expressions nested too deeply"
        );
    }

    #[test]
    fn error_unmatched_and_mismatched_brackets() {
        assert_eq!(err("{x)}"), "f-string: unmatched ')'");
        assert_eq!(
            err("{(x}"),
            "f-string: closing parenthesis '}' does not match opening parenthesis '('"
        );
        assert_eq!(
            err("{(x]}"),
            "f-string: closing parenthesis ']' does not match opening parenthesis '('"
        );
        assert_eq!(err("{(x"), "f-string: unmatched '('");
    }

    #[test]
    fn error_too_many_nested_parenthesis() {
        let s = format!("{{{}}}", "(".repeat(MAX_FIELD_PARENS + 1));
        assert_eq!(err(&s), "f-string: too many nested parenthesis");
    }

    #[test]
    fn error_unterminated_string_in_expression() {
        assert_eq!(err("{'a}"), "f-string: unterminated string");
    }
}
