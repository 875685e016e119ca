print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('hello'), min((2.5, 1)))
print(max([1, -5, 3], key=abs), min(['bb', 'a', 'ccc'], key=len), max('a', 'B', key=str.lower))
print(max([], default='empty'), min([], default=None), max([7], default=0))
print(max([1, 3, 3, 2]), max([(1, 'b'), (1, 'a')]), min([[2], [1, 9]]))
print(max([2, 1, 2], key=lambda x: -x), max({'a': 3, 'b': 1}), max(range(5)))
pairs = [('x', 2), ('y', 9), ('z', 9)]
print(max(pairs, key=lambda p: p[1]), min(pairs, key=lambda p: p[1]))
try:
    max([])
except ValueError as e:
    print('ValueError:', e)
try:
    min()
except TypeError as e:
    print('TypeError:', e)
try:
    max(1, 'a')
except TypeError as e:
    print('TypeError:', e)
