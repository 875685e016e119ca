# for-range with list.append, then sum: allocation and list growth.
total = 0
for rep in range(140):
    xs = []
    for i in range(100000):
        xs.append(i * rep % 97)
    total += sum(xs)
print('checksum', total)
