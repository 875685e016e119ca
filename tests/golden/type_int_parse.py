print(int('42'), int(' 42 '), int('-17'), int('+5'), int('1_000'))
print(int('ff', 16), int('FF', 16), int('0xff', 16), int('0xff', 0), int('777', 8))
print(int('101', 2), int('0b101', 0), int('z', 36), int('10', 36))
print(int(3.99), int(-3.99), int(True), int('  -0  '))
print(int('12345678901234567890'), int(1e20))
for bad in ['x', '', '1.5', '0x10', '1 2']:
    try:
        int(bad)
    except ValueError as e:
        print('ValueError:', e)
try:
    int('9', 8)
except ValueError as e:
    print('ValueError:', e)
try:
    int(float('inf'))
except OverflowError as e:
    print('OverflowError:', e)
try:
    int(None)
except TypeError as e:
    print('TypeError:', e)
