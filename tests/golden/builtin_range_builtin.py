print(list(range(3)), list(range(-2, 2)), list(range(10, 0, -3)))
print(range(3)[1], len(range(0, 100, 7)), range(5)[::-1])
for i in range(2, -3, -2):
    print(i, end=' ')
print()
try:
    range(1.5)
except TypeError as e:
    print('TypeError:', e)
try:
    range()
except TypeError as e:
    print('TypeError:', e)
print(list(range(2 ** 64, 2 ** 64 + 3)))
