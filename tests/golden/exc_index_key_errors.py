xs = [1, 2, 3]
for bad in (3, -4, 100):
    try:
        xs[bad]
    except IndexError as e:
        print('IndexError:', e)
try:
    'abc'[5]
except IndexError as e:
    print('IndexError:', e)
try:
    (1, 2)[2]
except IndexError as e:
    print('IndexError:', e)
try:
    xs[5] = 0
except IndexError as e:
    print('IndexError:', e)
try:
    [].pop()
except IndexError as e:
    print('IndexError:', e)
d = {'a': 1}
for k in ('b', 1, (1, 2), None, 'quote\'s'):
    try:
        d[k]
    except KeyError as e:
        print('KeyError:', e, '|', repr(e))
xs[3]
