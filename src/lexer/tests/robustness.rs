//! Robustness and speed: no panic on any input, spans on char boundaries, linear time.

use super::*;

const TRICKY: &[&str] = &[
    "def f(a, *b, **c):\n\tif a:\n\t\treturn f'{a!r:>{b}} {c = }'\n\telse:\n\t\tpass\n",
    "x = '''multi\nline''' + \"s\\\"q\" + rb'\\x00' \\\n  + (1,\n2)\n",
    "class C:\n    def m(self): return [x for x in {1: 2}]  # c\n  \n0x_1 1e+5 .5j 09.5",
    "f'{x:{y:{z}}}' f'{a[\"b\"]}' f'{{}}' f'}' f'{' f'{x!}' f'\\N{BULLET}'",
    "\u{feff}if x:\r\n\ty\r\n\u{c}z\r\r\n    w",
];

#[test]
fn no_panic_on_prefixes() {
    for src in TRICKY {
        for (i, _) in src.char_indices() {
            let _ = lex(&src[..i]);
            let _ = tokenize_fragment(&src[..i], 7);
        }
    }
}

#[test]
fn no_panic_on_random_bytes() {
    // A small xorshift generator: deterministic, no dependency.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet = b"()[]{}'\"\\#\n\r\t fbr0x1e._=!:<>{}jJ\x0ca\xc3\xa9\xe2";
    for round in 0..3000 {
        let len = (next() % 40) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let r = next();
                if round % 2 == 0 {
                    alphabet[(r % alphabet.len() as u64) as usize]
                } else {
                    r as u8
                }
            })
            .collect();
        let text = String::from_utf8_lossy(&bytes);
        check_spans(&text);
        let _ = tokenize_fragment(&text, 0);
    }
}

#[test]
fn one_megabyte_is_fast() {
    let line = "    total = total + compute(x, 'text', 3.5) # comment\n";
    let mut src = String::from("def f(x):\n    total = 0\n");
    while src.len() < 1_000_000 {
        src.push_str(line);
    }
    let start = std::time::Instant::now();
    let t = lex(&src).unwrap();
    assert!(t.len() > 100_000);
    assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
}

/// Lexes `s` and checks that every span (tokens, errors, f-string fields) is a valid range
/// of char boundaries in `s`, and that each field's `expr_source` is the text at its offset.
fn check_spans(s: &str) {
    let valid = |span: Span| {
        span.start <= span.end
            && s.is_char_boundary(span.start as usize)
            && s.is_char_boundary(span.end as usize)
    };
    match lex(s) {
        Ok(toks) => {
            for (t, span) in toks {
                assert!(valid(span), "{s:?} {t:?} {span:?}");
                let Token::FString(parts) = t else { continue };
                for p in parts {
                    let FStringPart::Field(f) = p else { continue };
                    let o = f.expr_offset as usize;
                    assert_eq!(
                        s.get(o..o + f.expr_source.len()),
                        Some(f.expr_source.as_str())
                    );
                    if let Ok(inner) = tokenize_fragment(&f.expr_source, f.expr_offset) {
                        assert!(inner.iter().all(|&(_, sp)| valid(sp)), "{s:?}");
                    }
                }
            }
        }
        Err(e) => assert!(valid(e.span), "{s:?} {e:?}"),
    }
}

#[test]
fn spans_stay_on_char_boundaries() {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let pieces: &[&str] = &[
        "f'", "f\"", "'", "\"", "'''", "{", "}", "{{", "}}", "!r", "!", ":", "=", "\\", "\n", "\r",
        "\r\n", "\t", " ", "    ", "\\N{", "\\x", "\\u", "\\U", "\\0", "b'", "rb'", "é", "€",
        "\u{a0}", "0x", "0o", "0b", "1_", "1e", ".", "j", "(", ")", "[", "]", "#", "x", "if",
        "\x0c", "\0", "$", "9", "0", "\\\n",
    ];
    for _ in 0..30_000 {
        let n = (next() % 14) as usize;
        let s: String = (0..n)
            .map(|_| pieces[(next() % pieces.len() as u64) as usize])
            .collect();
        check_spans(&s);
    }
}

#[test]
fn pathological_inputs_stay_linear() {
    let n = 200_000;
    let inputs = [
        "'".repeat(n),
        "\\\n".repeat(n) + "x",
        "$".repeat(n),
        format!("x = \"\"\"{}", "a\n".repeat(n)),
        format!("f'{}'", "{x}".repeat(n / 3)),
        "a.".repeat(n) + "b",
        "é".repeat(n),
        format!("s = '{}'", "\\x41".repeat(n / 4)),
        "#\n".repeat(n),
    ];
    let start = std::time::Instant::now();
    for src in &inputs {
        let _ = lex(src);
    }
    assert!(start.elapsed().as_secs() < 10, "took {:?}", start.elapsed());
}
