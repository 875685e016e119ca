x = 10
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print('UnboundLocalError:', e)
    x = 20
    return x
print(f())
def g():
    if False:
        y = 1
    try:
        return y
    except UnboundLocalError as e:
        return f'caught: {e}'
print(g())
def h():
    z = 1
    del z
    try:
        z
    except UnboundLocalError as e:
        print(type(e).__name__, isinstance(e, NameError))
h()
