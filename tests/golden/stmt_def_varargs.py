def f(*args):
    return args
print(f(), f(1), f(1, 2, 3))
def g(a, *rest):
    return a, rest
print(g(1), g(1, 2, 3))
def h(**kw):
    return sorted(kw.items())
print(h(), h(x=1, y=2))
def full(a, b=0, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(full(1, c=3))
print(full(1, 2, 3, 4, c=5, e=6))
print(full(*[1, 2], c=0, **{'d': 8, 'z': 9}))
