# Special methods: items, iteration, containment, call, attribute hooks, __index__, reflected and in-place operators, and the TypeErrors when they are missing.
class Seq:
    def __init__(self): self.d = {}
    def __getitem__(self, k):
        if isinstance(k, int) and k >= 3: raise IndexError(k)
        return ('get', k)
    def __setitem__(self, k, v): print('set', k, v)
    def __delitem__(self, k): print('del', k)
s = Seq()
print(s[1], s[1:2], s[1:2, 3], s[::2], s[...])
s[0] = 1; s[1:3] = 'ab'; del s[2]; del s[1:]
print(list(s), 1 in s, ('get', 1) in s, 5 in s)
for x in s: print(x)
class C2:
    def __contains__(self, x): return x == 2
print(2 in C2(), 3 in C2(), 3 not in C2())
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), sum(It()), [x*2 for x in It()], *It())
a, b, c = It(); print(a, b, c)
class BadIter:
    def __iter__(self): return 5
try: iter(BadIter())
except TypeError as e: print("TypeError:", e)
try:
    for x in 5: pass
except TypeError as e: print("TypeError:", e)
class NoNext:
    def __iter__(self): return self
try: iter(NoNext())
except TypeError as e: print("TypeError:", e)
class Call:
    def __call__(self, *a, **k): return ('called', a, k)
c = Call(); print(c(1, x=2), callable(c), callable(Call), callable(3))
try: Seq()()
except TypeError as e: print("TypeError:", e)
class GA:
    y = 5
    def __getattr__(self, n):
        if n.startswith('z'): raise AttributeError(n)
        return 'ga:' + n
g = GA(); print(g.x, g.y, getattr(g, 'q', 'd'), getattr(g, 'zz', 'd'), hasattr(g, 'zz'))
try: g.zzz
except AttributeError as e: print("AttributeError:", e)
class SA:
    def __setattr__(self, n, v):
        print('setattr', n, v)
        object.__setattr__(self, n, v * 2)
    def __delattr__(self, n):
        print('delattr', n)
        object.__delattr__(self, n)
s = SA(); s.a = 3; print(s.a, s.__dict__); del s.a; print(s.__dict__)
try: del s.a
except AttributeError as e: print("AttributeError:", e)
setattr(s, 'b', 4); delattr(s, 'b')
class Idx:
    def __init__(self, n): self.n = n
    def __index__(self): return self.n
i = Idx(2)
L = [10, 20, 30, 40]
print(L[i], L[i:], L[:Idx(1)], L[::Idx(2)], 'abc'[i], (1,2,3)[i], range(10)[i], range(Idx(3)), list(range(Idx(1), Idx(5), Idx(2))))
print(hex(i), oct(i), bin(i), 'x' * i, [0] * Idx(3), int.__index__(5) if hasattr(int, '__index__') else '', bytes(Idx(2)) if False else '')
print(f"{10:{Idx(4)}}" if False else '')
try: L[Idx('x')]
except TypeError as e: print("TypeError:", e)
try: L['x']
except TypeError as e: print("TypeError:", e)
try: L[1.5]
except TypeError as e: print("TypeError:", e)
import operator
print(operator.index(i))
try: hex(1.5)
except TypeError as e: print("TypeError:", e)
print(round(2.5, Idx(0)) if False else '', chr(Idx(65)), L.pop(Idx(0)), L)
class Num:
    def __init__(s, v): s.v = v
    def __repr__(s): return f"Num({s.v})"
for op in ['add','sub','mul','truediv','floordiv','mod','pow','lshift','rshift','and','or','xor','matmul']:
    def f(s, o, op=op): return f"{op}({s.v},{o})"
    def rf(s, o, op=op): return f"r{op}({s.v},{o})"
    setattr(Num, f"__{op}__", f); setattr(Num, f"__r{op}__", rf)
n = Num(1)
print(n+1, n-1, n*1, n/1, n//1, n%1, n**1, n<<1, n>>1, n&1, n|1, n^1, n@1)
print(1+n, 1-n, 1*n, 1/n, 1//n, 1%n, 1**n, 1<<n, 1>>n, 1&n, 1|n, 1^n, 1@n)
print(divmod(7, 2), pow(2, 3, 5))
m = Num(2); m += 1; print(m)
m = Num(2); m **= 2; print(m)
class DM:
    def __divmod__(s, o): return 'dm'
    def __rdivmod__(s, o): return 'rdm'
    def __abs__(s): return 'abs'
    def __pos__(s): return 'pos'
    def __invert__(s): return 'inv'
    def __int__(s): return 42
    def __float__(s): return 4.5
    def __round__(s, n=None): return ('round', n)
print(divmod(DM(), 1), divmod(1, DM()), abs(DM()), +DM(), ~DM(), int(DM()), float(DM()), round(DM()), round(DM(), 2))
try: -DM()
except TypeError as e: print("TypeError:", e)
try: Num(1) < 2
except TypeError as e: print("TypeError:", e)
class X: pass
try: X() + 1
except TypeError as e: print("TypeError:", e)
try: 1 - X()
except TypeError as e: print("TypeError:", e)
x = X()
try: x += 1
except TypeError as e: print("TypeError:", e)
try: x[0]
except TypeError as e: print("TypeError:", e)
try: x[0] = 1
except TypeError as e: print("TypeError:", e)
try: del x[0]
except TypeError as e: print("TypeError:", e)
try: len(x)
except TypeError as e: print("TypeError:", e)
try: 1 in x
except TypeError as e: print("TypeError:", e)
try: x()
except TypeError as e: print("TypeError:", e)
try: X[0]
except TypeError as e: print("TypeError:", e)
