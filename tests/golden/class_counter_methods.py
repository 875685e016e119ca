class Counter:
    total = 0
    def __init__(self, start=0):
        self.n = start
    def inc(self, by=1):
        self.n += by
        Counter.total += by
        return self
    def get(self):
        return self.n
a = Counter()
b = Counter(10)
a.inc().inc().inc(5)
b.inc()
print(a.get(), b.get(), Counter.total, a.total)
m = a.inc
m()
print(a.n, Counter.total)
