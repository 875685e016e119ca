def collatz_len(n, cache={1: 1}):
    path = []
    while n not in cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = cache[n]
    for m in reversed(path):
        length += 1
        cache[m] = length
    return length
best = max(range(1, 30000), key=collatz_len)
print(best, collatz_len(best))
lengths = [collatz_len(n) for n in range(1, 21)]
print(lengths)
hist = {}
for n in range(1, 1000):
    bucket = collatz_len(n) // 25 * 25
    hist[bucket] = hist.get(bucket, 0) + 1
for b in sorted(hist):
    print(f'{b:>3}-{b + 24:<3} {hist[b]:>4}')
