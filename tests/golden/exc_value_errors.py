for s in ('x', '12a', '', ' ', '3.0'):
    try:
        int(s)
    except ValueError as e:
        print('ValueError:', e)
try:
    int('g', 16)
except ValueError as e:
    print('ValueError:', e)
try:
    float('one')
except ValueError as e:
    print('ValueError:', e)
try:
    [1, 2].index(3)
except ValueError as e:
    print('ValueError:', e)
try:
    'abc'.index('z')
except ValueError as e:
    print('ValueError:', e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print('ValueError:', e)
int('x')
