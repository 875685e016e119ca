x = 1
y = x
x = 2
print(x, y)
a = b = c = [0]
a.append(1)
print(a, b, c, a is c)
i = j = 0
i += 1
print(i, j)
t = 1, 2, 3
print(t, type(t).__name__)
x, y = 10, 20
x, y = y, x
print(x, y)
