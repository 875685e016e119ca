xs = [1, 2, 3]
print(2 in xs, 5 in xs, 5 not in xs)
print('ell' in 'hello', 'z' not in 'hello', '' in 'abc')
print('a' in {'a': 1}, 1 in {'a': 1}, 3 in {1, 2, 3}, 2 in (1, 2))
print(3 in range(5), 5 in range(5), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
a = [1]
b = a
c = [1]
print(a is b, a is c, a is not c, a == c)
print(None is None, type(None) is type(None))
print(not 2 in xs, not (2 in xs))
print(1.0 in [1], [1] in [[1]], (1, 2) in [(1, 2)])
