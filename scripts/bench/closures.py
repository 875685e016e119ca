# Closures (cell reads) and sorted(key=lambda ...).
def make_scaler(k):
    def scale(x):
        return x * k % 1009
    return scale
scalers = [make_scaler(k) for k in range(1, 21)]
total = 0
for rep in range(20):
    data = [(i * 7919 + rep) % 10007 for i in range(50000)]
    for s in scalers:
        total += s(data[rep])
    ordered = sorted(data, key=lambda v: (v % 101, -v))
    total += ordered[0] + ordered[-1]
    total += sum(map(scalers[rep], data[:20000]))
print('checksum', total)
