print({}, {'a': 1}, {1: 'one', 2: 'two'})
d1 = {'a': 1, 'b': 2}
d2 = {'b': 20, 'c': 30}
print({**d1, **d2}, {**d2, **d1}, {**d1, 'x': 0})
print({'k': 1, 'k': 2})
print({1, 2, 3}, {3, 2, 1}, set(), {*[1, 2], *(2, 3)})
print({(1, 2): 'tuple key', None: 'none key', 1.5: 'float'})
print({1: 'int', 1.0: 'float', True: 'bool'})
print(len({1, 1, 1}), {1, 2} == {2, 1})
print(d1 | d2)
