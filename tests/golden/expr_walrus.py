data = [1, 5, 3, 8, 2]
if (n := len(data)) > 3:
    print(f'long list ({n} items)')
print([y for x in data if (y := x * 2) > 5])
print(y)
i = 0
while (i := i + 1) < 4:
    print('i', i)
print((total := sum(data)), total)
values = [(v, v2) for v in range(4) if (v2 := v * v) % 2 == 0]
print(values, v2)
def f():
    [w := c for c in 'xyz']
    return w
print(f())
