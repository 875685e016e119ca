f = frozenset([3, 1, 2, 1])
print(f, len(f), 2 in f, frozenset())
print(f | {4}, f & {1, 9}, type(f | {4}).__name__, type({4} | f).__name__)
print({f: 'hashable'}[frozenset({1, 2, 3})])
print(f == {1, 2, 3}, f.issubset({1, 2, 3, 4}), hash(f) == hash(frozenset([1, 2, 3])))
try:
    f.add(5)
except AttributeError as e:
    print('AttributeError:', e)
s = {frozenset({1}), frozenset({1})}
print(len(s))
