it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', repr(e), e.value)
def g():
    yield 1
    return 'result'
gen = g()
next(gen)
try:
    next(gen)
except StopIteration as e:
    print('value:', e.value, e.args)
def bad_gen():
    raise StopIteration('inside')
    yield
try:
    next(bad_gen())
except RuntimeError as e:
    print('RuntimeError:', e)
print(list(x for x in []))
next(iter([]))
