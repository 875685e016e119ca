//! The methods of `list`. Each takes the list's lock once and runs whole (so `append` and
//! `pop` are atomic across threads); methods that compare items (`index`, `count`, `remove`)
//! or call a key function (`sort`) never hold the lock while Python code runs: they fetch one
//! item at a time, or copy the items out and check for mutation when putting them back.

use super::add_methods;
use super::functions::sort_values;
use super::method_args::{
    adjust_indices, bind, index_arg, operand, slice_arg, this, wrong_self, Sig,
};
use crate::objects::class::types;
use crate::objects::function::{Args, NativeFn};
use crate::objects::iter::IterKind;
use crate::objects::{ListObj, PyErr, PyResult, Value};
use crate::parser::ast::CmpOp;
use crate::vm::Vm;
use std::sync::Arc;

pub fn install() {
    let table: &[(&'static str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("remove", remove),
        ("pop", pop),
        ("index", index),
        ("count", count),
        ("sort", sort),
        ("reverse", reverse),
        ("copy", copy),
        ("clear", clear),
        ("__init__", init),
        ("__len__", dunder_len),
        ("__getitem__", dunder_getitem),
        ("__setitem__", dunder_setitem),
        ("__delitem__", dunder_delitem),
        ("__contains__", dunder_contains),
        ("__iter__", dunder_iter),
        ("__reversed__", dunder_reversed),
        ("__add__", dunder_add),
        ("__iadd__", dunder_iadd),
        ("__mul__", dunder_mul),
        ("__rmul__", dunder_mul),
        ("__imul__", dunder_imul),
        ("__eq__", dunder_eq),
        ("__ne__", dunder_ne),
        ("__lt__", dunder_lt),
        ("__le__", dunder_le),
        ("__gt__", dunder_gt),
        ("__ge__", dunder_ge),
    ];
    let t = types();
    add_methods(&t.list, "list", table);
    t.list.dict.set_str("__hash__", Value::None);
}

/// The list `self` of a list method.
fn me<'a>(args: &'a Args, name: &str) -> PyResult<&'a Arc<ListObj>> {
    match this(args, "list", name)? {
        Value::List(l) => Ok(l),
        other => Err(wrong_self("list", name, other)),
    }
}

fn one<'a>(args: &'a Args, name: &'static str) -> PyResult<&'a Value> {
    let b = bind(
        args,
        &Sig {
            name,
            params: &["object"],
            required: 1,
            keywords: false,
            clinic: false,
        },
    )?;
    Ok(b[0].unwrap_or(&Value::None))
}

fn no_args(args: &Args, name: &'static str) -> PyResult<()> {
    bind(
        args,
        &Sig {
            name,
            params: &[],
            required: 0,
            keywords: false,
            clinic: false,
        },
    )
    .map(|_| ())
}

/// Whether `f` is `list.append` (the eval loop runs `xs.append(x)` on a list directly).
pub fn is_append(f: crate::objects::function::NativeFn) -> bool {
    std::ptr::fn_addr_eq(f, append as crate::objects::function::NativeFn)
}

fn append(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "append")?;
    let x = one(&args, "list.append")?;
    l.push(x.clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "extend")?;
    let x = one(&args, "list.extend")?;
    let items = vm.collect(x)?;
    l.lock().extend(items);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "insert")?;
    let b = bind(
        &args,
        &Sig {
            name: "insert",
            params: &["index", "object"],
            required: 2,
            keywords: false,
            clinic: true,
        },
    )?;
    let i = index_arg(vm, b[0].unwrap_or(&Value::None))?;
    let x = b[1].cloned().unwrap_or(Value::None);
    let mut g = l.lock();
    let n = g.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    g.insert(at as usize, x);
    Ok(Value::None)
}

/// The first index in `[start, stop)` whose item equals `x`, comparing without the lock.
/// Equality decided without running Python code: native values, identity, and instances
/// whose classes both keep `object.__eq__` (their equality is identity). None when an
/// `__eq__` must run.
pub fn quick_eq(a: &Value, b: &Value) -> Option<bool> {
    if let Some(r) = crate::objects::dict::native_eq(a, b) {
        return Some(r);
    }
    // `object.__eq__`, looked up once: `object` is an immutable builtin type.
    static OBJECT_EQ: std::sync::LazyLock<Option<Value>> =
        std::sync::LazyLock::new(|| crate::objects::class::types().object.dict.get_str("__eq__"));
    let default_eq = |v: &Value| match (v, &*OBJECT_EQ) {
        (Value::Instance(i), Some(o)) => i.class().lookup("__eq__").is_some_and(|f| f.is(o)),
        _ => false,
    };
    (default_eq(a) && default_eq(b)).then(|| a.is(b))
}

/// The first index in `start..stop` whose item equals `x`. Items decided by `quick_eq` are
/// scanned under one lock session (so concurrent removals cannot make the scan skip an item);
/// an item that needs `__eq__` is compared with the lock released.
pub fn find(
    vm: &mut Vm,
    l: &ListObj,
    x: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let item = {
            let g = l.lock();
            loop {
                let Some(item) = g.get(i) else {
                    return Ok(None);
                };
                match quick_eq(item, x) {
                    Some(true) => return Ok(Some(i)),
                    Some(false) => {
                        i += 1;
                        if i >= stop {
                            return Ok(None);
                        }
                    }
                    None => break item.clone(),
                }
            }
        };
        if vm.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

/// How often `remove` searches again when the item it found (with `__eq__`, outside the lock)
/// was moved by another thread before it could take the lock; after that it removes the item
/// at the index found.
const REMOVE_RETRIES: usize = 64;

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "remove")?;
    let x = one(&args, "list.remove")?;
    let not_found = || PyErr::value_error("list.remove(x): x not in list");
    // Items that compare natively (identity, str, int ...) are found and removed in one lock
    // session, so another thread's removal can never make this one take the wrong item.
    {
        let mut g = l.lock();
        let mut hit = None;
        let mut undecided = false;
        for (i, it) in g.iter().enumerate() {
            match quick_eq(it, x) {
                Some(true) => {
                    hit = Some(i);
                    break;
                }
                Some(false) => {}
                None => {
                    undecided = true;
                    break;
                }
            }
        }
        if let Some(i) = hit {
            let old = g.remove(i);
            drop(g);
            drop(old);
            return Ok(Value::None);
        }
        if !undecided {
            return Err(not_found());
        }
    }
    // An item needs `__eq__` (Python code, run without the lock): remove the very object
    // found, wherever it is by the time the lock is taken again.
    for attempt in 0..=REMOVE_RETRIES {
        let Some(i) = find(vm, l, x, 0, usize::MAX)? else {
            return Err(not_found());
        };
        let Some(item) = l.get(i) else { continue };
        let mut g = l.lock();
        let pos = if g.get(i).is_some_and(|v| v.is(&item)) {
            Some(i)
        } else {
            g.iter().position(|v| v.is(&item))
        };
        let pos = match pos {
            Some(p) => p,
            None if attempt == REMOVE_RETRIES && i < g.len() => i,
            None => continue,
        };
        let old = g.remove(pos);
        drop(g);
        drop(old);
        return Ok(Value::None);
    }
    Err(not_found())
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "pop")?;
    let b = bind(
        &args,
        &Sig {
            name: "pop",
            params: &["index"],
            required: 0,
            keywords: false,
            clinic: true,
        },
    )?;
    let i = match b[0] {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let mut g = l.lock();
    if g.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    match crate::vm::ops::norm_index(i, g.len()) {
        Some(i) => Ok(g.remove(i)),
        None => Err(PyErr::index_error("pop index out of range")),
    }
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "index")?;
    let b = bind(
        &args,
        &Sig {
            name: "index",
            params: &["value", "start", "stop"],
            required: 1,
            keywords: false,
            clinic: true,
        },
    )?;
    let x = b[0].unwrap_or(&Value::None);
    let start = slice_arg(vm, b[1])?;
    let stop = slice_arg(vm, b[2])?;
    let (start, stop) = adjust_indices(start, stop, l.len());
    match find(vm, l, x, start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(x)?;
            Err(PyErr::value_error(format!("{r} is not in list")))
        }
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "count")?;
    let x = one(&args, "list.count")?;
    let mut n = 0;
    let mut i = 0;
    loop {
        // Like `find`: one lock session over the items `quick_eq` decides.
        let item = {
            let g = l.lock();
            loop {
                let Some(item) = g.get(i) else {
                    return Ok(Value::Int(n));
                };
                match quick_eq(item, x) {
                    Some(eq) => {
                        n += eq as i64;
                        i += 1;
                    }
                    None => break item.clone(),
                }
            }
        };
        if vm.eq(&item, x)? {
            n += 1;
        }
        i += 1;
    }
}

fn sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "sort")?;
    if args.pos.len() > 1 {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let mut key = None;
    let mut reverse = false;
    for (k, v) in args.kw() {
        match k {
            "key" => key = Some(v),
            "reverse" => reverse = vm.truthy(v)?,
            other => {
                return Err(PyErr::type_error(format!(
                    "'{other}' is an invalid keyword argument for sort()"
                )))
            }
        }
    }
    // As CPython: the list looks empty while it is being sorted, so a key function that
    // mutates it is detected afterwards.
    let items = l.replace(Vec::new());
    let saved = items.clone();
    let result = sort_values(vm, items, key, reverse);
    let mut g = l.lock();
    let modified = !g.is_empty();
    match result {
        Ok(sorted) => {
            *g = sorted;
            if modified {
                return Err(PyErr::value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => {
            *g = saved;
            Err(e)
        }
    }
}

fn reverse(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "reverse")?;
    no_args(&args, "list.reverse")?;
    l.lock().reverse();
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "copy")?;
    no_args(&args, "list.copy")?;
    Ok(Value::list(l.snapshot()))
}

fn clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "clear")?;
    no_args(&args, "list.clear")?;
    let old = l.replace(Vec::new());
    drop(old);
    Ok(Value::None)
}

/// `list.__init__(self, iterable=())`: what `class MyList(list)` instances run.
fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "__init__")?;
    if args.has_kw() {
        return Err(PyErr::type_error("list() takes no keyword arguments"));
    }
    let items = match args.pos {
        [_] => Vec::new(),
        [_, src] => vm.collect(src)?,
        _ => {
            return Err(PyErr::type_error(format!(
                "list expected at most 1 argument, got {}",
                args.pos.len() - 1
            )))
        }
    };
    let old = l.replace(items);
    drop(old);
    Ok(Value::None)
}

// ----- dunders ------------------------------------------------------------------------------

fn dunder_len(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "__len__")?;
    Ok(Value::Int(l.len() as i64))
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "__getitem__")?;
    vm.getitem(&Value::List(l.clone()), operand(&args)?)
}

fn dunder_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "__setitem__")?;
    let [_, idx, v] = args.pos else {
        return Err(PyErr::type_error(format!(
            "expected 2 arguments, got {}",
            args.pos.len().saturating_sub(1)
        )));
    };
    vm.setitem(&Value::List(l.clone()), idx, v.clone())?;
    Ok(Value::None)
}

fn dunder_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "__delitem__")?;
    vm.delitem(&Value::List(l.clone()), operand(&args)?)?;
    Ok(Value::None)
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "__contains__")?;
    vm.contains(&Value::List(l.clone()), operand(&args)?)
        .map(Value::Bool)
}

fn dunder_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "__iter__")?;
    Ok(Value::new_iter(IterKind::List(l.clone())))
}

fn dunder_reversed(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "__reversed__")?;
    Ok(Value::new_iter(IterKind::ListReversed(l.clone())))
}

/// The list inside a `+` operand, if it is one.
fn as_list(v: &Value) -> Option<&Arc<ListObj>> {
    match crate::vm::ops::base_value(v).unwrap_or(v) {
        Value::List(l) => Some(l),
        _ => None,
    }
}

fn dunder_add(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "__add__")?;
    let x = operand(&args)?;
    match as_list(x) {
        Some(o) => {
            let mut v = l.snapshot();
            v.extend(o.snapshot());
            Ok(Value::list(v))
        }
        None => Err(PyErr::type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            x.type_name()
        ))),
    }
}

fn dunder_iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "__iadd__")?;
    let items = vm.collect(operand(&args)?)?;
    l.lock().extend(items);
    Ok(args.pos[0].clone())
}

fn repeat_count(vm: &mut Vm, x: &Value, len: usize) -> PyResult<usize> {
    let n = index_arg(vm, x)?.max(0) as usize;
    if len.saturating_mul(n) > super::str_methods::MAX_STR_RESULT / 8 {
        return Err(PyErr::new(crate::objects::ExcKind::MemoryError, ""));
    }
    Ok(n)
}

fn dunder_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "__mul__")?;
    let items = l.snapshot();
    let n = repeat_count(vm, operand(&args)?, items.len())?;
    let mut v = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        v.extend(items.iter().cloned());
    }
    Ok(Value::list(v))
}

fn dunder_imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = me(&args, "__imul__")?;
    let n = repeat_count(vm, operand(&args)?, l.len())?;
    let mut g = l.lock();
    let items = g.clone();
    g.clear();
    for _ in 0..n {
        g.extend(items.iter().cloned());
    }
    drop(g);
    Ok(args.pos[0].clone())
}

fn compare(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult<Value> {
    let Value::List(l) = this(&args, "list", "__eq__")? else {
        return Ok(Value::NotImplemented);
    };
    match as_list(operand(&args)?) {
        Some(o) => vm.compare(op, &Value::List(l.clone()), &Value::List(o.clone())),
        None => Ok(Value::NotImplemented),
    }
}

fn dunder_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq)
}
fn dunder_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::NotEq)
}
fn dunder_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Lt)
}
fn dunder_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::LtE)
}
fn dunder_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::Gt)
}
fn dunder_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpOp::GtE)
}

#[cfg(test)]
#[path = "tests/list_methods.rs"]
mod tests;

#[cfg(test)]
mod py_tests {
    use super::super::testutil::py;

    #[test]
    fn sort_with_key_and_reverse_is_stable() {
        assert_eq!(
            py("a = ['bb', 'a', 'ccc', 'dd']\na.sort(key=len, reverse=True)\nr = a"),
            "['ccc', 'bb', 'dd', 'a']"
        );
        assert_eq!(
            py("a = [(1, 'b'), (0, 'a'), (1, 'a')]\na.sort(key=lambda t: t[0])\nr = a"),
            "[(0, 'a'), (1, 'b'), (1, 'a')]"
        );
    }

    #[test]
    fn list_modified_during_sort() {
        assert_eq!(
            py("a = [3, 1, 2]\ndef k(x):\n    a.append(x)\n    return x\na.sort(key=k)"),
            "ValueError: list modified during sort"
        );
    }

    #[test]
    fn sort_key_error_leaves_items() {
        assert_eq!(
            py("a = [3, 1, 'x']\ntry:\n    a.sort()\nexcept TypeError as e:\n    r = (str(e), a)"),
            "(\"'<' not supported between instances of 'str' and 'int'\", [3, 1, 'x'])"
        );
    }

    #[test]
    fn list_subclass_init_and_methods() {
        assert_eq!(
            py("class L(list):\n    pass\nx = L([3, 1, 2])\nx.append(0)\nx.sort()\nr = (x, len(x), x[0], type(x).__name__, x == [0, 1, 2, 3])"),
            "([0, 1, 2, 3], 4, 0, 'L', True)"
        );
        assert_eq!(
            py("class L(list):\n    def __init__(self, n):\n        super().__init__(range(n))\nr = L(3) + [9]"),
            "[0, 1, 2, 9]"
        );
    }

    #[test]
    fn index_reports_repr_of_missing_value() {
        assert_eq!(py("r = [1].index('a')"), "ValueError: 'a' is not in list");
    }
}

#[cfg(test)]
mod subclass_tests {
    use super::super::testutil::py;

    #[test]
    fn inplace_operators_keep_the_subclass_instance() {
        assert_eq!(
            py("class L(list):\n    pass\nx = L([1])\ny = x\nx += [2]\nx *= 2\nr = (type(x).__name__, x is y, x)"),
            "('L', True, [1, 2, 1, 2])"
        );
        assert_eq!(
            py("class D(dict):\n    pass\nx = D(a=1)\nx |= {'b': 2}\nr = (type(x).__name__, x)"),
            "('D', {'a': 1, 'b': 2})"
        );
    }

    #[test]
    fn subclass_overrides_are_seen_by_builtin_methods() {
        assert_eq!(
            py("class D(dict):\n    def __missing__(self, k):\n        return 0\nd = D()\nr = (d['x'], d.__getitem__('y'))"),
            "(0, 0)"
        );
    }
}

#[cfg(test)]
mod error_tests {
    use super::super::testutil::py;

    #[test]
    fn remove_x_not_in_list() {
        assert_eq!(
            py("r = [1].remove(2)"),
            "ValueError: list.remove(x): x not in list"
        );
    }

    #[test]
    fn pop_from_empty_list() {
        assert_eq!(py("r = [].pop()"), "IndexError: pop from empty list");
    }

    #[test]
    fn pop_index_out_of_range() {
        assert_eq!(py("r = [1].pop(5)"), "IndexError: pop index out of range");
    }

    #[test]
    fn sort_takes_no_positional_arguments() {
        assert_eq!(
            py("r = [].sort(len)"),
            "TypeError: sort() takes no positional arguments"
        );
    }
}
