fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
gs = []
for i in range(3):
    gs.append(lambda i=i: i)
print([g() for g in gs])
def make(i):
    return lambda: i
hs = [make(i) for i in range(3)]
print([h() for h in hs])
x = 1
def show():
    return x
x = 2
print(show())
def loop_closure():
    result = []
    for j in range(3):
        def inner():
            return j * 10
        result.append(inner)
    return [r() for r in result]
print(loop_closure())
