//! Bytecode goldens: small programs compiled from source and compared, listing for listing,
//! with the reviewed disassembly (pyt's own format, see dis.rs). A codegen change shows here.

use super::test_ast::dis_src;

#[test]
fn golden_assign() {
    let src = r#"x = 1
y = x + 2 * 3
x += y
a, *b, c = y
o.attr += 1
o[i] -= 2
t = (1, 2, -3)
"#;
    let expected = r#"Disassembly of <module> (module, line 1):
   1     0 LoadConst 0 (1)
         1 StoreName 0 (x)
   2     2 LoadName 0 (x)
         3 LoadConst 1 (6)
         4 BinaryOp (+)
         5 StoreName 1 (y)
   3     6 LoadName 0 (x)
         7 LoadName 1 (y)
         8 InplaceOp (+)
         9 StoreName 0 (x)
   4    10 LoadName 1 (y)
        11 UnpackEx 1 1
        12 StoreName 2 (a)
        13 StoreName 3 (b)
        14 StoreName 4 (c)
   5    15 LoadName 5 (o)
        16 Dup
        17 LoadAttr 6 (attr)
        18 LoadConst 0 (1)
        19 InplaceOp (+)
        20 Rot2
        21 StoreAttr 6 (attr)
   6    22 LoadName 5 (o)
        23 LoadName 7 (i)
        24 Dup2
        25 BinarySubscr
        26 LoadConst 2 (2)
        27 InplaceOp (-)
        28 Rot3
        29 StoreSubscr
   7    30 LoadConst 3 ((1, 2, -3))
        31 StoreName 8 (t)
        32 LoadConst 4 (None)
        33 ReturnValue
"#;
    assert_eq!(dis_src(src), expected);
}

#[test]
fn golden_calls() {
    let src = r#"f(a)
f(a, k=1)
f(*a, b, **kw, c=2)
o.m(1)
o.m(k=1)
if a and not b or c:
    pass
r = a < b < c
"#;
    let expected = r#"Disassembly of <module> (module, line 1):
   1     0 LoadName 0 (f)
         1 LoadName 1 (a)
         2 Call 1
         3 Pop
   2     4 LoadName 0 (f)
         5 LoadName 1 (a)
         6 LoadConst 0 (1)
         7 CallKw 2 (('k',))
         8 Pop
   3     9 LoadName 0 (f)
        10 BuildList 0
        11 LoadName 1 (a)
        12 ListExtend 1
        13 LoadName 2 (b)
        14 ListAppend 1
        15 ListToTuple
        16 BuildMap 0
        17 LoadName 3 (kw)
        18 DictMerge 1
        19 LoadConst 2 ('c')
        20 LoadConst 3 (2)
        21 BuildMap 1
        22 DictMerge 1
        23 CallEx (kwargs)
        24 Pop
   4    25 LoadName 4 (o)
        26 LoadMethod 5 (m)
        27 LoadConst 0 (1)
        28 CallMethod 1
        29 Pop
   5    30 LoadName 4 (o)
        31 LoadAttr 5 (m)
        32 LoadConst 0 (1)
        33 CallKw 1 (('k',))
        34 Pop
   6    35 LoadName 1 (a)
        36 PopJumpIfFalse 39
        37 LoadName 2 (b)
        38 PopJumpIfFalse 41
        39 LoadName 6 (c)
        40 PopJumpIfFalse 41
   8    41 LoadName 1 (a)
        42 LoadName 2 (b)
        43 Dup
        44 Rot3
        45 CompareOp (<)
        46 JumpIfFalseOrPop 50
        47 LoadName 6 (c)
        48 CompareOp (<)
        49 Jump 52
        50 Rot2
        51 Pop
        52 StoreName 7 (r)
        53 LoadConst 4 (None)
        54 ReturnValue
"#;
    assert_eq!(dis_src(src), expected);
}

#[test]
fn golden_class_super() {
    let src = r#"class B(A):
    def __init__(self, x):
        super().__init__()
        self.x = x
"#;
    let expected = r#"Disassembly of <module> (module, line 1):
   1     0 LoadBuildClass
         1 LoadConst 0 (<code B>)
         2 MakeFunction 0
         3 LoadConst 1 ('B')
         4 LoadName 0 (A)
         5 Call 3
         6 StoreName 1 (B)
         7 LoadConst 2 (None)
         8 ReturnValue

Disassembly of B (class, line 1):
  cellvars: __class__
   1     0 LoadName 0 (__name__)
         1 StoreName 1 (__module__)
         2 LoadConst 0 ('B')
         3 StoreName 2 (__qualname__)
   2     4 LoadClosure 0 (__class__)
         5 BuildTuple 1
         6 LoadConst 1 (<code B.__init__>)
         7 MakeFunction 8 (closure)
         8 StoreName 3 (__init__)
         9 LoadClosure 0 (__class__)
        10 Dup
        11 StoreName 4 (__classcell__)
        12 ReturnValue

Disassembly of B.__init__ (function, line 2):
  args: 2 posonly: 0 kwonly: 0
  varnames: self, x
  freevars: __class__
   3     0 LoadGlobal 0 (super)
         1 Call 0
         2 LoadMethod 1 (__init__)
         3 CallMethod 0
         4 Pop
   4     5 LoadFast 1 (x)
         6 LoadFast 0 (self)
         7 StoreAttr 2 (x)
         8 LoadConst 0 (None)
         9 ReturnValue
"#;
    assert_eq!(dis_src(src), expected);
}

#[test]
fn golden_closure() {
    let src = r#"def counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
"#;
    let expected = r#"Disassembly of <module> (module, line 1):
   1     0 LoadConst 0 (<code counter>)
         1 MakeFunction 0
         2 StoreName 0 (counter)
         3 LoadConst 1 (None)
         4 ReturnValue

Disassembly of counter (function, line 1):
  args: 1 posonly: 0 kwonly: 0
  varnames: start, inc
  cellvars: count
   2     0 LoadFast 0 (start)
         1 StoreDeref 0 (count)
   3     2 LoadConst 0 ((1,))
         3 LoadClosure 0 (count)
         4 BuildTuple 1
         5 LoadConst 1 (<code counter.<locals>.inc>)
         6 MakeFunction 9 (defaults, closure)
         7 StoreFast 1 (inc)
   7     8 LoadFast 1 (inc)
         9 ReturnValue

Disassembly of counter.<locals>.inc (function, line 3):
  args: 1 posonly: 0 kwonly: 0
  varnames: step
  freevars: count
   5     0 LoadDeref 0 (count)
         1 LoadFast 0 (step)
         2 InplaceOp (+)
         3 StoreDeref 0 (count)
   6     4 LoadDeref 0 (count)
         5 ReturnValue
"#;
    assert_eq!(dis_src(src), expected);
}

#[test]
fn golden_comps() {
    let src = r#"def f(xs):
    return {k: v for k, v in xs if k}, [y for x in xs for y in x], (z for z in xs)
"#;
    let expected = r#"Disassembly of <module> (module, line 1):
   1     0 LoadConst 0 (<code f>)
         1 MakeFunction 0
         2 StoreName 0 (f)
         3 LoadConst 1 (None)
         4 ReturnValue

Disassembly of f (function, line 1):
  args: 1 posonly: 0 kwonly: 0
  varnames: xs
   2     0 LoadConst 0 (<code f.<locals>.<dictcomp>>)
         1 MakeFunction 0
         2 LoadFast 0 (xs)
         3 GetIter
         4 Call 1
         5 LoadConst 1 (<code f.<locals>.<listcomp>>)
         6 MakeFunction 0
         7 LoadFast 0 (xs)
         8 GetIter
         9 Call 1
        10 LoadConst 2 (<code f.<locals>.<genexpr>>)
        11 MakeFunction 0
        12 LoadFast 0 (xs)
        13 GetIter
        14 Call 1
        15 BuildTuple 3
        16 ReturnValue

Disassembly of f.<locals>.<dictcomp> (function, line 2):
  args: 1 posonly: 0 kwonly: 0
  varnames: .0, k, v
   2     0 BuildMap 0
         1 LoadFast 0 (.0)
         2 ForIter 12
         3 UnpackSequence 2
         4 StoreFast 1 (k)
         5 StoreFast 2 (v)
         6 LoadFast 1 (k)
         7 PopJumpIfFalse 2
         8 LoadFast 1 (k)
         9 LoadFast 2 (v)
        10 MapAdd 2
        11 Jump 2
        12 ReturnValue

Disassembly of f.<locals>.<listcomp> (function, line 2):
  args: 1 posonly: 0 kwonly: 0
  varnames: .0, x, y
   2     0 BuildList 0
         1 LoadFast 0 (.0)
         2 ForIter 12
         3 StoreFast 1 (x)
         4 LoadFast 1 (x)
         5 GetIter
         6 ForIter 11
         7 StoreFast 2 (y)
         8 LoadFast 2 (y)
         9 ListAppend 3
        10 Jump 6
        11 Jump 2
        12 ReturnValue

Disassembly of f.<locals>.<genexpr> (function, line 2):
  args: 1 posonly: 0 kwonly: 0 generator
  varnames: .0, z
   2     0 LoadFast 0 (.0)
         1 ForIter 7
         2 StoreFast 1 (z)
         3 LoadFast 1 (z)
         4 YieldValue
         5 Pop
         6 Jump 1
         7 LoadConst 0 (None)
         8 ReturnValue
"#;
    assert_eq!(dis_src(src), expected);
}

#[test]
fn golden_generator() {
    let src = r#"def gen(xs):
    yield 1
    x = yield
    yield from xs
    return f"{x!r:>10}"
"#;
    let expected = r#"Disassembly of <module> (module, line 1):
   1     0 LoadConst 0 (<code gen>)
         1 MakeFunction 0
         2 StoreName 0 (gen)
         3 LoadConst 1 (None)
         4 ReturnValue

Disassembly of gen (function, line 1):
  args: 1 posonly: 0 kwonly: 0 generator
  varnames: xs, x
   2     0 LoadConst 0 (1)
         1 YieldValue
         2 Pop
   3     3 LoadConst 1 (None)
         4 YieldValue
         5 StoreFast 1 (x)
   4     6 LoadFast 0 (xs)
         7 GetYieldFromIter
         8 LoadConst 1 (None)
         9 YieldFrom
        10 Pop
   5    11 LoadFast 1 (x)
        12 LoadConst 2 ('>10')
        13 FormatValue 2 (with spec)
        14 ReturnValue
"#;
    assert_eq!(dis_src(src), expected);
}

#[test]
fn golden_imports() {
    let src = r#"import a.b.c
import a.b as ab
from .m import x, y as z
from p import *
"#;
    let expected = r#"Disassembly of <module> (module, line 1):
   1     0 LoadConst 0 (None)
         1 ImportName 0 0 (a.b.c)
         2 StoreName 1 (a)
   2     3 LoadConst 0 (None)
         4 ImportName 2 0 (a.b)
         5 ImportFrom 3 (b)
         6 Rot2
         7 Pop
         8 StoreName 4 (ab)
   3     9 LoadConst 1 (('x', 'y'))
        10 ImportName 5 1 (m)
        11 ImportFrom 6 (x)
        12 StoreName 6 (x)
        13 ImportFrom 7 (y)
        14 StoreName 8 (z)
        15 Pop
   4    16 LoadConst 2 (('*',))
        17 ImportName 9 0 (p)
        18 ImportStar
        19 LoadConst 0 (None)
        20 ReturnValue
"#;
    assert_eq!(dis_src(src), expected);
}

#[test]
fn golden_swap() {
    let src = r#"a, b = b, a + b
x, y, z = 1, 2, 3
[p, q] = q, p
"#;
    let expected = r#"Disassembly of <module> (module, line 1):
   1     0 LoadName 0 (b)
         1 LoadName 1 (a)
         2 LoadName 0 (b)
         3 BinaryOp (+)
         4 Rot2
         5 StoreName 1 (a)
         6 StoreName 0 (b)
   2     7 LoadConst 0 (1)
         8 LoadConst 1 (2)
         9 LoadConst 2 (3)
        10 Rot3
        11 Rot2
        12 StoreName 2 (x)
        13 StoreName 3 (y)
        14 StoreName 4 (z)
   3    15 LoadName 5 (q)
        16 LoadName 6 (p)
        17 Rot2
        18 StoreName 6 (p)
        19 StoreName 5 (q)
        20 LoadConst 3 (None)
        21 ReturnValue
"#;
    assert_eq!(dis_src(src), expected);
}

#[test]
fn golden_try_finally() {
    let src = r#"def f(lock):
    for item in items:
        try:
            if item:
                return item
            continue
        except ValueError as e:
            break
        finally:
            lock.release()
"#;
    let expected = r#"Disassembly of <module> (module, line 1):
   1     0 LoadConst 0 (<code f>)
         1 MakeFunction 0
         2 StoreName 0 (f)
         3 LoadConst 1 (None)
         4 ReturnValue

Disassembly of f (function, line 1):
  args: 1 posonly: 0 kwonly: 0
  varnames: lock, item, e
   2     0 LoadGlobal 0 (items)
         1 GetIter
         2 ForIter 65
         3 StoreFast 1 (item)
   3     4 SetupExcept 59
         5 SetupExcept 25
   4     6 LoadFast 1 (item)
         7 PopJumpIfFalse 16
   5     8 LoadFast 1 (item)
         9 PopBlock
        10 PopBlock
  10    11 LoadFast 0 (lock)
        12 LoadMethod 1 (release)
        13 CallMethod 0
        14 Pop
   5    15 ReturnValue
   6    16 PopBlock
        17 PopBlock
  10    18 LoadFast 0 (lock)
        19 LoadMethod 1 (release)
        20 CallMethod 0
        21 Pop
   6    22 Jump 2
   3    23 PopBlock
        24 Jump 53
   7    25 LoadGlobal 2 (ValueError)
        26 CheckExcMatch
        27 PopJumpIfFalse 52
        28 StoreFast 2 (e)
        29 SetupExcept 48
   8    30 PopBlock
        31 PopExcept
        32 LoadConst 0 (None)
        33 StoreFast 2 (e)
        34 DeleteFast 2 (e)
        35 PopBlock
  10    36 LoadFast 0 (lock)
        37 LoadMethod 1 (release)
        38 CallMethod 0
        39 Pop
   8    40 Pop
        41 Jump 65
        42 PopBlock
        43 PopExcept
        44 LoadConst 0 (None)
        45 StoreFast 2 (e)
        46 DeleteFast 2 (e)
        47 Jump 53
        48 LoadConst 0 (None)
        49 StoreFast 2 (e)
        50 DeleteFast 2 (e)
        51 Reraise
   3    52 Reraise
        53 PopBlock
  10    54 LoadFast 0 (lock)
        55 LoadMethod 1 (release)
        56 CallMethod 0
        57 Pop
   3    58 Jump 2
  10    59 LoadFast 0 (lock)
        60 LoadMethod 1 (release)
        61 CallMethod 0
        62 Pop
   3    63 Reraise
   2    64 Jump 2
        65 LoadConst 0 (None)
        66 ReturnValue
"#;
    assert_eq!(dis_src(src), expected);
}

#[test]
fn golden_while_loop() {
    let src = r#"i = 0
while i < 10:
    if i == 5:
        continue
    i += 1
else:
    print(i)
while True:
    break
"#;
    let expected = r#"Disassembly of <module> (module, line 1):
   1     0 LoadConst 0 (0)
         1 StoreName 0 (i)
   2     2 LoadName 0 (i)
         3 LoadConst 1 (10)
         4 CompareOp (<)
         5 PopJumpIfFalse 19
   3     6 LoadName 0 (i)
         7 LoadConst 2 (5)
         8 CompareOp (==)
         9 PopJumpIfFalse 11
   4    10 Jump 15
   5    11 LoadName 0 (i)
        12 LoadConst 3 (1)
        13 InplaceOp (+)
        14 StoreName 0 (i)
   2    15 LoadName 0 (i)
        16 LoadConst 1 (10)
        17 CompareOp (<)
        18 PopJumpIfTrue 6
   7    19 LoadName 1 (print)
        20 LoadName 0 (i)
        21 Call 1
        22 Pop
   9    23 Jump 25
   8    24 Jump 25
        25 LoadConst 4 (None)
        26 ReturnValue
"#;
    assert_eq!(dis_src(src), expected);
}

#[test]
fn golden_with_stmt() {
    let src = r#"with lock:
    n = n + 1
def g(m):
    with m as v:
        return v
"#;
    let expected = r#"Disassembly of <module> (module, line 1):
   1     0 LoadName 0 (lock)
         1 BeforeWith 10
         2 Pop
   2     3 LoadName 1 (n)
         4 LoadConst 0 (1)
         5 BinaryOp (+)
         6 StoreName 1 (n)
   1     7 PopBlock
         8 WithExit
         9 Jump 16
        10 WithExceptStart
        11 PopJumpIfTrue 13
        12 Reraise
        13 PopExcept
        14 Pop
        15 Pop
   3    16 LoadConst 1 (<code g>)
        17 MakeFunction 0
        18 StoreName 2 (g)
        19 LoadConst 2 (None)
        20 ReturnValue

Disassembly of g (function, line 3):
  args: 1 posonly: 0 kwonly: 0
  varnames: m, v
   4     0 LoadFast 0 (m)
         1 BeforeWith 11
         2 StoreFast 1 (v)
   5     3 LoadFast 1 (v)
         4 PopBlock
         5 Rot2
         6 WithExit
         7 ReturnValue
   4     8 PopBlock
         9 WithExit
        10 Jump 17
        11 WithExceptStart
        12 PopJumpIfTrue 14
        13 Reraise
        14 PopExcept
        15 Pop
        16 Pop
        17 LoadConst 0 (None)
        18 ReturnValue
"#;
    assert_eq!(dis_src(src), expected);
}
