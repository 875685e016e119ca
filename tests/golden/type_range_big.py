# range with bounds beyond 64-bit integers: everything but len() works.
import sys

big = 2 ** 64
r = range(big, big + 10, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], list(reversed(r)))
print(r.start, r.stop, r.step, bool(r), bool(range(big, big)))
print(big + 3 in r, big + 4 in r, 5 in r, True in range(-big, big), r.index(big + 6), r.count(big + 9))

huge = range(10 ** 20)
print(huge, huge[-1], huge[10 ** 19], huge[-10 ** 20], bool(huge))
try:
    len(huge)
except OverflowError as e:
    print('OverflowError:', e)
try:
    huge[10 ** 20]
except IndexError as e:
    print('IndexError:', e)
try:
    huge[-10 ** 20 - 1]
except IndexError as e:
    print('IndexError:', e)
print(huge[::10 ** 19], len(huge[::10 ** 19]), huge[-3:], list(huge[-3:]))
print(huge[10 ** 19:10 ** 19 + 5:2], huge[::-1][:3], huge[5:1], huge[::-3][-2:])
print(10 ** 20 - 1 in huge, 10 ** 20 in huge, -1 in huge, huge.index(10 ** 19 + 7), huge.count(10 ** 30))
try:
    huge.index(-5)
except ValueError as e:
    print('ValueError:', e)
try:
    huge.index(10 ** 25)
except ValueError as e:
    print('ValueError:', e)

# Lazy iteration of a huge range.
it = iter(huge)
print(type(it).__name__, next(it), next(it))
rit = reversed(huge)
print(type(rit).__name__, next(rit), next(rit))
for i in range(2 ** 70, 2 ** 80, 2 ** 77):
    print(i, end=' ')
print()
for i in range(-2 ** 65, -2 ** 66, -2 ** 63):
    print(i, end=' ')
print()

# Negative steps with big bounds.
d = range(10 ** 20, -10 ** 20, -7 * 10 ** 18)
print(d, d[0], d[-1], d[5], len(d), list(d[-3:]))
print(10 ** 20 - 7 * 10 ** 18 in d, 10 ** 20 - 7 * 10 ** 18 + 1 in d, -10 ** 20 in d)
print(d.index(10 ** 20 - 21 * 10 ** 18), d[::-2][:2], d[3:-3:4])

# Small bounds whose length still exceeds sys.maxsize.
w = range(-sys.maxsize - 1, sys.maxsize)
print(w[-1], w[sys.maxsize], sys.maxsize - 1 in w, w.index(sys.maxsize - 1), bool(w))
try:
    len(w)
except OverflowError as e:
    print('OverflowError:', e)
print(type(iter(w)).__name__, type(iter(range(0, sys.maxsize))).__name__,
      type(iter(range(0, sys.maxsize, 2))).__name__, type(reversed(range(10))).__name__,
      type(reversed(range(-sys.maxsize, 10))).__name__)
print(list(reversed(range(sys.maxsize - 3, sys.maxsize))), list(range(sys.maxsize - 2, sys.maxsize, 5)))
print(list(reversed(range(-sys.maxsize - 1, -sys.maxsize + 5, 2))))
print(list(range(-sys.maxsize, -sys.maxsize - 10, -sys.maxsize)))

# Equality and hashing agree across representations.
print(range(big, big + 1) == range(big, big + 1, 5), range(big, big) == range(0), r == range(big, big + 11, 3))
print(range(big, big + 2, 3) != range(big, big + 2, 4), range(big, big + 5, 2) == range(big, big + 5, 3))
print(hash(range(big, big + 10, 3)) == hash(range(big, big + 11, 3)), hash(range(3, 20, 4)) == hash(range(3, 18, 4)))
print(hash(range(1, 10, 2)), hash(range(big, 3 * big, big)))
print({range(big, 2 * big): 'x'}[range(big, 2 * big, 1)], range(0, 5) in [range(5)], range(7, 8) in {range(7, 9, 5)})

# Arguments through __index__, and the errors.
class I:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
print(range(I(big), I(big + 4)), range(10)[I(3)], huge[I(10 ** 19)], range(10)[I(2):I(8):I(3)])
try:
    range(0, big, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    range(big, 2 * big, big - big)
except ValueError as e:
    print('ValueError:', e)
try:
    huge[::0]
except ValueError as e:
    print('ValueError:', e)
try:
    huge['a']
except TypeError as e:
    print('TypeError:', e)
try:
    huge['a':]
except TypeError as e:
    print('TypeError:', e)
print(sum(range(big, big + 100)), max(range(big, big + 5)), sorted(range(big + 3, big, -1)))
print(list(zip(range(big, 3 * big, big), 'ab')), list(enumerate(range(-big, -big - 2, -1))))
print(range(10).count(2.0), range(big, big + 5).count(float(big)), range(big, big + 5).index(float(big)))

# int subclasses as bounds and indices; exhausted iterators stay exhausted.
class J(int):
    pass
print(range(J(3), J(big)), range(True, 5), range(5)[True], range(big)[J(-1)], range(10)[J(1):J(9):J(4)])
print(sorted({range(0), range(1, 1), range(big, big + 3), range(big, big + 3, 1)}, key=repr))
x = iter(range(big, big + 2))
print(list(x), list(x), list(iter(range(big - 2, big + 2))))
print(range(big)[-1:-5:-2], range(big, 0, -big)[0:1], min(range(-big, big, big)))
print(range(-2 ** 63, 2 ** 63, 2 ** 63), list(range(-2 ** 63, 2 ** 63, 2 ** 63)), list(reversed(range(-2 ** 63, 2 ** 63, 2 ** 63))))
