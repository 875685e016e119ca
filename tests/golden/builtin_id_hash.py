a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), type(id(a)).__name__)
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(False), hash(-1) == -2)
print(hash((1, 2)) == hash((1, 2)), hash(42), hash(2 ** 61 - 2), hash(None) == hash(None))
print(hash('abc') == hash('ab' + 'c'), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
for bad in ([1], {'a': 1}, {1}):
    try:
        hash(bad)
    except TypeError as e:
        print('TypeError:', e)
