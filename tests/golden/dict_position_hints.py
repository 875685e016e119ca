# One LoadAttr/StoreAttr/LoadName instruction meets dicts whose entries sit at different
# positions: the remembered position is only a hint, never a wrong answer.
class A:
    def __init__(self):
        self.x = 'A.x'
        self.y = 'A.y'


class B:
    def __init__(self):
        self.y = 'B.y'
        self.pad = 0
        self.x = 'B.x'


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


objs = [A(), B(), A(), B()]
print([get_x(o) for o in objs])
for i, o in enumerate(objs):
    set_x(o, i)
print([get_x(o) for o in objs], [sorted(vars(o)) for o in objs])

a = A()
del a.x
try:
    get_x(a)
except AttributeError as e:
    print('AttributeError', e)
a.x = 'again'
print(get_x(a), list(vars(a)))
del a.y
print(get_x(a), list(vars(a)))
setattr(a, ''.join(['x']), 'computed name')
print(get_x(a), a.__dict__)
a.__dict__.clear()
a.__dict__['x'] = 'through the dict'
print(get_x(a))
for k in range(5):
    setattr(a, 'z%d' % k, k)
del a.x
a.x = 'at the end'
print(get_x(a), list(vars(a)))

# Module level: LoadName/StoreName with names added and deleted around them.
v = 1
for i in range(4):
    v = v + i
    if i == 1:
        del v
        v = 100
    globals()['w%d' % i] = i
print(v, w3)
