# Attribute and method lookups stay right when classes change between calls (pyt caches
# class lookups per thread, validated by the class dicts' write counts).
class Base:
    def who(self):
        return 'base'

class C(Base):
    pass

c = C()
out = []
for i in range(6):
    if i == 1:
        C.who = lambda self: 'C'
    if i == 2:
        Base.who = lambda self: 'new base'
    if i == 3:
        del C.who
    if i == 4:
        c.who = lambda: 'instance'
    if i == 5:
        del c.who
    out.append(c.who())
print(out)

class P:
    def __init__(self):
        self.x = 1
p = P()
vals = []
for i in range(4):
    if i == 2:
        P.x = property(lambda self: 'prop')
    vals.append(p.x)
    p.y = i
print(vals, p.y, vars(p))
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError:', e)
class S:
    def __setattr__(self, k, v):
        object.__setattr__(self, k, v * 2)
s = S()
s.a = 2
print(s.a)
