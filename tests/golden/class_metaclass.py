# type(name, bases, dict), metaclasses, __init_subclass__, __set_name__, __class_getitem__,
# __new__, class decorators.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print('Meta.__new__', mcls.__name__, name, [b.__name__ for b in bases],
              sorted(k for k in ns if not k.startswith('__')), kw)
        ns['added'] = name.lower()
        cls = super().__new__(mcls, name, bases, ns)
        print('created', cls, type(cls))
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print('Meta.__init__', name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print('Meta.__call__', cls.__name__, a)
        return super().__call__(*a, **k)
    def hello(cls): return 'hello from ' + cls.__name__
class WithMeta(metaclass=Meta):
    def m(self): return 1
print(WithMeta.added, type(WithMeta).__name__, isinstance(WithMeta, Meta), WithMeta.hello())
w = WithMeta()
print(type(w).__name__, w.m(), isinstance(w, WithMeta))
class Child(WithMeta): pass
print(type(Child).__name__, Child.added)
X = Meta('X', (), {'q': 1})
print(X.q, X.added, type(X))
print(type.__new__(type, 'Y', (), {}).__name__)
class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class One(metaclass=Singleton):
    def __init__(self): print('One init')
print(One() is One())
class Other(type): pass
try:
    class Bad(WithMeta, metaclass=Other): pass
except TypeError as e:
    print("TypeError:", e)
class Registry:
    members = []
    def __init_subclass__(cls, tag='none', **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Registry.members.append(cls.__name__)
class R1(Registry, tag='one'): pass
class R2(R1): pass
print(Registry.members, R1.tag, R2.tag)
try:
    class R3(Registry, bogus=1): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Plain(object, x=1): pass
except TypeError as e:
    print("TypeError:", e)
class Field:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = name
    def __get__(self, obj, typ=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, 'unset')
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value * 10
class Rec:
    a = Field()
    b = Field()
r = Rec()
print(r.a, Rec.a.name)
r.a = 4
print(r.a, r.__dict__)
class Box:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item.__name__}]'
print(Box[int])
class Sub(Box): pass
print(Sub[str])
class Pt:
    def __new__(cls, *a):
        print('__new__', cls.__name__, a)
        return super().__new__(cls)
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Pt(1, 2)
print(p.x, p.y)
class RetOther:
    def __new__(cls): return 5
    def __init__(self): print('never')
print(RetOther())
class NoArgs: pass
try:
    NoArgs(1)
except TypeError as e:
    print("TypeError:", e)
def add_repr(cls):
    cls.__repr__ = lambda self: f'<{cls.__name__} {self.__dict__}>'
    return cls
def tag(label):
    def deco(cls):
        cls.label = label
        return cls
    return deco
@tag('t')
@add_repr
class Deco:
    def __init__(self): self.v = 1
print(Deco(), Deco.label)
try:
    class NoBool(bool): pass
except TypeError as e:
    print("TypeError:", e)
class Base:
    def hello(self): return 'Base.hello'
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        print('init_subclass', cls().hello())
class Sub(Base):
    def hello(self): return 'Sub/' + super().hello()
class Meta(type):
    def __new__(m, name, bases, ns):
        print('__classcell__' in ns)
        return super().__new__(m, name, bases, ns)
class WithCell(metaclass=Meta):
    def f(self): return __class__
print(WithCell().f() is WithCell)
