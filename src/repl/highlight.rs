//! Syntax colours for the line being edited: keywords, strings, numbers, comments, and the
//! bracket matching the one at the cursor. A small scanner of its own rather than the lexer:
//! the input is often unfinished (an open string, half a statement), and colouring must never
//! fail. Only ANSI escapes are added, so the display width stays that of the text.

use super::helper::KEYWORDS;

const KEYWORD: &str = "\x1b[1;35m";
const STRING: &str = "\x1b[32m";
const NUMBER: &str = "\x1b[36m";
const COMMENT: &str = "\x1b[2;37m";
const BRACKET: &str = "\x1b[1;34m";
const RESET: &str = "\x1b[0m";

/// `line` with ANSI colours; `bracket` is the byte offset of a bracket to mark.
pub fn colorize(line: &str, bracket: Option<usize>) -> String {
    let mut out = String::with_capacity(line.len() * 2);
    let mut i = 0;
    while let Some(c) = line[i..].chars().next() {
        let rest = &line[i..];
        if Some(i) == bracket {
            paint(&mut out, BRACKET, &rest[..c.len_utf8()]);
            i += c.len_utf8();
        } else if c == '#' {
            let end = rest.find('\n').unwrap_or(rest.len());
            paint(&mut out, COMMENT, &rest[..end]);
            i += end;
        } else if c == '"' || c == '\'' {
            let end = string_end(rest);
            paint(&mut out, STRING, &rest[..end]);
            i += end;
        } else if c.is_ascii_digit() {
            let end = rest
                .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_' || ch == '.'))
                .unwrap_or(rest.len());
            paint(&mut out, NUMBER, &rest[..end]);
            i += end;
        } else if c.is_alphabetic() || c == '_' {
            let end = rest
                .find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                .unwrap_or(rest.len());
            let word = &rest[..end];
            let quote = rest[end..].starts_with(['"', '\'']);
            if quote && is_string_prefix(word) {
                let send = end + string_end(&rest[end..]);
                paint(&mut out, STRING, &rest[..send]);
                i += send;
                continue;
            }
            if KEYWORDS.contains(&word) {
                paint(&mut out, KEYWORD, word);
            } else {
                out.push_str(word);
            }
            i += end;
        } else {
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

fn paint(out: &mut String, colour: &str, text: &str) {
    out.push_str(colour);
    out.push_str(text);
    out.push_str(RESET);
}

fn is_string_prefix(word: &str) -> bool {
    word.len() <= 2 && word.chars().all(|c| "rRbBfFuU".contains(c))
}

/// Byte length of the string literal at the start of `s` (to the end when unterminated).
fn string_end(s: &str) -> usize {
    let quote = &s[..1];
    let triple = quote.repeat(3);
    let (open, close) = if s.starts_with(&triple) {
        (3, triple.as_str())
    } else {
        (1, quote)
    };
    let mut i = open;
    while i < s.len() {
        let r = &s[i..];
        if let Some(escaped) = r.strip_prefix('\\') {
            i += 1 + escaped.chars().next().map_or(0, char::len_utf8);
        } else if r.starts_with(close) {
            return i + close.len();
        } else if open == 1 && r.starts_with('\n') {
            return i;
        } else {
            i += r.chars().next().map_or(1, char::len_utf8);
        }
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(s: &str) -> String {
        let mut out = String::new();
        let mut esc = false;
        for c in s.chars() {
            match (esc, c) {
                (false, '\x1b') => esc = true,
                (true, 'm') => esc = false,
                (true, _) => {}
                (false, c) => out.push(c),
            }
        }
        out
    }

    #[test]
    fn colours_keep_the_text() {
        let line = "def f(x): return 'a#b' + 12 # note";
        assert_eq!(strip(&colorize(line, Some(5))), line);
    }

    #[test]
    fn keywords_strings_numbers_comments_coloured() {
        let c = colorize("if 'x' 3 # c", None);
        assert!(c.contains(&format!("{KEYWORD}if{RESET}")));
        assert!(c.contains(&format!("{STRING}'x'{RESET}")));
        assert!(c.contains(&format!("{NUMBER}3{RESET}")));
        assert!(c.contains(&format!("{COMMENT}# c{RESET}")));
    }

    #[test]
    fn unterminated_string_runs_to_the_end() {
        let c = colorize("x = \"\"\"abc", None);
        assert!(c.ends_with(&format!("{STRING}\"\"\"abc{RESET}")));
    }

    #[test]
    fn prefixed_string_and_escape() {
        let c = colorize("f'a\\'b' + x", None);
        assert!(c.starts_with(&format!("{STRING}f'a\\'b'{RESET}")));
    }

    #[test]
    fn identifiers_containing_keywords_are_plain() {
        assert_eq!(colorize("format", None), "format");
    }
}
