# Classes: bases, MRO (C3), super() both forms, type(), isinstance/issubclass, class metadata.
class A:
    """doc A"""
    x = 1
    def f(self): return 'A.f'
class B(A):
    def f(self): return 'B.f/' + super().f()
class C(A):
    def f(self): return 'C.f/' + super(C, self).f()
class D(B, C):
    def f(self): return 'D.f/' + super().f()
print(D().f())
print(D.__mro__)
print(D.mro())
print(A.__bases__, D.__bases__, object.__bases__, D.__base__)
print(A.__doc__, B.__doc__, A.__name__, A.__qualname__, A.__module__)
print(sorted(k for k in A.__dict__ if not k.startswith('__')), '__qualname__' in A.__dict__)
class Outer:
    class Inner:
        def m(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__, Outer.Inner.__name__)
def fn():
    class L: pass
    return L
print(fn().__qualname__)
for bases in [('A', 'B'), ('A', 'A')]:
    try:
        X = type('X', tuple(globals()[b] for b in bases), {})
    except TypeError as e:
        print("TypeError:", e)
class O1: pass
class O2: pass
class P1(O1, O2): pass
class P2(O2, O1): pass
try:
    class Z(P1, P2): pass
except TypeError as e:
    print("TypeError:", e)
print(type(D()), type(D), type(type), type(5))
T = type('T', (A,), {'y': 2, 'g': lambda self: self.y})
print(T, T().g(), T.x, T.__mro__, T.__module__, T.__qualname__, T.__doc__)
print(type('T2', (), {}).__bases__)
print(isinstance(D(), (int, A)), issubclass(D, (int, C)), issubclass(D, D), isinstance(3, (str, (int,))))
d = D()
print(d.__class__, d.__class__.__name__, D.f(d), A.f(d), B.f(d))
a = A(); a.y = 5
print(a.__dict__, A.__dict__['x'], a.x, a.y)
A.x = 10
print(a.x, D().x)
a.x = 3
print(a.x, A.x)
del a.x
print(a.x)
for bad in [lambda: type('Q', (1,), {}), lambda: type('Q'), lambda: type('Q', (), {}, 1),
            lambda: issubclass(3, int), lambda: isinstance(3, 4), lambda: type(1, (), {})]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    super()
except RuntimeError as e:
    print("RuntimeError:", e)
def notmeth():
    return super()
try:
    notmeth()
except RuntimeError as e:
    print("RuntimeError:", e)
class S:
    def m(self): return super()
print(S().m())
print(super(B, d).f(), super(B, D).f(d), super(C, d).f())
try:
    super(int, 'x')
except TypeError as e:
    print("TypeError:", e)
class Base:
    def __init__(self, v):
        self.v = v
class Mid(Base):
    def __init__(self, v):
        Base.__init__(self, v * 2)
class Leaf(Mid):
    def __init__(self):
        super(Leaf, self).__init__(5)
print(Leaf().v)
class Cnt:
    count = 0
    def __init__(self):
        Cnt.count += 1
        type(self).count = Cnt.count
[Cnt() for _ in range(3)]
print(Cnt.count)
