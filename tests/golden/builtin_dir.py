def f():
    local_a = 1
    local_b = 2
    return dir()
print(f())
x = 5
names = dir()
print('x' in names, 'f' in names, '__name__' in names, names == sorted(names))
print('append' in dir([]), 'upper' in dir(''), 'keys' in dir({}), '__add__' in dir(1))
print([n for n in dir('') if not n.startswith('_')][:5])
