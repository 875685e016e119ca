# Nested while loops with integer arithmetic: the eval loop's bread and butter.
total = 0
i = 0
while i < 3000:
    j = 0
    while j < 2500:
        total = (total + i * j ^ j) % 1000003
        j += 1
    i += 1
print('checksum', total)
