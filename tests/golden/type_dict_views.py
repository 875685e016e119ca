d = {'a': 1, 'b': 2, 'c': 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
d['d'] = 4
print(len(k), list(v), ('d', 4) in i, 'a' in k, 4 in v)
print(k & {'a', 'z'}, sorted(k | {'z'}), sorted(k - {'a'}))
print(list(reversed(d)), list(reversed(d.values())))
try:
    for key in d:
        d['new'] = 0
except RuntimeError as e:
    print('RuntimeError:', e)
print(type(k).__name__, type(v).__name__, type(i).__name__)
