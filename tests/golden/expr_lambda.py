sq = lambda x: x * x
print(sq(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
va = lambda *a, **k: (a, sorted(k))
print(va(1, 2, z=3, y=4))
print((lambda: 'no args')())
print(list(map(lambda s: s.upper(), ['a', 'b'])))
pairs = [(1, 'b'), (3, 'a'), (2, 'c')]
print(sorted(pairs, key=lambda p: p[1]))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, add)(2))
print(sq.__name__)
kw = lambda *, k: k
print(kw(k='kw'))
