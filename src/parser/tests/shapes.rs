//! Tree shapes for every construct of the grammar.

use super::{parse_str, sx};
use crate::parser::ast::{ExprKind, StmtKind};

#[test]
fn precedence() {
    assert_eq!(sx("-2**2"), "(- (** 2 2))");
    assert_eq!(sx("2**-1"), "(** 2 (- 1))");
    assert_eq!(sx("2**3**4"), "(** 2 (** 3 4))");
    assert_eq!(sx("a + b * c - d"), "(- (+ a (* b c)) d)");
    assert_eq!(
        sx("a | b ^ c & d << e + f"),
        "(| a (^ b (& c (<< d (+ e f)))))"
    );
    assert_eq!(sx("a // b % c @ d / e"), "(/ (@ (% (// a b) c) d) e)");
    assert_eq!(sx("not a == b"), "(not (cmp a == b))");
    assert_eq!(sx("a or b and not c"), "(or a (and b (not c)))");
    assert_eq!(sx("a or b or c"), "(or a b c)");
    assert_eq!(sx("~x + +y"), "(+ (~ x) (+ y))");
    assert_eq!(sx("x if c else y if d else z"), "(ifexp c x (ifexp d y z))");
    assert_eq!(sx("lambda: a if b else c"), "(lambda () (ifexp b a c))");
    assert_eq!(sx("a < b <= c != d"), "(cmp a < b <= c != d)");
    assert_eq!(
        sx("a in b not in c is d is not e"),
        "(cmp a in b not-in c is d is-not e)"
    );
    assert_eq!(sx("a >= b > c == d"), "(cmp a >= b > c == d)");
}

#[test]
fn primaries() {
    assert_eq!(sx("f(1, x=2, *a, **k)"), "(call f 1 *a x=2 **k)");
    assert_eq!(sx("f(x for x in y)"), "(call f (genexp x for x in y))");
    assert_eq!(sx("a.b.c(d)[e]"), "([] (call (. (. a b) c) d) e)");
    assert_eq!(sx("a[1:2]"), "([] a (slice 1 2 _))");
    assert_eq!(sx("a[::2]"), "([] a (slice _ _ 2))");
    assert_eq!(sx("a[:]"), "([] a (slice _ _ _))");
    assert_eq!(sx("a[1:2, 3]"), "([] a (tuple (slice 1 2 _) 3))");
    assert_eq!(sx("a[1,]"), "([] a (tuple 1))");
    assert_eq!(sx("a[x:=1]"), "([] a (:= x 1))");
    assert_eq!(sx("f()()"), "(call (call f))");
    assert_eq!(sx("a[*b]"), "([] a (tuple *b))");
    assert_eq!(sx("f(a,)"), "(call f a)");
}

#[test]
fn atoms() {
    assert_eq!(sx("(1, 2)"), "(tuple 1 2)");
    assert_eq!(sx("()"), "(tuple )");
    assert_eq!(sx("(x,)"), "(tuple x)");
    assert_eq!(sx("(x)"), "x");
    assert_eq!(sx("[1, *a, 2]"), "[1 *a 2]");
    assert_eq!(sx("[]"), "[]");
    assert_eq!(sx("{}"), "{}");
    assert_eq!(sx("{**a, 'k': v}"), "{**a \"k\":v}");
    assert_eq!(sx("{1, 2}"), "(set 1 2)");
    assert_eq!(sx("{*a, 1}"), "(set *a 1)");
    assert_eq!(
        sx("[x for x in y if x if z for w in x]"),
        "(listcomp x for x in y if x if z for w in x)"
    );
    assert_eq!(sx("{x for x, in y}"), "(setcomp x for (tuple x) in y)");
    assert_eq!(
        sx("{k: v for k, v in d}"),
        "(dictcomp k:v for (tuple k v) in d)"
    );
    assert_eq!(sx("(x for (a, b) in c)"), "(genexp x for (tuple a b) in c)");
    assert_eq!(sx("..."), "...");
    assert_eq!(sx("None, True, False"), "(tuple None True False)");
    assert_eq!(
        sx("1.5, 2j, 99999999999999999999"),
        "(tuple 1.5 2.0j 99999999999999999999)"
    );
    assert_eq!(sx("(x := 5)"), "(:= x 5)");
    assert_eq!(sx("(yield)"), "(yield)");
    assert_eq!(sx("[(yield x)]"), "[(yield x)]");
}

#[test]
fn strings() {
    assert_eq!(sx("'a' 'b'"), "\"ab\"");
    assert_eq!(sx("b'a' b'b'"), "b\"ab\"");
    assert_eq!(sx("f'a{x}b' 'c'"), "(f \"a\" (fv x) \"bc\")");
    assert_eq!(
        sx("'a' f'{x!r:>{w}}'"),
        "(f \"a\" (fv x !r :(f \">\" (fv w))))"
    );
    assert_eq!(sx("f'{a, b}'"), "(f (fv (tuple a b)))");
    assert_eq!(sx("f'{x=}'"), "(f \"x=\" (fv x !r))");
    assert_eq!(sx("f'a{x = }'"), "(f \"ax = \" (fv x !r))");
    assert_eq!(sx("f'{x=!s}'"), "(f \"x=\" (fv x !s))");
    assert_eq!(sx("f'{x=:>4}'"), "(f \"x=\" (fv x :(f \">4\")))");
    assert_eq!(sx("f''"), "(f )");
}

#[test]
fn assignments() {
    assert_eq!(sx("a = b = c"), "(= a b c)");
    assert_eq!(sx("a, b = 1, 2"), "(= (tuple a b) (tuple 1 2))");
    assert_eq!(sx("(a, b) = [c, *d] = x"), "(= (tuple a b) [c *d] x)");
    assert_eq!(sx("a.b[c] = 1"), "(= ([] (. a b) c) 1)");
    assert_eq!(sx("a, *b = x"), "(= (tuple a *b) x)");
    assert_eq!(sx("x = yield y"), "(= x (yield y))");
    assert_eq!(sx("x = yield from y"), "(= x (yield-from y))");
    assert_eq!(sx("x = 1,"), "(= x (tuple 1))");
    for (op, sym) in [
        ("+=", "+"),
        ("-=", "-"),
        ("*=", "*"),
        ("/=", "/"),
        ("//=", "//"),
        ("%=", "%"),
        ("**=", "**"),
        (">>=", ">>"),
        ("<<=", "<<"),
        ("&=", "&"),
        ("^=", "^"),
        ("|=", "|"),
        ("@=", "@"),
    ] {
        assert_eq!(sx(&format!("x {op} 1")), format!("({sym}= x 1)"));
    }
    assert_eq!(sx("a.b += 1"), "(+= (. a b) 1)");
    assert_eq!(sx("x: int = 1"), "(ann x int 1)");
    assert_eq!(sx("self.x: int"), "(ann* (. self x) int)");
    assert_eq!(sx("(x): int = 1"), "(ann* x int 1)");
}

#[test]
fn simple_statements() {
    assert_eq!(sx("del a, b[1], c.d"), "(del a ([] b 1) (. c d))");
    assert_eq!(sx("del (a, b)"), "(del (tuple a b))");
    assert_eq!(sx("pass; break; continue"), "pass\nbreak\ncontinue");
    assert_eq!(sx("return"), "(return)");
    assert_eq!(sx("return a, b"), "(return (tuple a b))");
    assert_eq!(sx("global a, b"), "(global a b)");
    assert_eq!(sx("nonlocal a"), "(nonlocal a)");
    assert_eq!(sx("raise"), "(raise)");
    assert_eq!(sx("raise X from Y"), "(raise X from Y)");
    assert_eq!(sx("assert x, 'm'"), "(assert x \"m\")");
    assert_eq!(sx("import a.b as c, d"), "(import a.b as c d)");
    assert_eq!(sx("from a.b import x as y, z"), "(from a.b x as y z)");
    assert_eq!(sx("from . import x"), "(from . x)");
    assert_eq!(sx("from ..a import (b, c,)"), "(from ..a b c)");
    assert_eq!(sx("from ... import x"), "(from ... x)");
    assert_eq!(sx("from a import *"), "(from a *)");
    assert_eq!(sx("yield"), "(yield)");
    assert_eq!(sx("yield from x"), "(yield-from x)");
    assert_eq!(sx("x;"), "x");
    assert_eq!(sx("print"), "print");
    assert_eq!(sx("print -1"), "(- print 1)");
}

#[test]
fn compound_statements() {
    assert_eq!(
        sx("if a:\n    b\nelif c:\n    d\nelse:\n    e\n"),
        "(if a [b] [(if c [d] [e])])"
    );
    assert_eq!(sx("if x: y = 1; z = 2"), "(if x [(= y 1) (= z 2)] [])");
    assert_eq!(sx("while x:\n  pass\nelse:\n  y"), "(while x [pass] [y])");
    assert_eq!(
        sx("while (n := n - 1): pass"),
        "(while (:= n (- n 1)) [pass] [])"
    );
    assert_eq!(
        sx("for i, (a, b) in x:\n  pass"),
        "(for (tuple i (tuple a b)) x [pass] [])"
    );
    assert_eq!(
        sx("for x in 1, 2: pass\nelse: y"),
        "(for x (tuple 1 2) [pass] [y])"
    );
    assert_eq!(sx("for *a, b in c: pass"), "(for (tuple *a b) c [pass] [])");
    assert_eq!(
        sx("try:\n  a\nexcept E as e:\n  b\nexcept (A, B):\n  c\nexcept:\n  d\nelse:\n  e\nfinally:\n  f"),
        "(try [a] [(except E e [b]) (except (tuple A B) _ [c]) (except _ _ [d])] [e] [f])"
    );
    assert_eq!(sx("try:\n  a\nfinally:\n  f"), "(try [a] [] [] [f])");
    assert_eq!(sx("with a as b, c: pass"), "(with (as a b) c [pass])");
    assert_eq!(
        sx("with a as (b, c): pass"),
        "(with (as a (tuple b c)) [pass])"
    );
    assert_eq!(
        sx("with (a as b, c as d,): pass"),
        "(with (as a b) (as c d) [pass])"
    );
    assert_eq!(
        sx("with (a, b) as c: pass"),
        "(with (as (tuple a b) c) [pass])"
    );
    assert_eq!(sx("with (a): pass"), "(with a [pass])");
    assert_eq!(
        sx("def f(a, b=1, *args, c, d=2, **kw) -> int:\n  return a"),
        "(def f (a b=1 *args c d=2 **kw) -> int [(return a)])"
    );
    assert_eq!(
        sx("def f(a, /, b, *, c): pass"),
        "(def f (a / b * c) [pass])"
    );
    assert_eq!(
        sx("def f(a: int = 1, *b: str): pass"),
        "(def f (a:int=1 *b:str) [pass])"
    );
    assert_eq!(
        sx("def f(a, b=1, /, c=2): pass"),
        "(def f (a b=1 / c=2) [pass])"
    );
    assert_eq!(sx("def f(): pass"), "(def f () [pass])");
    assert_eq!(
        sx("@d\n@e.f(1)\ndef g(): pass"),
        "(def g () @[d (call (. e f) 1)] [pass])"
    );
    assert_eq!(sx("class A: pass"), "(class A () [pass])");
    assert_eq!(
        sx("class A(B, C, metaclass=M): pass"),
        "(class A (B C metaclass=M) [pass])"
    );
    assert_eq!(sx("@dec\nclass A(): pass"), "(class A () @[dec] [pass])");
    assert_eq!(
        sx("lambda a, b=1, *c, d, **e: a"),
        "(lambda (a b=1 *c d **e) a)"
    );
    assert_eq!(sx("lambda *, a: a"), "(lambda (* a) a)");
    assert_eq!(sx("lambda: lambda: 1"), "(lambda () (lambda () 1))");
    assert_eq!(
        sx("def f():\n  x = 1\n\n  # c\n  if x:\n    return\n  y\nz"),
        "(def f () [(= x 1) (if x [(return)] []) y])\nz"
    );
}

#[test]
fn spans_cover_source() {
    let text = "x = a + b * c\ndef f(a):\n    return f(a, 1)\n@d\nclass C(B):\n    pass\n";
    let m = parse_str(text).unwrap();
    let src = |s: crate::source::Span| &text[s.range()];
    assert_eq!(src(m.body[0].span), "x = a + b * c");
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(src(value.span), "a + b * c");
    let StmtKind::FunctionDef(f) = &m.body[1].kind else {
        panic!()
    };
    assert_eq!(src(f.span), "def f(a):");
    assert_eq!(src(m.body[1].span), "def f(a):\n    return f(a, 1)");
    let StmtKind::Return(Some(call)) = &f.body[0].kind else {
        panic!()
    };
    assert!(matches!(call.kind, ExprKind::Call { .. }));
    assert_eq!(src(call.span), "f(a, 1)");
    let StmtKind::ClassDef(c) = &m.body[2].kind else {
        panic!()
    };
    assert_eq!(src(c.span), "class C(B):");
    let m = parse_str("(1, 2)[0]; a.b; -x; (a)").unwrap();
    let spans: Vec<_> = m
        .body
        .iter()
        .map(|s| &"(1, 2)[0]; a.b; -x; (a)"[s.span.range()])
        .collect();
    assert_eq!(spans, ["(1, 2)[0]", "a.b", "-x", "(a)"]);

    // Parents take their spans from tokens: a parenthesized operand's parentheses count.
    let text = "(a) + (b)\nf(x for x in y)\n";
    let m = parse_str(text).unwrap();
    let StmtKind::Expr(e) = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(&text[e.span.range()], "(a) + (b)");
    let StmtKind::Expr(e) = &m.body[1].kind else {
        panic!()
    };
    let ExprKind::Call { args, .. } = &e.kind else {
        panic!()
    };
    assert_eq!(&text[args[0].span.range()], "(x for x in y)");
}
