//! `str.format(*args, **kwargs)` and `str.format_map(mapping)`: CPython 3.11's
//! `Objects/stringlib/unicode_format.h` transcribed — literal text with `{{ }}` escapes,
//! fields `{name.attr[key]!conv:spec}`, automatic/manual numbering, nested `{}` inside specs
//! (two levels deep, as CPython) — with its error messages, raised in the same order.

use super::format::format_value;
use super::percent::ascii_escape;
use crate::objects::function::Args;
use crate::objects::{PyErr, PyResult, Value};
use crate::vm::Vm;

/// CPython expands fields nested in a format spec this many levels deep.
const MAX_RECURSION: u32 = 2;

/// Where named fields are looked up.
pub enum Named<'a> {
    /// The keyword arguments of `str.format`.
    Kwargs(Args<'a>),
    /// The mapping of `str.format_map`.
    Map(Value),
}

/// Automatic (`{}`) versus manual (`{0}`) numbering: a string may use only one of them.
#[derive(Clone, Copy, PartialEq)]
enum Numbering {
    Unset,
    Auto,
    Manual,
}

struct Formatter<'a> {
    /// Positional arguments; None for `format_map`.
    args: Option<&'a [Value]>,
    named: Named<'a>,
    numbering: Numbering,
    next_auto: usize,
}

fn value_error(m: &str) -> PyErr {
    PyErr::value_error(m)
}

/// `fmt.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, fmt: &str, args: &[Value], kwargs: Args) -> PyResult<String> {
    let mut f = Formatter {
        args: Some(args),
        named: Named::Kwargs(kwargs),
        numbering: Numbering::Unset,
        next_auto: 0,
    };
    let chars: Vec<char> = fmt.chars().collect();
    f.render(vm, &chars, MAX_RECURSION)
}

/// `fmt.format_map(mapping)`.
pub fn str_format_map(vm: &mut Vm, fmt: &str, mapping: Value) -> PyResult<String> {
    let mut f = Formatter {
        args: None,
        named: Named::Map(mapping),
        numbering: Numbering::Unset,
        next_auto: 0,
    };
    let chars: Vec<char> = fmt.chars().collect();
    f.render(vm, &chars, MAX_RECURSION)
}

/// A parsed replacement field.
struct Field {
    name: String,
    conversion: Option<char>,
    spec: Vec<char>,
    spec_needs_expanding: bool,
}

/// CPython's `parse_field`: `pos` is just past the opening `{`.
fn parse_field(s: &[char], pos: &mut usize) -> PyResult<Field> {
    let mut c = '\0';
    let name_start = *pos;
    while *pos < s.len() {
        c = s[*pos];
        *pos += 1;
        match c {
            '{' => return Err(value_error("unexpected '{' in field name")),
            '[' => {
                while *pos < s.len() && s[*pos] != ']' {
                    *pos += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let name: String = s[name_start..(*pos).saturating_sub(1).max(name_start)]
        .iter()
        .collect();
    let mut field = Field {
        name,
        conversion: None,
        spec: Vec::new(),
        spec_needs_expanding: false,
    };
    if c == '!' || c == ':' {
        if c == '!' {
            let Some(&conv) = s.get(*pos) else {
                return Err(value_error(
                    "end of string while looking for conversion specifier",
                ));
            };
            *pos += 1;
            field.conversion = Some(conv);
            if let Some(&next) = s.get(*pos) {
                *pos += 1;
                if next == '}' {
                    return Ok(field);
                }
                if next != ':' {
                    return Err(value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        while *pos < s.len() {
            let c = s[*pos];
            *pos += 1;
            match c {
                '{' => {
                    field.spec_needs_expanding = true;
                    count += 1;
                }
                '}' => {
                    count -= 1;
                    if count == 0 {
                        field.spec = s[spec_start..*pos - 1].to_vec();
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(value_error("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(value_error("expected '}' before end of string"));
    }
    Ok(field)
}

/// A field-name part that is all decimal digits, as an index (CPython's `get_integer`).
fn as_index(s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    let mut n: usize = 0;
    for b in s.bytes() {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add((b - b'0') as usize))
            .filter(|&n| n <= i64::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(n))
}

impl Formatter<'_> {
    fn render(&mut self, vm: &mut Vm, s: &[char], depth: u32) -> PyResult<String> {
        if depth == 0 {
            return Err(value_error("Max string recursion exceeded"));
        }
        let mut out = String::with_capacity(s.len());
        let mut pos = 0;
        while pos < s.len() {
            // Literal text up to a brace.
            let c = s[pos];
            pos += 1;
            if c != '{' && c != '}' {
                out.push(c);
                continue;
            }
            let at_end = pos >= s.len();
            if c == '}' && (at_end || s[pos] != '}') {
                return Err(value_error("Single '}' encountered in format string"));
            }
            if at_end {
                return Err(value_error("Single '{' encountered in format string"));
            }
            if s[pos] == c {
                out.push(c);
                pos += 1;
                continue;
            }
            let field = parse_field(s, &mut pos)?;
            self.render_field(vm, &field, depth, &mut out)?;
        }
        Ok(out)
    }

    fn render_field(
        &mut self,
        vm: &mut Vm,
        field: &Field,
        depth: u32,
        out: &mut String,
    ) -> PyResult<()> {
        let obj = self.field_object(vm, &field.name)?;
        let obj = match field.conversion {
            None => obj,
            Some('r') => Value::str(vm.repr(&obj)?),
            Some('s') => Value::str(vm.str(&obj)?),
            Some('a') => Value::str(ascii_escape(&vm.repr(&obj)?)),
            Some(c) => {
                let n = c as u32;
                return Err(PyErr::value_error(if n > 32 && n < 127 {
                    format!("Unknown conversion specifier {c}")
                } else {
                    format!("Unknown conversion specifier \\x{n:x}")
                }));
            }
        };
        let spec = if field.spec_needs_expanding {
            self.render(vm, &field.spec, depth - 1)?
        } else {
            field.spec.iter().collect()
        };
        out.push_str(&format_value(vm, &obj, &spec)?);
        Ok(())
    }

    /// Resolves `first.attr[key]...` to an object (CPython's `get_field_object`).
    fn field_object(&mut self, vm: &mut Vm, name: &str) -> PyResult<Value> {
        let split = name.find(['.', '[']).unwrap_or(name.len());
        let (first, mut rest) = name.split_at(split);
        let mut index = as_index(first)?;
        let is_empty = first.is_empty();
        if is_empty || index.is_some() {
            if self.numbering == Numbering::Unset {
                self.numbering = if is_empty {
                    Numbering::Auto
                } else {
                    Numbering::Manual
                };
            }
            match (self.numbering, is_empty) {
                (Numbering::Manual, true) => return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                )),
                (Numbering::Auto, false) => return Err(value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                )),
                _ => {}
            }
            if is_empty {
                index = Some(self.next_auto);
                self.next_auto += 1;
            }
        }
        let mut obj = match index {
            None => {
                let key = Value::str(first);
                match &self.named {
                    Named::Kwargs(kw) => match kw.get_kw(first) {
                        Some(v) => v.clone(),
                        None => return Err(PyErr::key_error(key)),
                    },
                    Named::Map(m) => {
                        let m = m.clone();
                        vm.getitem(&m, &key)?
                    }
                }
            }
            Some(i) => {
                let Some(args) = self.args else {
                    return Err(value_error("Format string contains positional fields"));
                };
                match args.get(i) {
                    Some(v) => v.clone(),
                    None => {
                        return Err(PyErr::index_error(format!(
                            "Replacement index {i} out of range for positional args tuple"
                        )))
                    }
                }
            }
        };
        while !rest.is_empty() {
            let (is_attr, part, after) = if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                (true, &r[..end], &r[end..])
            } else if let Some(r) = rest.strip_prefix('[') {
                match r.find(']') {
                    Some(end) => (false, &r[..end], &r[end + 1..]),
                    None => return Err(value_error("Missing ']' in format string")),
                }
            } else {
                return Err(value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            };
            if part.is_empty() {
                return Err(value_error("Empty attribute in format string"));
            }
            obj = if is_attr {
                vm.getattr(&obj, part)?
            } else {
                let key = match as_index(part)? {
                    Some(i) => Value::Int(i as i64),
                    None => Value::str(part),
                };
                vm.getitem(&obj, &key)?
            };
            rest = after;
        }
        Ok(obj)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{i, msg, s, vm};
    use super::*;

    fn fmt(f: &str, args: &[Value]) -> String {
        let mut vm = vm();
        let names = [Value::str("w")];
        let vals = [Value::Int(4)];
        match str_format(&mut vm, f, args, Args::with_kw(&[], &names, &vals)) {
            Ok(s) => s,
            Err(e) => msg(&e),
        }
    }

    #[test]
    fn fields_render_like_cpython() {
        assert_eq!(fmt("{}", &[i(1)]), "1");
        assert_eq!(fmt("{0[0]}", &[Value::list(vec![i(5)])]), "5");
        assert_eq!(fmt("{:{w}}", &[i(1)]), "   1");
        assert_eq!(fmt("{:{}}", &[i(1), i(5)]), "    1");
        assert_eq!(fmt("{0:{1}}", &[i(1), i(5)]), "    1");
        assert_eq!(fmt("{{}}", &[]), "{}");
        assert_eq!(fmt("{!r}", &[s("a")]), "'a'");
        assert_eq!(fmt("{0!a}", &[s("é")]), "'\\xe9'");
        assert_eq!(fmt("{:>5}|{:<5}|", &[i(1), i(2)]), "    1|2    |");
        assert_eq!(fmt("{0[1]}", &[s("ab")]), "b");
        assert_eq!(fmt("{00}", &[i(1)]), "1");
        assert_eq!(fmt("{0:}", &[i(1)]), "1");
        assert_eq!(fmt("{:%}", &[Value::Float(0.5)]), "50.000000%");
        assert_eq!(fmt("{0[0].real}", &[Value::list(vec![i(1)])]), "1");
        assert_eq!(fmt("{w}", &[]), "4");
    }

    #[test]
    fn replacement_index_out_of_range() {
        assert_eq!(
            fmt("{0}{1}", &[i(1)]),
            "IndexError: Replacement index 1 out of range for positional args tuple"
        );
    }

    #[test]
    fn numbering_switch_errors() {
        assert_eq!(
            fmt("{}{0}", &[i(1)]),
            "ValueError: cannot switch from automatic field numbering to manual field specification"
        );
        assert_eq!(
            fmt("{0}{}", &[i(1)]),
            "ValueError: cannot switch from manual field specification to automatic field numbering"
        );
    }

    #[test]
    fn missing_names_are_key_errors() {
        assert_eq!(fmt("{a}", &[]), "KeyError: 'a'");
        assert_eq!(fmt("{ 0}", &[i(1)]), "KeyError: ' 0'");
        assert_eq!(fmt("{-1}", &[i(1)]), "KeyError: '-1'");
        assert_eq!(fmt("{0]}", &[i(1)]), "KeyError: '0]'");
    }

    #[test]
    fn single_braces() {
        assert_eq!(
            fmt("}", &[]),
            "ValueError: Single '}' encountered in format string"
        );
        assert_eq!(
            fmt("{0}}", &[i(1)]),
            "ValueError: Single '}' encountered in format string"
        );
        assert_eq!(
            fmt("{", &[]),
            "ValueError: Single '{' encountered in format string"
        );
    }

    #[test]
    fn field_syntax_errors() {
        assert_eq!(
            fmt("a{0", &[i(1)]),
            "ValueError: expected '}' before end of string"
        );
        assert_eq!(
            fmt("{0[}", &[i(1)]),
            "ValueError: expected '}' before end of string"
        );
        assert_eq!(
            fmt("{0!}", &[i(1)]),
            "ValueError: unmatched '{' in format spec"
        );
        assert_eq!(
            fmt("{0!rr}", &[i(1)]),
            "ValueError: expected ':' after conversion specifier"
        );
        assert_eq!(
            fmt("{0!x}", &[i(1)]),
            "ValueError: Unknown conversion specifier x"
        );
        assert_eq!(
            fmt("{0.}", &[i(1)]),
            "ValueError: Empty attribute in format string"
        );
        assert_eq!(
            fmt("{0[0]x}", &[Value::list(vec![i(1)])]),
            "ValueError: Only '.' or '[' may follow ']' in format field specifier"
        );
        assert_eq!(
            fmt("{:{:{}}}", &[i(1), i(2), i(3)]),
            "ValueError: Max string recursion exceeded"
        );
        assert_eq!(
            fmt("{0!", &[i(1)]),
            "ValueError: end of string while looking for conversion specifier"
        );
        assert_eq!(
            fmt("{a{}", &[i(1)]),
            "ValueError: unexpected '{' in field name"
        );
    }

    #[test]
    fn item_lookup_errors_come_from_the_object() {
        assert_eq!(
            fmt("{0[a]}", &[Value::list(vec![i(1)])]),
            "TypeError: list indices must be integers or slices, not str"
        );
        assert_eq!(
            fmt("{0[0]}", &[i(1)]),
            "TypeError: 'int' object is not subscriptable"
        );
    }

    #[test]
    fn format_map_rejects_positional_fields() {
        let mut vm = vm();
        let d = Value::Dict(std::sync::Arc::new(crate::objects::DictObj::new()));
        let e = str_format_map(&mut vm, "{0}", d.clone()).unwrap_err();
        assert_eq!(
            msg(&e),
            "ValueError: Format string contains positional fields"
        );
        let e = str_format_map(&mut vm, "{a}", d).unwrap_err();
        assert_eq!(msg(&e), "KeyError: 'a'");
    }
}
