print(sorted([3, 1, 2]), sorted((3, 1, 2), reverse=True), sorted('cba'), sorted({2: 0, 1: 0}))
data = ['Banana', 'apple', 'Cherry']
print(sorted(data), sorted(data, key=str.lower), sorted(data, key=len, reverse=True))
print(sorted([(2, 'b'), (1, 'z'), (2, 'a')]), sorted([-3, 2, -1], key=abs))
stable = [('a', 1), ('b', 0), ('c', 1), ('d', 0)]
print(sorted(stable, key=lambda x: x[1]))
original = [5, 4]
s = sorted(original)
print(s, original, s is original)
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(3))), list(reversed((1, 2))))
r = reversed([1, 2])
print(type(r).__name__, next(r), list(r))
try:
    reversed(5)
except TypeError as e:
    print('TypeError:', e)
