d = {'b': 2, 'a': 1}
d['c'] = 3
d['b'] = 20
print(d, len(d), list(d), 'a' in d, 2 in d)
print(d['a'], d.get('z'), d.get('z', 0), d.get('a', 0))
print(list(d.keys()), list(d.values()), list(d.items()))
for k in d:
    print(k, d[k], end='; ')
print()
for k, v in d.items():
    print(f'{k}={v}', end=' ')
print()
del d['b']
d['b'] = 'new'
print(d)
print(dict(a=1, b=2), dict([('x', 1), ('y', 2)]), dict({'k': 'v'}, extra=1), dict())
print(dict(zip('abc', range(3))))
try:
    d['missing']
except KeyError as e:
    print('KeyError:', e, repr(e))
print({1: 'a'} == {1: 'a'}, {1: 'a', 2: 'b'} == {2: 'b', 1: 'a'})
