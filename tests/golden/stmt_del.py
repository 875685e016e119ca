x = 1
del x
try:
    x
except NameError as e:
    print(e)
xs = [0, 1, 2, 3, 4, 5]
del xs[0]
print(xs)
del xs[1:3]
print(xs)
del xs[::2]
print(xs)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
a, b = 1, 2
del a, b
print('a' in dir(), 'b' in dir())
try:
    del d['zzz']
except KeyError as e:
    print('KeyError', e)
