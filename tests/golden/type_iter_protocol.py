it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, 'done'))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', repr(e))
s = iter('ab')
print(list(s), list(s))
d = iter({'x': 1, 'y': 2})
print(next(d), next(d))
r = iter(range(3))
print(type(r).__name__, list(r))
def gen():
    yield 'g'
g = gen()
print(iter(g) is g, next(g))
count = 0
def sentinel_fn():
    global count
    count += 1
    return count
print(list(iter(sentinel_fn, 4)))
it = iter([1, 2, 3, 4, 5])
for x in it:
    if x == 2:
        print('skip', next(it))
    print('x', x)
try:
    iter(5)
except TypeError as e:
    print('TypeError:', e)
try:
    next([1])
except TypeError as e:
    print('TypeError:', e)
