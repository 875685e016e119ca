class Box:
    pass
b = Box()
setattr(b, 'x', 10)
print(getattr(b, 'x'), hasattr(b, 'x'), hasattr(b, 'y'), getattr(b, 'y', 'default'))
b.y = 20
print(b.y, getattr(b, 'y'))
delattr(b, 'x')
print(hasattr(b, 'x'))
try:
    getattr(b, 'x')
except AttributeError as e:
    print('AttributeError:', e)
print(getattr('abc', 'upper')(), hasattr([], 'append'), hasattr(1, 'nope'), getattr(1, 'real'))
try:
    setattr(1, 'x', 2)
except AttributeError as e:
    print('AttributeError:', e)
