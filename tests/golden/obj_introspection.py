# id/is, the default repr, dir() (sorted, with object's names), vars(), getattr with a default,
# callable, hasattr swallowing only AttributeError, __slots__ accepted, __getattribute__.
def sub(s):
    i = s.find(' at 0x')
    while i >= 0:
        j = i + 6
        while j < len(s) and s[j] in '0123456789abcdef': j += 1
        s = s[:i] + ' at ADDR' + s[j:]
        i = s.find(' at 0x')
    return s
class A:
    cls_attr = 1
    def __init__(self): self.b = 2; self.a = 1
    def meth(self): pass
a = A()
r = repr(a)
print(sub(r), sub(str(a)))
print(r.startswith('<__main__.A object at 0x'), id(a) == id(a), a is a, hex(id(a)) in r)
print(sub(repr(A.meth)), sub(repr(a.meth)))
print(repr(A), repr(type), repr(int), repr(object()) [:15])
print(dir(a))
print(dir(A))
print([n for n in dir(a) if not n.startswith('__')])
print(vars(a), vars(A)['cls_attr'])
try: vars(5)
except TypeError as e: print("TypeError:", e)
try: vars(a, a)
except TypeError as e: print("TypeError:", e)
def fdir():
    z = 1; y = 2
    return dir()
print(fdir())
print(getattr(a, 'nope', 'default'), getattr(a, 'b'))
try: getattr(a, 'nope')
except AttributeError as e: print("AttributeError:", e)
try: getattr(a, 5)
except TypeError as e: print("TypeError:", e)
class Prop:
    @property
    def bad(self): raise ValueError('boom')
    @property
    def missing(self): raise AttributeError('really missing')
p = Prop()
try: hasattr(p, 'bad')
except ValueError as e: print('hasattr propagated', e)
print(hasattr(p, 'missing'), getattr(p, 'missing', 'dflt'))
try: p.missing
except AttributeError as e: print("AttributeError:", e)
print(callable(a), callable(A), callable(a.meth), callable(len), callable(None), callable(lambda: 0))
class D:
    def __dir__(self): return ['z', 'a', 'm']
print(dir(D()))
import sys
print(type(a).__dict__['meth'].__name__)
class E:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1
e = E()
print(e.x, E.__slots__)
class Cge:
    def __class_getitem__(cls, item): return f'{cls.__name__}[{item}]'
print(Cge[int])
class SN:
    def __set_name__(self, owner, name): print('set_name', owner.__name__, name); self.name = name
    def __get__(self, obj, typ=None): return ('get', self.name, obj is None)
class Own:
    d = SN()
print(Own.d, Own().d)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns['added'] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta): pass
print(WithMeta.added, type(WithMeta).__name__, isinstance(WithMeta, Meta))
class GAtt:
    def __init__(self): self.x = 1
    def __getattribute__(self, n):
        if n == 'magic': return 42
        return object.__getattribute__(self, n)
g = GAtt(); print(g.magic, g.x)
try: g.nope
except AttributeError as e: print("AttributeError:", e)
