//! `str` objects: immutable UTF-8 text with a lazily cached hash.

use std::sync::atomic::{AtomicI64, Ordering};

/// Marks "hash not computed yet"; a real hash equal to it is remapped (CPython reserves -1 too).
const HASH_UNSET: i64 = -1;

pub struct PyStr {
    s: String,
    /// True when every char is ASCII, so char indexing is byte indexing.
    ascii: bool,
    hash: AtomicI64,
}

impl PyStr {
    pub fn new(s: String) -> PyStr {
        let ascii = s.is_ascii();
        PyStr {
            s,
            ascii,
            hash: AtomicI64::new(HASH_UNSET),
        }
    }
    pub fn as_str(&self) -> &str {
        &self.s
    }
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }
    /// Length in characters, as `len()` counts.
    pub fn char_len(&self) -> usize {
        if self.ascii {
            self.s.len()
        } else {
            self.s.chars().count()
        }
    }
    /// The i-th character (0-based, already normalised to be in range).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.ascii {
            self.s.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.s.chars().nth(i)
        }
    }
    pub fn hash(&self) -> i64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != HASH_UNSET {
            return h;
        }
        let h = hash_bytes(self.s.as_bytes());
        self.hash.store(h, Ordering::Relaxed);
        h
    }
}

/// Identifiers (names in code objects, keys set by builtins) are interned: one shared `PyStr`
/// per name, so dict lookups of globals and attributes usually succeed on pointer equality.
static INTERNED: std::sync::LazyLock<
    parking_lot::Mutex<std::collections::HashMap<Box<str>, std::sync::Arc<PyStr>>>,
> = std::sync::LazyLock::new(Default::default);

/// The interned str for an identifier.
pub fn intern(s: &str) -> std::sync::Arc<PyStr> {
    let mut t = INTERNED.lock();
    if let Some(v) = t.get(s) {
        return v.clone();
    }
    let v = std::sync::Arc::new(PyStr::new(s.to_string()));
    v.hash();
    t.insert(s.into(), v.clone());
    v
}

/// A fast non-cryptographic hash for str and bytes (hash values of strings are not part of
/// Python's observable behaviour: CPython randomises them per process).
pub fn hash_bytes(b: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ (b.len() as u64);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    for &byte in chunks.remainder() {
        h = (h.rotate_left(5) ^ byte as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h ^= h >> 29;
    let h = h as i64;
    if h == HASH_UNSET {
        -2
    } else {
        h
    }
}

impl std::fmt::Debug for PyStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.s)
    }
}

/// Python's `repr()` of a str: single quotes unless the text has a single quote and no double.
pub fn repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// An approximation of `str.isprintable()` per character: control and separator characters
/// other than the ASCII space are not printable.
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if n < 0x20 || n == 0x7f {
        return false;
    }
    if (0x80..0xa0).contains(&n) || n == 0xad {
        return false;
    }
    if c != ' ' && c.is_whitespace() {
        return false;
    }
    // Surrogates cannot occur in Rust strings; unassigned code points are rare in scripts.
    !matches!(n, 0x2028 | 0x2029 | 0xfeff | 0x200b..=0x200f | 0xe000..=0xf8ff)
}

/// `ascii()`: like repr, with every non-ASCII character escaped.
pub fn ascii_repr(s: &str) -> String {
    let r = repr(s);
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

/// Python's `repr()` of bytes.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_picks_quotes_like_cpython() {
        assert_eq!(repr("abc"), "'abc'");
        assert_eq!(repr("it's"), "\"it's\"");
        assert_eq!(repr("'\""), "'\\'\"'");
        assert_eq!(repr("a\nb\x01"), "'a\\nb\\x01'");
        assert_eq!(repr("é"), "'é'");
        assert_eq!(ascii_repr("é"), "'\\xe9'");
        assert_eq!(bytes_repr(b"a'\x00"), "b\"a'\\x00\"");
    }

    #[test]
    fn hash_is_cached_and_stable() {
        let s = PyStr::new("hello".into());
        assert_eq!(s.hash(), s.hash());
        assert_eq!(s.hash(), PyStr::new("hello".into()).hash());
        assert_eq!(s.char_len(), 5);
        assert_eq!(PyStr::new("héllo".into()).char_len(), 5);
    }
}
