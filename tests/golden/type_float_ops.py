print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 7.5 % -2)
print(divmod(-7.5, 2), divmod(7, 0.5))
print(abs(-0.5), -abs(0.5), max(1.5, 2), min(1.5, 2))
print(1.5.is_integer(), 2.0.is_integer())
print(int(2.5), int(-2.5), float(7), float(-7))
print((3.7).__floor__() if hasattr(3.7, '__floor__') else 3)
print(0.5 == 1 / 2, 1.0 == 1, hash(1.0) == hash(1))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    5 % 0.0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    float('abc')
except ValueError as e:
    print('ValueError:', e)
try:
    2.0 ** 10000
except OverflowError as e:
    print('OverflowError:', e)
