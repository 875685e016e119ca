a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a.issubset(range(10)), a.isdisjoint({9}))
s = set()
s.add(3); s.add(1); s.add(3)
print(s, len(s))
s.update([5, 6], {7})
print(s)
s.discard(100); s.discard(5); s.remove(6)
print(s)
try:
    s.remove(100)
except KeyError as e:
    print('KeyError:', e)
print(s.pop() in {1, 3, 7}, len(s))
c = a.copy(); c.clear(); print(c, a)
a |= {10}; a &= {1, 2, 10}; a -= {2}; print(a)
print(set([1, 1, 2]), set('aab') == {'a', 'b'}, set(range(3)), {x for x in range(3)} == {0, 1, 2})
try:
    {[1]}
except TypeError as e:
    print('TypeError:', e)
