x = 'outer'
squares = [x for x in range(3)]
print(x, squares)
y = 5
print([y * i for i in range(3)])
def f():
    n = 3
    return [i * n for i in range(n)]
print(f())
print({k: [k * j for j in range(2)] for k in range(3)})
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
class_like = 10
print(list(map(lambda v: v + class_like, [1, 2])))
print('i' in dir())
