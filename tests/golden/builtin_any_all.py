print(any([]), all([]), any([0, 0]), any([0, 1]), all([1, 1]), all([1, 0]))
print(any('abc'), all(''), any(x > 2 for x in [1, 2, 3]), all(x > 0 for x in [1, 2, 3]))
def noisy(v):
    print('checking', v)
    return v
print(any(noisy(x) for x in [0, 1, 2]))
print(all(noisy(x) for x in [1, 0, 2]))
print(any([[], (), {}]), all([[0], (0,), {0: 0}]))
