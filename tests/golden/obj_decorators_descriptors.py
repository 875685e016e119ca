# Decorators (function and class, stacked, with arguments), property/staticmethod/classmethod,
# bound methods, functools.wraps/partial/reduce/lru_cache/total_ordering.
import functools
def deco(f):
    print("decorating", f.__name__)
    return f
def with_args(n):
    def d(f):
        @functools.wraps(f)
        def w(*a, **k):
            """wrapper doc"""
            return (n, f(*a, **k))
        return w
    return d
@deco
@with_args(3)
def g(x):
    """g doc"""
    return x * 2
print(g(4), g.__name__, g.__doc__, g.__qualname__, g.__module__, g.__wrapped__.__name__, g.__dict__.keys() if False else '')
def plain(f): 
    def w(): return f()
    return w
@plain
def h(): pass
print(h.__name__, h.__qualname__)
class CallableDeco:
    def __init__(self, f): self.f = f; self.n = 0
    def __call__(self, *a):
        self.n += 1
        return self.f(*a)
@CallableDeco
def k(x): return x + 1
print(k(1), k(2), k.n, type(k).__name__)
def cdeco(cls):
    cls.tag = 'tagged'
    return cls
@cdeco
class T: pass
print(T.tag)
def reg(name):
    def d(cls): cls.name = name; return cls
    return d
@reg('a')
@cdeco
class T2: pass
print(T2.name, T2.tag)
class P:
    def __init__(self): self._x = 0
    @property
    def x(self):
        """the x"""
        return self._x
    @x.setter
    def x(self, v): print('set', v); self._x = v
    @x.deleter
    def x(self): print('del'); del self._x
    @property
    def ro(self): return 1
    @staticmethod
    def sm(a): return ('sm', a)
    @classmethod
    def cm(cls, a): return ('cm', cls.__name__, a)
p = P(); p.x = 5; print(p.x); del p.x
try: p.x
except AttributeError as e: print("AttributeError:", e)
try: p.ro = 2
except AttributeError as e: print("AttributeError:", e)
try: del p.ro
except AttributeError as e: print("AttributeError:", e)
print(P.x.__doc__, type(P.x).__name__, P.x.fget.__name__, P.x.fset is not None)
print(P.sm(1), p.sm(2), P.cm(3), p.cm(4))
class Q(P): pass
print(Q.cm(5), Q().cm(6))
print(type(P.__dict__['sm']).__name__, type(P.__dict__['cm']).__name__)
print(P.__dict__['sm'].__func__.__name__, P.__dict__['cm'].__func__.__name__)
m1 = p.sm; print(m1(7))
bm = p.cm; print(bm.__self__, bm.__func__.__name__)
class M:
    def f(self): pass
    def __repr__(self): return 'M()'
a = M(); b = M()
print(a.f == a.f, a.f is a.f, a.f == b.f, a.f != b.f, a.f.__self__ is a, a.f.__func__ is M.f, M.f.__qualname__)
print(len({a.f, a.f, b.f}), a.f in {a.f: 1}, [].append == [].append)
print(a.f)
print(hash(a.f) == hash(a.f))
print(a.f.__name__, a.f.__qualname__)
print(repr(p.sm)[:20], repr(P.cm)[:30])
pa = functools.partial(lambda a, b, c=3: (a, b, c), 1, c=9)
print(pa(2), pa.func is not None, pa.args, pa.keywords)
print(functools.reduce(lambda a, b: a + b, [1, 2, 3]), functools.reduce(lambda a, b: a * b, [], 1))
try: functools.reduce(lambda a, b: a, [])
except TypeError as e: print("TypeError:", e)
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())
@functools.lru_cache(maxsize=2)
def sq(n): return n * n
for i in [1, 2, 1, 3, 1, 2]: sq(i)
print(sq.cache_info(), sq.__name__, sq.__wrapped__.__name__)
@functools.lru_cache
def bare(n): return n
print(bare(1), bare(1), bare.cache_info())
@functools.cache
def cc(n): return n
print(cc(1), cc.cache_info())
print(functools.partial(max, 1)(2))
@functools.total_ordering
class TO:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(TO(1) <= TO(2), TO(3) > TO(2), TO(2) >= TO(2))
try:
    @staticmethod
    def f(): pass
    print(f())
except TypeError as e: print("TypeError:", e)
class W:
    @functools.wraps(len)
    def z(self): pass
print(W.z.__name__)
