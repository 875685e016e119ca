def f(a, b, /, c, *, d):
    return a, b, c, d
print(f(1, 2, 3, d=4))
print(f(1, 2, c=3, d=4))
try:
    f(1, b=2, c=3, d=4)
except TypeError as e:
    print('TypeError:', e)
try:
    f(1, 2, 3, 4)
except TypeError as e:
    print('TypeError:', e)
def g(*, key=None, reverse=False):
    return key, reverse
print(g(), g(reverse=True))
def h(x, /, **kw):
    return x, kw
print(h(1, x=2))
