print(type(1), type('a'), type([]), type(None).__name__)
print(isinstance(1, int), isinstance(1, float), isinstance(1, (float, int)), isinstance(True, int))
print(isinstance('s', str), isinstance([], (tuple, list)), isinstance(None, type(None)))
print(isinstance(1.0, (int, (str, float))), isinstance(int, type))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(int, (str, int)))
print(issubclass(ValueError, Exception), issubclass(KeyError, LookupError), issubclass(TypeError, ValueError))
try:
    isinstance(1, 'int')
except TypeError as e:
    print('TypeError:', e)
try:
    issubclass(1, int)
except TypeError as e:
    print('TypeError:', e)
print(type(1)(5), type('x')(5), type([])('ab'))
