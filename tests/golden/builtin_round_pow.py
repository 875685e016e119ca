print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(12345, -2), round(5.5555, 3))
print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(-8, 2), pow(2, 100))
print(pow(3, 4, 5), pow(2, 100, 1000000007), pow(7, -1, 13), pow(-3, 3, 7))
print(2 ** 10 == pow(2, 10), pow(0, 0), pow(10, 2, 1))
try:
    pow(2, 3, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print('TypeError:', e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
