def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), make_adder(-1)(0))
def multipliers():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(2) for m in multipliers()])
def outer():
    a = 1
    def middle():
        b = 2
        def inner():
            return a + b
        return inner
    return middle()
print(outer()())
def counter_pair():
    count = [0]
    def inc():
        count[0] += 1
        return count[0]
    def get():
        return count[0]
    return inc, get
inc, get = counter_pair()
inc(); inc(); inc()
print(get())
