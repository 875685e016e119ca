def fib_rec(n):
    return n if n < 2 else fib_rec(n - 1) + fib_rec(n - 2)
def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
def fib_memo(n, memo={}):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib_memo(n - 1) + fib_memo(n - 2)
    memo[n] = r
    return r
print([fib_rec(i) for i in range(15)])
print(all(fib_rec(i) == fib_iter(i) == fib_memo(i) for i in range(20)))
print(fib_iter(100))
print(fib_memo(300))
print(len(str(fib_iter(1000))))
