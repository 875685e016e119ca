# String building with f-strings and str.join.
total = 0
for rep in range(800):
    parts = []
    for i in range(5000):
        parts.append(f'{i}:{i * rep:x}-{rep}')
    s = ','.join(parts)
    total += len(s) + s.count('a')
print('checksum', total)
