print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 'default')
print('' or [] or {}, 'a' and 'b' and 'c', [] and 1/0)
print(not 0, not 1, not '', not 'x', not None, not [])
def t(v):
    print('t', v)
    return v
print(t(0) or t(1) or t(2))
print(t(1) and t(0) and t(2))
x = None
print(x is None or x > 3)
print(type(1 and 2).__name__, type(0 or '').__name__)
