xs = list(range(10))
xs[2:5] = ['a', 'b']; print(xs)
xs[:0] = [-1]; print(xs)
xs[len(xs):] = [99]; print(xs)
xs[1:3] = []; print(xs)
xs[::2] = [0] * len(xs[::2]); print(xs)
del xs[::3]; print(xs)
del xs[-2:]; print(xs)
ys = [1, 2, 3, 4]
ys[1:3] = 'xyz'; print(ys)
ys[:] = []; print(ys)
try:
    zs = [1, 2, 3, 4]
    zs[::2] = [1]
except ValueError as e:
    print('ValueError:', e)
zs = [1, 2, 3]
zs[-1] = 'last'; print(zs)
try:
    zs[3] = 0
except IndexError as e:
    print('IndexError:', e)
