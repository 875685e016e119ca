xs = [3, 1, 2]
xs.append(4); print(xs)
xs.extend([5, 6]); print(xs)
xs.extend(range(2)); print(xs)
xs.insert(0, 'first'); xs.insert(100, 'last'); xs.insert(-1, 'penult'); print(xs)
xs.remove('first'); print(xs)
print(xs.pop(), xs.pop(0), xs.pop(-2), xs)
print(xs.index(2), xs.count(1), xs.index(5, 2))
ys = xs.copy(); ys.append('copy'); print(xs, ys)
xs.reverse(); print(xs)
xs.clear(); print(xs, len(xs))
try:
    [].pop()
except IndexError as e:
    print('IndexError:', e)
try:
    [1].remove(2)
except ValueError as e:
    print('ValueError:', e)
try:
    [1].index(2)
except ValueError as e:
    print('ValueError:', e)
