n = None
print(n is None, n == None, type(n).__name__)
def f():
    return
print(f() is None)
r = print('printed')
print(r)
