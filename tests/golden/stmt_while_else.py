i = 0
while i < 3:
    print('loop', i)
    i += 1
else:
    print('else ran, i =', i)
i = 0
while True:
    i += 1
    if i == 5:
        break
else:
    print('never')
print('broke at', i)
n = 10
while n:
    n -= 3
    if n % 2:
        continue
    print('even', n)
    if n < 0:
        break
else:
    print('no')
print('n =', n)
