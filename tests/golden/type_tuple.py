t = (1, 'two', 3.0)
print(t, len(t), t[1], t[-1], t[:2])
print(t + (4,), t * 2, (1,) * 3, () + ())
print(t.index('two'), (1, 1, 2).count(1))
a, b, c = t
print(a, b, c)
print(tuple([1, 2]), tuple('ab'), tuple(), (1, 2) == (1, 2), (1, 2) < (1, 3))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): 'ok'}[(1, 2)])
try:
    t[0] = 5
except TypeError as e:
    print('TypeError:', e)
try:
    hash((1, [2]))
except TypeError as e:
    print('TypeError:', e)
print((1, [2]), ((1,), ((2,),)))
print(max((3, 1, 2)), sorted((3, 1, 2)), 2 in t)
