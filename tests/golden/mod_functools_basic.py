import functools
from functools import wraps, partial, reduce, lru_cache, cache, total_ordering, cmp_to_key

def deco(f):
    @wraps(f)
    def inner(*a, **k):
        """inner doc"""
        return f(*a, **k) * 2
    return inner

@deco
def add(a, b=1):
    """Add things."""
    return a + b

print(add(2), add.__name__, add.__doc__, add.__qualname__, add.__wrapped__.__name__)
add.__wrapped__.extra = 5

def f(a, b, c=3, *, d=4):
    return (a, b, c, d)
p = partial(f, 1, d=9)
print(p(2), p(2, 3), p.args, p.keywords, p.func is f)
print(repr(p).startswith("functools.partial(<function f at 0x"), repr(p).endswith(">, 1, d=9)"))
p2 = partial(p, 5)
print(p2(), p2.args)
print(reduce(lambda x, y: x * y, [1, 2, 3, 4]), reduce(lambda x, y: x + y, [], 10))
try:
    reduce(lambda x, y: x, [])
except TypeError as e:
    print("TypeError:", e)

@lru_cache(maxsize=2)
def sq(x):
    print("compute", x)
    return x * x
print(sq(2), sq(2), sq(3), sq(4), sq(2))
print(sq.cache_info())
sq.cache_clear()
print(sq.cache_info())

@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info().hits)

@cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(20), fact.cache_info())

@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(2) >= V(2), V(3) <= V(2))

def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted("bca", key=cmp_to_key(lambda a, b: cmp(b, a))))
