import random
random.seed(1)
for args in [(0,), (5, 5), (1, 10, 0)]:
    try:
        random.randrange(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    random.sample(range(3), 5)
except ValueError as e:
    print("ValueError:", e)
try:
    random.getrandbits(-1)
except ValueError as e:
    print("ValueError:", e)
print(random.getrandbits(0), random.getrandbits(1), random.getrandbits(32), random.getrandbits(100))
print([random.randrange(10) for _ in range(10)])
print([random.randrange(100, 0, -3) for _ in range(5)])
