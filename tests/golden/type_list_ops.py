a = [1, 2, 3]
print(a + [4], a * 2, [0] * 0, len(a), 3 in a, a[::-1])
b = a
b.append(4)
print(a, a is b, a == [1, 2, 3, 4], a != b)
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested)
fixed = [[0] * 2 for _ in range(2)]
fixed[0][0] = 1
print(fixed)
print(list(), list('ab'), list((1, 2)), list(range(3)), list({'k': 1}))
print(max([3, 7, 2]), min([3, 7, 2]), sum([1, 2, 3]), [1, 2] < [1, 2, 3])
x = [1, 2]
x.append(x)
print(x)
print([] == [], [1, [2, [3]]] == [1, [2, [3]]])
