# sys._getframe and frame objects: f_back, f_code, f_lineno, f_globals, f_locals.
import sys


def f(a, b=2):
    x = a + b
    fr = sys._getframe()
    print(fr.f_code.co_name, fr.f_code.co_firstlineno, sorted(fr.f_locals)[:2])
    print(fr.f_back.f_code.co_name, fr.f_back.f_lineno)
    print(sys._getframe(1).f_code.co_name, sys._getframe(1).f_lineno)
    print(fr.f_back.f_back)
    print(fr.f_globals is globals(), fr.f_locals["x"])
    return x


f(1)


def depth():
    n = 0
    fr = sys._getframe()
    while fr is not None:
        n += 1
        fr = fr.f_back
    return n


def nest(k):
    if k == 0:
        return depth()
    return nest(k - 1)


print(depth(), nest(5))
for bad in (3, 100):
    try:
        sys._getframe(bad)
    except ValueError as e:
        print("ValueError:", e)
for args, kwargs in ((("1",), {}), ((1, 2), {}), ((), {"depth": 1}), ((2**31,), {}),
                     ((-10**30,), {})):
    try:
        sys._getframe(*args, **kwargs)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
top = sys._getframe()
print(top.f_code.co_name, top.f_code.co_filename.endswith("sys_getframe.py"))
print(type(top).__name__, top.f_back, top.f_locals is globals())
print(sys._getframe(-3).f_code.co_name)


def lines():
    a = sys._getframe().f_lineno
    b = sys._getframe().f_lineno
    return b - a


print(lines())
print(list(map(lambda d: sys._getframe(d).f_code.co_name, [0])))


class C:
    def __init__(self):
        print("init", sys._getframe().f_code.co_name, sys._getframe().f_lineno)

    def m(self):
        print(sys._getframe().f_code.co_qualname)
        return sys._getframe(0).f_locals["self"] is self


print(C().m())


def gen():
    yield sys._getframe().f_code.co_name


print(list(gen()))
print([sys._getframe().f_code.co_name for _ in range(1)])
