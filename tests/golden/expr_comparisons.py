print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1.0, 1 != 1)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1 == 1.0)
print('a' < 'b', 'abc' < 'abd', 'Z' < 'a', '' < 'a')
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 'a') < (1, 'b'))
print([1, 2] == [1, 2], (1,) == [1], {'a': 1} == {'a': 1})
print(None == None, None == 0, 0 == False, 1 == True)
print(float('nan') == float('nan'), 0.1 + 0.2 == 0.3)
def noisy(v):
    print('eval', v)
    return v
print(noisy(1) < noisy(2) < noisy(0) < noisy(5))
try:
    1 < 'a'
except TypeError as e:
    print('TypeError:', e)
print(2 ** 100 > 2 ** 99, -(2 ** 100) < 0, 10 ** 20 == 1e20)
