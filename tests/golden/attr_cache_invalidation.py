# The per-thread attribute cache must see every change: __class__ assignment (back and forth,
# in a loop), writes to a class or a base class between calls, methods shadowed by instance
# attributes, a __getattribute__ added later, and builtin methods of builtin values next to
# subclasses that override them.
class A:
    def who(self):
        return 'A'

class B:
    def who(self):
        return 'B'

o = A()
seen = []
for i in range(6):
    seen.append(o.who())
    o.__class__ = B if o.__class__ is A else A
print(seen, type(o).__name__)

class Base:
    def f(self):
        return 'base'

class Derived(Base):
    pass

d = Derived()
out = [d.f()]
Base.f = lambda self: 'patched base'
out.append(d.f())
Derived.f = lambda self: 'derived'
out.append(d.f())
del Derived.f
out.append(d.f())
d.f = lambda: 'instance'
out.append(d.f())
del d.f
out.append(d.f())
print(out)

class G:
    x = 1

g = G()
print(g.x)
G.__getattribute__ = lambda self, name: 'hooked ' + name
print(g.x, g.y)
del G.__getattribute__
print(g.x)

class MyList(list):
    def append(self, v):
        super().append(v * 10)

for cls in (list, MyList, list):
    xs = cls()
    for i in range(3):
        xs.append(i)
    print(type(xs).__name__, xs)
print([].append.__name__, range(2, 5), list(range(3)), tuple(range(1, 3)))
