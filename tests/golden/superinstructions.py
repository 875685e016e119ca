# Fused instruction sequences (LoadFast + operand + operator, LoadFast + LoadAttr, compare +
# jump) give the same results and errors as the plain instructions on every operand kind.
import math


def arith(a, b):
    return [a + b, a - 1, a * b, a % 7, a // 3, a - b < 0, a <= 2, b == a, a != 1.5]


for a, b in [(5, 3), (2.5, 4.0), (-7, 2), (2**62, 2**62), (3, 0.5), (True, 2)]:
    print(arith(a, b))


def cmp_jump(x, y):
    out = []
    if x < y:
        out.append('lt')
    if x >= y:
        out.append('ge')
    if not x == y:
        out.append('ne')
    while x > 0:
        x -= 1
    out.append(x)
    return out


print(cmp_jump(3, 5), cmp_jump(5, 3), cmp_jump(2.0, 2.0))
nan = math.nan
print(cmp_jump(nan, 1.0), cmp_jump(1, 1.0), cmp_jump(-0.0, 0.0))


def index(xs, i):
    return xs[i], xs[0], xs[-1]


print(index([10, 20, 30], 1), index((1, 2), -2), index('abc', 2), index({0: 'a', -1: 'z', 5: 'f'}, 5))
for args in [([1, 2], 5), ((1,), -3), ([], 0), ([1], 'x')]:
    try:
        index(*args)
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)


def strs(s, t):
    return s + t, s * 2, s < t, s % (t,)


print(strs('a%s', 'b'))
try:
    strs(1, 'b')
except TypeError as e:
    print('TypeError', e)


class P:
    cls_attr = 'class'

    def __init__(self):
        self.x = 1

    @property
    def prop(self):
        return self.x + 1

    def meth(self):
        return self.x


class G:
    def __getattr__(self, name):
        return name * 2


def attrs(p):
    return p.x, p.cls_attr, p.prop, p.meth(), p.meth


p = P()
r = attrs(p)
print(r[:4], r[4].__name__)
p.x = 10
print(attrs(p)[:4])
g = G()


def getattr_fallback(o):
    return o.abc, o.x


print(getattr_fallback(g))
try:
    getattr_fallback(object())
except AttributeError as e:
    print('AttributeError', e)


def unbound(flag):
    if flag:
        v = 1
    return v + 1


print(unbound(True))
try:
    unbound(False)
except UnboundLocalError as e:
    print('UnboundLocalError', e)


def overflow(n):
    return n * n, n + n, -n - 1


print(overflow(2**40), overflow(-(2**62)))


def deep(n):
    return deep(n - 1) + 1 if n > 0 else 0


print(deep(50))
total = 0
for i in range(10):
    total = total + i * i
print(total)
print(index([1, 2, 3], 4))
