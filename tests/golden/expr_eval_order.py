def v(name, value):
    print('eval', name)
    return value
print(v('a', 1) + v('b', 2) * v('c', 3))
def f(*args, **kw):
    return args, kw
f(v('pos1', 1), v('pos2', 2), k=v('kw', 3))
d = {v('k1', 1): v('v1', 'a'), v('k2', 2): v('v2', 'b')}
lst = [v('x', 1), v('y', 2)]
v('obj', lst)[v('idx', 0)] = v('rhs', 99)
print(lst)
print(v('cond', True) if v('test', False) else v('else', 'E'))
