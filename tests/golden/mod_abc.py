# abc: ABC/ABCMeta, abstractmethod, CPython's error on instantiating an abstract class, register.
import abc
from abc import ABC, ABCMeta, abstractmethod

class Base(ABC):
    @abstractmethod
    def run(self): ...
    @abstractmethod
    def stop(self): ...
    def name(self): return type(self).__name__

class Half(Base):
    def run(self): return 'run'

class Full(Half):
    def stop(self): return 'stop'

for cls in (Base, Half, Full):
    try:
        o = cls()
        print(cls.__name__, 'ok', o.run(), o.stop(), o.name())
    except TypeError as e:
        print(cls.__name__, 'TypeError:', e)
print(sorted(Base.__abstractmethods__), sorted(Half.__abstractmethods__), sorted(Full.__abstractmethods__))
print(isinstance(Full(), Base), issubclass(Full, Base), type(Base) is ABCMeta)

class Plugin(metaclass=ABCMeta):
    pass
class Other:
    pass
Plugin.register(Other)
print(issubclass(Other, Plugin), isinstance(Other(), Plugin), isinstance(1, Plugin))
