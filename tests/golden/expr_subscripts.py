xs = [10, 20, 30, 40, 50]
print(xs[0], xs[-1], xs[-2], xs[len(xs) - 1])
s = 'abcdef'
print(s[0], s[-1], s[2])
t = (1, (2, (3, 4)))
print(t[1][1][0])
d = {'a': [1, {'b': 'deep'}]}
print(d['a'][1]['b'])
m = [[1, 2], [3, 4]]
m[1][0] = 99
print(m)
print('xyz'[1], b'xyz'[1], range(10)[3], range(10)[-1])
k = (1, 2)
dd = {k: 'tuple key'}
print(dd[1, 2])
