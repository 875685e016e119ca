print('ab' + 'cd', 'ab' * 3, 3 * 'x', 'ab' * 0, 'ab' * -1)
print([1, 2] + [3], [0] * 3, (1,) + (2,), (1, 2) * 2)
s = 'hello'
print(s == 'hello', s != 'world', s < 'help', s > 'hell')
print(len(s * 100))
try:
    'a' + 1
except TypeError as e:
    print('TypeError:', e)
try:
    [1] + (2,)
except TypeError as e:
    print('TypeError:', e)
