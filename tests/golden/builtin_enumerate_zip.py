print(list(enumerate('abc')), list(enumerate('ab', 1)), list(enumerate([], 5)))
print(list(enumerate(['x', 'y'], start=10)))
for i, (a, b) in enumerate(zip('xy', 'pq')):
    print(i, a, b)
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1], [2], [3])))
names = ['a', 'b', 'c']
vals = [1, 2, 3]
print(dict(zip(names, vals)))
pairs = [(1, 'one'), (2, 'two')]
nums, words = zip(*pairs)
print(nums, words)
z = zip(range(3), range(10, 13))
print(next(z), list(z))
e = enumerate('q')
print(type(e).__name__, next(e))
