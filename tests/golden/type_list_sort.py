xs = [5, 2, 8, 1, 9, 3]
xs.sort(); print(xs)
xs.sort(reverse=True); print(xs)
words = ['banana', 'Apple', 'cherry', 'date', 'Elder']
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
records = [('bob', 25), ('alice', 30), ('carol', 25), ('dave', 30)]
records.sort(key=lambda r: r[1]); print(records)
records.sort(key=lambda r: (-r[1], r[0])); print(records)
print(sorted([3.5, -1, 2, 0.5]), sorted([[2, 1], [1, 2], [1, 1]]))
print(sorted('hello'), sorted({3: 'a', 1: 'b'}), sorted([]))
try:
    [1, 'a'].sort()
except TypeError as e:
    print('TypeError:', e)
r = xs.sort()
print(r)
