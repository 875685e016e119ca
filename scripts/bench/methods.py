# Method calls and attribute reads/writes on a small class.
class Counter:
    def __init__(self, step):
        self.count = 0
        self.step = step

    def bump(self):
        self.count += self.step
        return self.count

    def scaled(self, k):
        return self.count * k % 1009


total = 0
c = Counter(3)
for i in range(1500000):
    c.bump()
    total += c.scaled(i & 7)
    if c.count > 100000:
        c.count = 0
print('checksum', total)
