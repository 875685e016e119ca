def trace(fn):
    def wrapper(*args, **kwargs):
        print(f'calling {fn.__name__}{args}')
        result = fn(*args, **kwargs)
        print(f'{fn.__name__} returned {result!r}')
        return result
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, 3)
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return 'hi ' + name
print(hello('bob'))
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
