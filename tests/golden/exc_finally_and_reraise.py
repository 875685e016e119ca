def f():
    try:
        raise ValueError('original')
    finally:
        print('cleanup in f')
try:
    f()
except ValueError as e:
    print('caught', e)
def g():
    try:
        raise KeyError('first')
    except KeyError:
        try:
            raise TypeError('second')
        except TypeError:
            pass
        raise
try:
    g()
except KeyError as e:
    print('re-raised the right one:', repr(e))
def h():
    try:
        return 1 / 0
    except ZeroDivisionError:
        return 'handled'
    finally:
        print('h finally')
print(h())
