for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print(i)
total = 0
i = 0
while i < 100:
    i += 1
    if i % 3:
        continue
    total += i
    if total > 50:
        break
print(i, total)
for c in 'abc':
    for d in 'xyz':
        if d == 'y':
            continue
        print(c + d, end=' ')
print()
