# Function calls with several positional, default and keyword args.
def combine(a, b, c, d=1, e=2):
    return a + b * c - d + e
def step(x, y, z):
    return combine(x, y, z, e=3) % 65537
acc = 0
for i in range(4000000):
    acc = step(acc, i, 3)
print('checksum', acc)
