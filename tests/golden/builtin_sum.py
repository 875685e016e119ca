print(sum([1, 2, 3]), sum([]), sum(range(101)), sum([1.5, 2.5]), sum([1, 2], 10))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()), sum([0.1] * 10))
print(sum(x * x for x in range(5)), sum([True, True, False]), sum([2 ** 64, 2 ** 64]))
print(sum([1, 2.5, 3]), sum(range(10), start=100))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print('TypeError:', e)
try:
    sum([1, 'a'])
except TypeError as e:
    print('TypeError:', e)
