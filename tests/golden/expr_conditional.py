for n in range(-1, 2):
    print('neg' if n < 0 else 'zero' if n == 0 else 'pos')
x = 5
y = x * 2 if x > 3 else x / 2
print(y)
print([a if a % 2 else -a for a in range(5)])
f = lambda v: 'even' if v % 2 == 0 else 'odd'
print(f(3), f(4))
print((1 if True else 2) + 10)
