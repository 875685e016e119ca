x = 1
g = globals()
print(type(g).__name__, g['x'], '__name__' in g, g['__name__'])
g['y'] = 'created via globals()'
print(y)
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
print(sorted(k for k in vars() if not k.startswith('__')))
print(locals() is globals())
class NS:
    pass
n = NS()
n.p = 1
print(vars(n))
