print(range(5), range(1, 5), range(1, 10, 2), range(5, 0, -1), range(0))
print(list(range(5)), list(range(2, 5)), list(range(0, 10, 3)), list(range(5, 0, -2)), list(range(0, 5, -1)))
print(len(range(10)), len(range(1, 10, 2)), len(range(10, 0, -3)), len(range(5, 5)))
r = range(0, 20, 4)
print(r[0], r[-1], r[1:3], r[::-1], r[::2], list(r[::-1]))
print(3 in range(5), 12 in r, 13 in r, -4 in range(0, -10, -2), r.index(8), r.count(4))
print(range(3) == range(0, 3), range(0) == range(5, 2), sum(range(101)))
print(r.start, r.stop, r.step)
try:
    range(1, 2, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    range(5)[10]
except IndexError as e:
    print('IndexError:', e)
print(list(reversed(range(4))), range(10 ** 20)[-1])
