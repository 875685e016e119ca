d = {'a': 1, 'b': 2}
print(d.setdefault('a', 100), d.setdefault('c', 3), d)
print(d.pop('a'), d.pop('zz', 'default'), d)
try:
    d.pop('zz')
except KeyError as e:
    print('KeyError:', e)
d.update({'x': 10}, y=20)
d.update([('z', 30)])
print(d)
print(d.popitem(), d)
c = d.copy()
c['new'] = 1
print(d, c)
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0))
d.clear()
print(d, len(d))
try:
    {}.popitem()
except KeyError as e:
    print('KeyError:', e)
counts = {}
for w in 'the cat the dog the end'.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
