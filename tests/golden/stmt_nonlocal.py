def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    inc(); inc()
    return n, inc
n, inc = outer()
print(n, inc(), inc())
def a():
    x = 'a'
    def b():
        def c():
            nonlocal x
            x = 'changed by c'
        c()
    b()
    return x
print(a())
