# Private name mangling: self.__x inside class C is _C__x.
class C:
    __k = 1
    def __init__(self):
        self.__x = 1
        self.__y__ = 2
        self._z = 3
    def get(self): return self.__x
    @classmethod
    def __cm(cls): return cls.__k
    def call(self): return self.__cm(), C.__k, getattr(self, '_C__x')
print(sorted(C().__dict__), C().get(), C().call(), '_C__k' in C.__dict__, '_C__cm' in C.__dict__)
try: C().__x
except AttributeError as e: print("AttributeError:", e)
class _U:
    def m(self): self.__a = 1; return self.__dict__
print(_U().m())
class __V:
    def m(self): self.__a = 1; return self.__dict__
print(__V().m())
class D(C):
    def get2(self): return self.__x
try: D().get2()
except AttributeError as e: print("AttributeError:", e)
class E:
    def f(self):
        __local = 5
        def inner(): return __local
        return inner(), [__local for _ in range(1)]
    def g(self, __p=1): return __p
print(E().f(), E().g(__p=2) if False else E().g(2))
import sys
class F:
    def f(self):
        try:
            import __future__ as __fut
        except ImportError: pass
        return 'ok'
print(F().f())
class G:
    __slots__ = ('__s',)
print(G.__slots__)

