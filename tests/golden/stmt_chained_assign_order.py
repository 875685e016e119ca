def log(msg, v):
    print(msg)
    return v
xs = [0, 0, 0]
i = 0
i = xs[i] = 2
print(i, xs)
d = {}
d[log('key', 'k')] = log('value', 1)
print(d)
a = [1, 2]
a[0], a[1] = a[1], a[0]
print(a)
x = [1, 2, 3]
i = 0
i, x[i] = 1, 9
print(i, x)
