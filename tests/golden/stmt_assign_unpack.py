a, b = [1, 2]
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = 'hi'
print(f, g)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
h, *mid, t = 'abcdef'
print(h, mid, t)
p, *q = [9]
print(p, q)
for k, v in [('a', 1), ('b', 2)]:
    print(k, v)
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x, y)
xs = [0, 0, 0]
xs[0], xs[2] = 'L', 'R'
print(xs)
d = {}
d['a'], d['b'] = 1, 2
print(d)
