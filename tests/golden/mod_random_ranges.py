import random
random.seed(2024)
print([random.randrange(5, 50, 5) for _ in range(6)])
print([random.randrange(-10, 10) for _ in range(6)])
print([random.randint(-3, 3) for _ in range(8)])
print(random.randrange(10**30), random.randrange(10**20, 10**21, 7))
print(random.choice(range(1000)), random.choice((1, 2, 3)))
for args in [(0, 10, -1), (5, 1), (3, 3), (0, 10, 0), (0,), (-5,)]:
    try:
        random.randrange(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    random.randint(5, 1)
except ValueError as e:
    print("ValueError", e)
try:
    random.randrange(1, step=2)
except TypeError as e:
    print("TypeError", e)
class R(random.Random):
    pass
r = R(99)
print(r.random(), r.randint(1, 6), r.choice("xyz"))
x = list(range(10)); r.shuffle(x); print(x)
print(random.Random(5).sample(range(50), 6), random.Random("seed").random())
