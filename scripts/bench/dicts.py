# dict insert and lookup with str keys.
d = {}
for i in range(200000):
    d['key' + str(i)] = i
total = 0
for rep in range(12):
    for i in range(0, 200000, 2):
        total += d['key' + str(i)]
    total += len(d)
hits = sum(1 for i in range(100000) if ('key' + str(i * 3)) in d)
print('checksum', total, hits)
