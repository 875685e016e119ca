def f(a, b=2, c='three'):
    return (a, b, c)
print(f(1))
print(f(1, 20))
print(f(1, c='C'))
print(f(a=0, b=1, c=2))
def g(x, acc=[]):
    acc.append(x)
    return acc
print(g(1), g(2))
def h(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(h(1), h(2))
print(f.__name__, f.__defaults__)
