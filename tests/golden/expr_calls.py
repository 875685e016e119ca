def f(a, b, c=3, *args, d=4, **kw):
    return f'a={a} b={b} c={c} args={args} d={d} kw={kw}'
print(f(1, 2))
print(f(1, b=2))
print(f(c=1, b=2, a=3))
print(f(*[1, 2, 3, 4, 5]))
print(f(*(1,), *(2,), d=0))
print(f(**{'a': 1, 'b': 2, 'x': 9}))
print(f(1, *[2], 3, **{'d': 'D'}, e='E'))
args = ('x', 'y')
kwargs = {'sep': '-', 'end': '!\n'}
print(*args, **kwargs)
print(*'abc')
print(*range(3), sep=', ')
def g(*a, **k):
    return len(a), len(k)
print(g(*[], **{}), g(*range(10), **dict(a=1)))
