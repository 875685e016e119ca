it = iter([10, 20])
print(next(it), next(it), next(it, 'default'), next(it, None))
print(callable(len), callable(print), callable(lambda: 0), callable(5), callable('s'), callable(int))
def f():
    pass
print(callable(f), callable(None), callable([].append), callable(type))
try:
    next(iter([]))
except StopIteration as e:
    print('StopIteration', e.args)
