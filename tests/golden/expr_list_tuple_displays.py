print([], [1], [1, 2,], [[]], [[1], [2, [3]]])
print((), (1,), (1, 2), ((),), tuple())
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), [0, *a, 9], (*'ab',))
print([*range(3), *'xy'])
print(type((1)).__name__, type((1,)).__name__)
print([1, 'two', 3.0, None, True, [1], (2,), {'k': 'v'}])
t = 1, 2, 3
x = *t, 4
print(x)
