print(len('abc'), len([1, 2]), len((1,)), len({'a': 1}), len({1, 2, 3}), len(range(10)), len(b'xy'), len(''))
try:
    len(5)
except TypeError as e:
    print('TypeError:', e)
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(-(2 ** 80)), abs(False))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(2 ** 70, 3))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
