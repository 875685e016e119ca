# with: several managers, tuple/attribute/item/star targets, __exit__ suppression, ordering with
# return/finally/break/continue, the protocol errors.
import contextlib, sys
class CM:
    def __init__(self, name, suppress=False, ret=None): self.name = name; self.suppress = suppress; self.ret = ret
    def __enter__(self):
        print('enter', self.name); return self.ret if self.ret is not None else self
    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None, repr(v), tb is not None)
        return self.suppress
with CM('a') as a, CM('b', ret=(1, (2, 3))) as (x, (y, z)):
    print(a.name, x, y, z)
with CM('a'), CM('b', suppress=True):
    raise ValueError('v')
print('after suppress')
try:
    with CM('a'), CM('b'):
        raise KeyError('k')
except KeyError as e: print('propagated', e)
def f():
    with CM('r'):
        return 'returned'
    print('never')
print(f())
def f2():
    try:
        with CM('t'):
            return 1
    finally:
        print('finally')
print(f2())
for i in range(2):
    with CM(i):
        if i == 0: continue
        break
class L: pass
l = L()
with CM('attr', ret=5) as l.v: pass
print(l.v)
d = {}
with CM('item', ret=6) as d['k']: pass
print(d)
with CM('star', ret=[1, 2, 3]) as (h, *rest): print(h, rest)
try:
    with 5: pass
except TypeError as e: print("TypeError:", e)
class OnlyEnter:
    def __enter__(self): pass
try:
    with OnlyEnter(): pass
except TypeError as e: print("TypeError:", e)
class ExitRaises:
    def __enter__(self): return self
    def __exit__(self, *a): raise RuntimeError('in exit')
try:
    with ExitRaises(): raise ValueError('body')
except RuntimeError as e: print('RuntimeError', e, repr(e.__context__))
class EnterRaises:
    def __enter__(self): raise OSError('enter')
    def __exit__(self, *a): print('no exit')
try:
    with CM('outer'), EnterRaises(): print('body')
except OSError as e: print('OSError', e)
with (CM('p1') as p1,
      CM('p2') as p2):
    print('parenthesized')
with (CM('p3')):
    pass
