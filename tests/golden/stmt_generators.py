def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(4)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration:
    print('exhausted')
def gen_return():
    yield 1
    return 'done'
g = gen_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print('StopIteration value:', e.value)
def delegate():
    r = yield from gen_return()
    yield r
print(list(delegate()))
def echo():
    got = yield 'ready'
    while True:
        got = yield f'got {got}'
e = echo()
print(next(e), e.send(1), e.send('two'))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fib():
    if v > 50:
        break
    out.append(v)
print(out)
