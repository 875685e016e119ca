def risky(n):
    if n == 0:
        raise ValueError('zero')
    if n == 1:
        raise KeyError('one')
    if n == 2:
        return 1 / 0
    return n
for n in range(4):
    try:
        r = risky(n)
    except ValueError as e:
        print('value', e)
    except (KeyError, ZeroDivisionError) as e:
        print('key-or-zero', type(e).__name__, e)
    else:
        print('ok', r)
    finally:
        print('finally', n)
try:
    raise TypeError('t')
except Exception:
    print('caught by base class')
try:
    try:
        raise IndexError('inner')
    except KeyError:
        print('wrong')
except IndexError as e:
    print('outer caught', e)
e = 'before'
try:
    raise ValueError
except ValueError as e:
    pass
print('e' in dir())
