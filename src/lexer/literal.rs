//! Literal decoding: numbers (scanned by hand, as CPython's tokenizer does, so its error
//! messages come out the same) and the escape sequences of str and bytes literals.
//! Called from the raw scanner (numbers) and the layout pass (strings).

use num_bigint::BigUint;

use super::raw::{char_end, RawError};
use super::token::IntLit;

/// A decoded numeric literal.
#[derive(Clone, Debug, PartialEq)]
pub enum Number {
    Int(IntLit),
    Float(f64),
    Imag(f64),
}

fn is_potential_identifier_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 128
}

/// CPython's `verify_end_of_number`: a number may be directly followed by a few keywords
/// (`1if x else y` is valid 3.11), but not by another identifier character.
fn verify_end(bytes: &[u8], i: usize, kind: &str) -> Result<(), RawError> {
    let Some(&c) = bytes.get(i) else {
        return Ok(());
    };
    let rest = &bytes[i..];
    let keyword_follows = match c {
        b'a' => rest.starts_with(b"and"),
        b'e' => rest.starts_with(b"else"),
        b'f' => rest.starts_with(b"for"),
        b'i' => matches!(rest.get(1), Some(b'f' | b'n' | b's')),
        b'o' => rest.starts_with(b"or"),
        b'n' => rest.starts_with(b"not"),
        _ => false,
    };
    if !keyword_follows && is_potential_identifier_char(c) {
        return Err(invalid(bytes, kind, i - 1));
    }
    Ok(())
}

/// `invalid <kind> literal` at the character CPython's caret points to: the one before
/// its read position, which is usually the last character of the number.
fn invalid(bytes: &[u8], kind: &str, at: usize) -> RawError {
    RawError::new(format!("invalid {kind} literal"), at, char_end(bytes, at))
}

/// Skips digits and single underscores between digits (CPython's `tok_decimal_tail`).
/// `i` is on a digit. Returns the offset after the digits.
fn decimal_tail(bytes: &[u8], mut i: usize) -> Result<usize, RawError> {
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if bytes.get(i) != Some(&b'_') {
            return Ok(i);
        }
        i += 1;
        if !bytes.get(i).is_some_and(u8::is_ascii_digit) {
            return Err(invalid(bytes, "decimal", i.saturating_sub(1)));
        }
    }
}

/// Scans the number starting at `start` (a digit, or `.` followed by a digit) and decodes
/// it. Returns the number and the offset just past it.
pub fn scan_number(text: &str, start: usize) -> Result<(Number, usize), RawError> {
    let bytes = text.as_bytes();
    let mut i = start;
    if bytes.get(i) == Some(&b'0') {
        let radix = match bytes.get(i + 1) {
            Some(b'x' | b'X') => Some((16, "hexadecimal")),
            Some(b'o' | b'O') => Some((8, "octal")),
            Some(b'b' | b'B') => Some((2, "binary")),
            _ => None,
        };
        if let Some((radix, kind)) = radix {
            return scan_radix(bytes, start, radix, kind);
        }
        // Zeros, maybe an old-style octal (an error) or the start of a float.
        i += 1;
        loop {
            if bytes.get(i) == Some(&b'_') {
                i += 1;
                if !bytes.get(i).is_some_and(u8::is_ascii_digit) {
                    return Err(invalid(bytes, "decimal", i.saturating_sub(1)));
                }
            }
            if bytes.get(i) != Some(&b'0') {
                break;
            }
            i += 1;
        }
        let zeros_end = i;
        let mut nonzero = false;
        if bytes.get(i).is_some_and(u8::is_ascii_digit) {
            nonzero = true;
            i = decimal_tail(bytes, i)?;
        }
        match bytes.get(i) {
            Some(b'.') => return fraction(text, start, i + 1),
            Some(b'e' | b'E') => return exponent(text, start, i),
            Some(b'j' | b'J') => return imaginary(text, start, i),
            _ => {}
        }
        if nonzero {
            return Err(RawError::new(
                "leading zeros in decimal integer literals are not permitted; \
                 use an 0o prefix for octal integers",
                start,
                zeros_end.max(start + 1),
            ));
        }
        verify_end(bytes, i, "decimal")?;
        return Ok((Number::Int(IntLit::Small(0)), i));
    }
    if bytes.get(i) == Some(&b'.') {
        return fraction(text, start, i + 1);
    }
    i = decimal_tail(bytes, i)?;
    match bytes.get(i) {
        Some(b'.') => fraction(text, start, i + 1),
        Some(b'e' | b'E') => exponent(text, start, i),
        Some(b'j' | b'J') => imaginary(text, start, i),
        _ => {
            verify_end(bytes, i, "decimal")?;
            Ok((Number::Int(int_from_digits(&text[start..i], 10)), i))
        }
    }
}

/// After the `.` of a float: optional digits, then maybe an exponent or `j`.
fn fraction(text: &str, start: usize, mut i: usize) -> Result<(Number, usize), RawError> {
    let bytes = text.as_bytes();
    if bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i = decimal_tail(bytes, i)?;
    }
    match bytes.get(i) {
        Some(b'e' | b'E') => exponent(text, start, i),
        Some(b'j' | b'J') => imaginary(text, start, i),
        _ => {
            verify_end(bytes, i, "decimal")?;
            Ok((Number::Float(parse_float(&text[start..i])), i))
        }
    }
}

/// At the `e` of an exponent. A bare `e` not followed by digits ends the number before it
/// (so `1else` is `1` then `else`), as CPython does.
fn exponent(text: &str, start: usize, e: usize) -> Result<(Number, usize), RawError> {
    let bytes = text.as_bytes();
    let mut i = e + 1;
    if matches!(bytes.get(i), Some(b'+' | b'-')) {
        i += 1;
        if !bytes.get(i).is_some_and(u8::is_ascii_digit) {
            return Err(invalid(bytes, "decimal", i.saturating_sub(1)));
        }
    } else if !bytes.get(i).is_some_and(u8::is_ascii_digit) {
        verify_end(bytes, e, "decimal")?;
        return Ok((number_before_exponent(text, start, e), e));
    }
    i = decimal_tail(bytes, i)?;
    if matches!(bytes.get(i), Some(b'j' | b'J')) {
        return imaginary(text, start, i);
    }
    verify_end(bytes, i, "decimal")?;
    Ok((Number::Float(parse_float(&text[start..i])), i))
}

/// The number that ends just before a bare `e` (only reachable via `1else`-like input).
fn number_before_exponent(text: &str, start: usize, e: usize) -> Number {
    let s = &text[start..e];
    if s.contains('.') {
        Number::Float(parse_float(s))
    } else {
        Number::Int(int_from_digits(s, 10))
    }
}

/// At the `j` of an imaginary literal.
fn imaginary(text: &str, start: usize, j: usize) -> Result<(Number, usize), RawError> {
    verify_end(text.as_bytes(), j + 1, "imaginary")?;
    Ok((Number::Imag(parse_float(&text[start..j])), j + 1))
}

fn parse_float(s: &str) -> f64 {
    let cleaned: String = s.chars().filter(|&c| c != '_').collect();
    // The scanner only accepts well-formed floats; overflow parses to inf, as in CPython.
    cleaned.parse::<f64>().unwrap_or(f64::NAN)
}

/// `0x`/`0o`/`0b` literals, as CPython's tokenizer scans them.
fn scan_radix(
    bytes: &[u8],
    start: usize,
    radix: u32,
    kind: &str,
) -> Result<(Number, usize), RawError> {
    let is_digit = |b: u8| (b as char).is_digit(radix);
    let mut i = start + 2;
    loop {
        if bytes.get(i) == Some(&b'_') {
            i += 1;
        }
        match bytes.get(i) {
            Some(&b) if is_digit(b) => {}
            Some(&b) if radix != 16 && b.is_ascii_digit() => {
                return Err(bad_digit(b, kind, i));
            }
            _ => {
                return Err(invalid(bytes, kind, i.saturating_sub(1).max(start + 1)));
            }
        }
        while bytes.get(i).is_some_and(|&b| is_digit(b)) {
            i += 1;
        }
        if bytes.get(i) != Some(&b'_') {
            break;
        }
    }
    if radix != 16 {
        if let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
            return Err(bad_digit(b, kind, i));
        }
    }
    verify_end(bytes, i, kind)?;
    // The slice is ASCII digits and underscores.
    let digits = std::str::from_utf8(&bytes[start + 2..i]).unwrap_or("0");
    Ok((Number::Int(int_from_digits(digits, radix)), i))
}

fn bad_digit(b: u8, kind: &str, at: usize) -> RawError {
    RawError::new(
        format!("invalid digit '{}' in {kind} literal", b as char),
        at,
        at + 1,
    )
}

/// Digits (underscores allowed) in `radix` → a small or big integer literal.
fn int_from_digits(s: &str, radix: u32) -> IntLit {
    let cleaned: String = s.chars().filter(|&c| c != '_').collect();
    if let Ok(v) = i64::from_str_radix(&cleaned, radix) {
        return IntLit::Small(v);
    }
    match BigUint::parse_bytes(cleaned.as_bytes(), radix) {
        Some(big) => IntLit::Big(big.to_str_radix(10)),
        None => IntLit::Small(0),
    }
}

/// A bad escape sequence: the message and the byte range of the escape within the body.
#[derive(Debug, PartialEq)]
pub struct EscapeError {
    pub message: String,
    pub start: usize,
    pub end: usize,
}

/// Decodes the body of a str literal (between the quotes). Raw bodies are returned as is.
pub fn decode_str(body: &str, raw: bool) -> Result<String, EscapeError> {
    if raw || !body.contains('\\') {
        return Ok(body.to_string());
    }
    let bytes = body.as_bytes();
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    while i < bytes.len() {
        let Some(rel) = body[i..].find('\\') else {
            out.push_str(&body[i..]);
            break;
        };
        out.push_str(&body[i..i + rel]);
        let bs = i + rel;
        i = bs + 1;
        let Some(&c) = bytes.get(i) else {
            // A lone trailing backslash cannot reach here (it would escape the quote).
            out.push('\\');
            break;
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\r' => {
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let (value, next) = octal(bytes, i - 1);
                i = next;
                out.push(char::from_u32(value).unwrap_or('\u{FFFD}'));
            }
            b'x' | b'u' | b'U' => {
                let (n, what) = match c {
                    b'x' => (2, "\\xXX"),
                    b'u' => (4, "\\uXXXX"),
                    _ => (8, "\\UXXXXXXXX"),
                };
                let (value, next) = hex_digits(bytes, i, n);
                let Some(value) = value else {
                    let what = format!("truncated {what} escape");
                    return Err(unicode_error(body, bs, next, &what));
                };
                i = next;
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    // A lone surrogate is a valid Python str element but cannot live in a
                    // Rust `String`: it becomes U+FFFD.
                    None if (0xD800..=0xDFFF).contains(&value) => out.push('\u{FFFD}'),
                    None => return Err(unicode_error(body, bs, i, "illegal Unicode character")),
                }
            }
            b'N' => {
                let (ch, next) = named_escape(body, i)
                    .map_err(|(end, msg)| unicode_error(body, bs, end, msg))?;
                i = next;
                out.push(ch);
            }
            _ => {
                // Unknown escapes stay verbatim (CPython warns but keeps them).
                out.push('\\');
                i -= 1;
            }
        }
    }
    Ok(out)
}

/// The escape at `start..end` of `body` is bad. The message gives positions as CPython
/// does: it decodes a copy of the body in which each non-ASCII character became a 10-byte
/// `\UXXXXXXXX` escape, and names the last byte of the bad escape.
fn unicode_error(body: &str, start: usize, end: usize, what: &str) -> EscapeError {
    let pos = |idx: usize| -> usize {
        let prefix = body.get(..idx).unwrap_or(body);
        prefix
            .chars()
            .map(|c| if c.is_ascii() { 1 } else { 10 })
            .sum()
    };
    let (from, to) = (pos(start), pos(end));
    EscapeError {
        message: format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {from}-{}: {what}",
            to.saturating_sub(1).max(from)
        ),
        start,
        end,
    }
}

/// Up to three octal digits starting at `i`.
fn octal(bytes: &[u8], mut i: usize) -> (u32, usize) {
    let mut value = 0u32;
    let end = i + 3;
    while i < end {
        match bytes.get(i) {
            Some(&b @ b'0'..=b'7') => value = value * 8 + (b - b'0') as u32,
            _ => break,
        }
        i += 1;
    }
    (value, i)
}

/// Exactly `n` hex digits at `i`: the value, or `None` and where the digits stopped.
fn hex_digits(bytes: &[u8], mut i: usize, n: usize) -> (Option<u32>, usize) {
    let mut value = 0u32;
    for _ in 0..n {
        match bytes.get(i).and_then(|&b| (b as char).to_digit(16)) {
            Some(d) => value = value.wrapping_mul(16).wrapping_add(d),
            None => return (None, i),
        }
        i += 1;
    }
    (Some(value), i)
}

/// `\N{NAME}` with `i` just after the `N`. Err carries where CPython stops scanning the
/// bad escape and why.
fn named_escape(body: &str, i: usize) -> Result<(char, usize), (usize, &'static str)> {
    const MALFORMED: &str = "malformed \\N character escape";
    if body.as_bytes().get(i) != Some(&b'{') {
        return Err((i, MALFORMED));
    }
    let Some(close) = body[i + 1..].find('}') else {
        return Err((body.len(), MALFORMED));
    };
    if close == 0 {
        return Err((i + 1, MALFORMED));
    }
    let name = &body[i + 1..i + 1 + close];
    let end = i + 2 + close;
    lookup_name(name)
        .map(|c| (c, end))
        .ok_or((end, "unknown Unicode character name"))
}

/// A small table of Unicode character names: pyt has no full name database, so `\N{...}`
/// knows only the names programs commonly use.
fn lookup_name(name: &str) -> Option<char> {
    let upper = name.to_ascii_uppercase();
    Some(match upper.as_str() {
        "NULL" => '\0',
        "BELL" => '\x07',
        "LINE FEED" => '\n',
        "CARRIAGE RETURN" => '\r',
        "CHARACTER TABULATION" => '\t',
        "ESCAPE" => '\x1b',
        "SPACE" => ' ',
        "NO-BREAK SPACE" => '\u{a0}',
        "DEGREE SIGN" => '°',
        "MICRO SIGN" => 'µ',
        "MIDDLE DOT" => '·',
        "MULTIPLICATION SIGN" => '×',
        "DIVISION SIGN" => '÷',
        "EN DASH" => '–',
        "EM DASH" => '—',
        "HORIZONTAL ELLIPSIS" => '…',
        "BULLET" => '•',
        "LEFT SINGLE QUOTATION MARK" => '‘',
        "RIGHT SINGLE QUOTATION MARK" => '’',
        "LEFT DOUBLE QUOTATION MARK" => '“',
        "RIGHT DOUBLE QUOTATION MARK" => '”',
        "EURO SIGN" => '€',
        "POUND SIGN" => '£',
        "COPYRIGHT SIGN" => '©',
        "REGISTERED SIGN" => '®',
        "GREEK SMALL LETTER ALPHA" => 'α',
        "GREEK SMALL LETTER BETA" => 'β',
        "GREEK SMALL LETTER PI" => 'π',
        "GREEK CAPITAL LETTER DELTA" => 'Δ',
        "GREEK CAPITAL LETTER OMEGA" => 'Ω',
        "INFINITY" => '∞',
        "RIGHTWARDS ARROW" => '→',
        "LEFTWARDS ARROW" => '←',
        "CHECK MARK" => '✓',
        "BLACK STAR" => '★',
        "SNOWMAN" => '☃',
        "ZERO WIDTH SPACE" => '\u{200b}',
        "REPLACEMENT CHARACTER" => '\u{fffd}',
        _ => {
            if let Some(letter) = upper.strip_prefix("LATIN SMALL LETTER ") {
                return single_ascii_letter(letter).map(|c| c.to_ascii_lowercase());
            }
            if let Some(letter) = upper.strip_prefix("LATIN CAPITAL LETTER ") {
                return single_ascii_letter(letter);
            }
            if let Some(digit) = upper.strip_prefix("DIGIT ") {
                let names = [
                    "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
                ];
                return names
                    .iter()
                    .position(|&n| n == digit)
                    .and_then(|d| char::from_digit(d as u32, 10));
            }
            return None;
        }
    })
}

fn single_ascii_letter(s: &str) -> Option<char> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_uppercase() => Some(c),
        _ => None,
    }
}

/// Decodes the body of a bytes literal. Non-ASCII characters are an error (reported by the
/// caller before this is called); `\u`, `\U` and `\N` are not escapes in bytes.
pub fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, EscapeError> {
    let bytes = body.as_bytes();
    if raw || !bytes.contains(&b'\\') {
        return Ok(bytes.to_vec());
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        let bs = i;
        i += 1;
        let Some(&c) = bytes.get(i) else {
            out.push(b'\\');
            break;
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\r' => {
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(0x07),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(0x0b),
            b'0'..=b'7' => {
                let (value, next) = octal(bytes, i - 1);
                i = next;
                // CPython 3.11 keeps the low byte of `\400`..`\777` (with a warning).
                out.push((value & 0xff) as u8);
            }
            b'x' => {
                let (value, next) = hex_digits(bytes, i, 2);
                let Some(value) = value else {
                    return Err(EscapeError {
                        message: format!("(value error) invalid \\x escape at position {bs}"),
                        start: bs,
                        end: next,
                    });
                };
                i = next;
                out.push(value as u8);
            }
            _ => {
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Result<Number, String> {
        scan_number(s, 0)
            .map(|(n, _)| n)
            .map_err(|e| e.message.unwrap_or_default())
    }

    #[test]
    fn decimal_hex_octal_binary() {
        assert_eq!(num("1_000"), Ok(Number::Int(IntLit::Small(1000))));
        assert_eq!(num("0xFF"), Ok(Number::Int(IntLit::Small(255))));
        assert_eq!(num("0O17"), Ok(Number::Int(IntLit::Small(15))));
        assert_eq!(num("0b1_01"), Ok(Number::Int(IntLit::Small(5))));
        assert_eq!(num("00"), Ok(Number::Int(IntLit::Small(0))));
        assert_eq!(num("0_0"), Ok(Number::Int(IntLit::Small(0))));
    }

    #[test]
    fn big_integers_become_decimal_digits() {
        assert_eq!(
            num("99999999999999999999"),
            Ok(Number::Int(IntLit::Big("99999999999999999999".into())))
        );
        assert_eq!(
            num("0xFFFFFFFFFFFFFFFFFF"),
            Ok(Number::Int(IntLit::Big("4722366482869645213695".into())))
        );
        assert_eq!(
            num("9223372036854775807"),
            Ok(Number::Int(IntLit::Small(i64::MAX)))
        );
        assert_eq!(
            num("9223372036854775808"),
            Ok(Number::Int(IntLit::Big("9223372036854775808".into())))
        );
        assert_eq!(
            num("0o7777777777777777777777777"),
            Ok(Number::Int(IntLit::Big("37778931862957161709567".into())))
        );
    }

    #[test]
    fn floats_and_imaginary() {
        assert_eq!(num("1."), Ok(Number::Float(1.0)));
        assert_eq!(num(".5"), Ok(Number::Float(0.5)));
        assert_eq!(num("1e10"), Ok(Number::Float(1e10)));
        assert_eq!(num("1.5E-3"), Ok(Number::Float(1.5e-3)));
        assert_eq!(num("1_0.0_1"), Ok(Number::Float(10.01)));
        assert_eq!(num("3j"), Ok(Number::Imag(3.0)));
        assert_eq!(num("1.5J"), Ok(Number::Imag(1.5)));
        assert_eq!(num("09.5"), Ok(Number::Float(9.5)));
        assert_eq!(num("09j"), Ok(Number::Imag(9.0)));
        assert_eq!(num("0e5"), Ok(Number::Float(0.0)));
        assert_eq!(num("1e400"), Ok(Number::Float(f64::INFINITY)));
        // Correctly rounded at the edges, as CPython's float parsing.
        assert_eq!(num("5e-324"), Ok(Number::Float(f64::from_bits(1))));
        assert_eq!(num("1e-400"), Ok(Number::Float(0.0)));
        assert_eq!(
            num("9007199254740993.0"),
            Ok(Number::Float(9007199254740992.0))
        );
    }

    #[test]
    fn number_followed_by_keyword_ends_before_it() {
        assert_eq!(scan_number("1if", 0).map(|r| r.1), Ok(1));
        assert_eq!(scan_number("1else", 0).map(|r| r.1), Ok(1));
        // `f` is a hex digit: this is `0x1f or`.
        assert_eq!(scan_number("0x1for", 0).map(|r| r.1), Ok(4));
    }

    #[test]
    fn error_leading_zeros() {
        let msg = "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
        assert_eq!(num("012"), Err(msg.into()));
        assert_eq!(num("09"), Err(msg.into()));
    }

    #[test]
    fn error_invalid_decimal_literal() {
        for s in [
            "1abc", "1_", "1__0", "1e", "1e+", "1.5abc", "1e5x", "1._5", "1e_5",
        ] {
            assert_eq!(num(s), Err("invalid decimal literal".into()), "{s}");
        }
    }

    #[test]
    fn error_invalid_radix_literals() {
        assert_eq!(num("0x"), Err("invalid hexadecimal literal".into()));
        assert_eq!(num("0xg"), Err("invalid hexadecimal literal".into()));
        assert_eq!(num("0x_"), Err("invalid hexadecimal literal".into()));
        assert_eq!(num("0xfg"), Err("invalid hexadecimal literal".into()));
        assert_eq!(num("0o"), Err("invalid octal literal".into()));
        assert_eq!(num("0o7a"), Err("invalid octal literal".into()));
        assert_eq!(num("0b"), Err("invalid binary literal".into()));
        assert_eq!(num("0b1a"), Err("invalid binary literal".into()));
        assert_eq!(num("1jx"), Err("invalid imaginary literal".into()));
    }

    #[test]
    fn error_invalid_digit() {
        assert_eq!(num("0o8"), Err("invalid digit '8' in octal literal".into()));
        assert_eq!(
            num("0o18"),
            Err("invalid digit '8' in octal literal".into())
        );
        assert_eq!(
            num("0b2"),
            Err("invalid digit '2' in binary literal".into())
        );
        assert_eq!(
            num("0b12"),
            Err("invalid digit '2' in binary literal".into())
        );
    }

    #[test]
    fn str_escapes() {
        let d = |s: &str| decode_str(s, false).unwrap();
        assert_eq!(
            d(r#"a\\b\'\"\a\b\f\n\r\t\v"#),
            "a\\b'\"\x07\x08\x0c\n\r\t\x0b"
        );
        assert_eq!(d("a\\\nb"), "ab");
        assert_eq!(d(r"\033[0m"), "\x1b[0m");
        assert_eq!(d(r"\777"), "\u{1ff}");
        assert_eq!(d(r"\x41\u00e9\U0001F600"), "Aé😀");
        assert_eq!(d(r"\d\w"), "\\d\\w");
        assert_eq!(d(r"\uDC80"), "\u{FFFD}");
        assert_eq!(d(r"\N{BULLET} \N{latin small letter a}"), "• a");
        assert_eq!(decode_str(r"\n", true).unwrap(), "\\n");
    }

    #[test]
    fn error_truncated_escapes() {
        let e = |s: &str| decode_str(s, false).unwrap_err().message;
        assert_eq!(
            e(r"\x4"),
            r"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape"
        );
        assert_eq!(
            e(r"\u12"),
            r"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \uXXXX escape"
        );
        assert_eq!(
            e(r"\U00110000"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character"
        );
        assert_eq!(
            e(r"\N{foo}"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name"
        );
        let malformed = "malformed \\N character escape";
        let at = |range: &str, what: &str| {
            format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {range}: {what}")
        };
        assert_eq!(e(r"\Nab"), at("0-1", malformed));
        assert_eq!(e(r"\N{}"), at("0-2", malformed));
        assert_eq!(e(r"ab\N{x"), at("2-5", malformed));
        // CPython counts each non-ASCII character as ten bytes (its `\UXXXXXXXX` form).
        assert_eq!(e(r"é\x4"), at("10-12", r"truncated \xXX escape"));
        assert_eq!(
            e(r"\b\N{é\N{NOPE}"),
            at("2-22", "unknown Unicode character name")
        );
    }

    #[test]
    fn bytes_escapes() {
        let d = |s: &str| decode_bytes(s, false).unwrap();
        assert_eq!(
            d(r"\x00\xff\n\777\u1234"),
            b"\x00\xff\n\xff\\u1234".to_vec()
        );
        assert_eq!(
            decode_bytes(r"\x4", false).unwrap_err().message,
            r"(value error) invalid \x escape at position 0"
        );
    }
}
