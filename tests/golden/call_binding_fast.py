# Calls of plain functions with defaults and keyword arguments bind as CPython binds them,
# whichever path the VM takes; every binding error keeps CPython's message.
def f(a, b, c=3, d=4):
    return (a, b, c, d)


def g(a, b=[], /, c=None):
    b.append(1)
    return (a, len(b), c)


print(f(1, 2), f(1, 2, 5), f(1, 2, d=9), f(1, b=2), f(a=1, b=2, c=3, d=4), f(d=0, c=1, b=2, a=3))
print(g(1), g(1), g(1, [], c=5), g(0, c='k'))
for call in [
    lambda: f(1),
    lambda: f(1, 2, 3, 4, 5),
    lambda: f(1, a=2),
    lambda: f(1, 2, e=5),
    lambda: f(b=2),
    lambda: f(1, 2, c=3, c2=4),
    lambda: g(1, b=[]),
    lambda: g(),
]:
    try:
        print(call())
    except TypeError as e:
        print('TypeError', e)


def counter(n, step=1, *, scale=1):
    return n * step * scale


def closure(k):
    def inner(x, y=k):
        return x + y
    return inner


add5 = closure(5)
print(counter(3), counter(3, step=2), counter(3, 2, scale=10), add5(1), add5(1, y=2), add5(y=3, x=4))
total = 0
for i in range(1000):
    total += f(i, b=i, d=2)[3] + add5(i)
print(total)
