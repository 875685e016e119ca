def make_counter(start=0, step=1):
    value = start
    def next_value():
        nonlocal value
        current = value
        value += step
        return current
    def reset():
        nonlocal value
        value = start
    return next_value, reset
nxt, reset = make_counter(10, 5)
print(nxt(), nxt(), nxt())
reset()
print(nxt())
n1, _ = make_counter()
n2, _ = make_counter()
print(n1(), n1(), n2())
def accumulate():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    return add
acc = accumulate()
print([acc(i) for i in range(1, 6)])
