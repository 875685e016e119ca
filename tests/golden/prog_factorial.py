def fact_rec(n):
    return 1 if n <= 1 else n * fact_rec(n - 1)
def fact_iter(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
for n in (0, 1, 5, 10, 20, 25):
    print(f'{n}! = {fact_iter(n)}')
print(fact_rec(50) == fact_iter(50))
f100 = fact_iter(100)
print(len(str(f100)), sum(int(d) for d in str(f100)))
trailing = len(str(f100)) - len(str(f100).rstrip('0'))
print('trailing zeros of 100!:', trailing)
def choose(n, k):
    return fact_iter(n) // (fact_iter(k) * fact_iter(n - k))
print([choose(10, k) for k in range(11)])
