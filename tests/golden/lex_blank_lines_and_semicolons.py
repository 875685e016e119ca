a = 1; b = 2; c = a + b
print(a, b, c);


if c == 3: print('one-line if'); print('second stmt')


for i in range(3): print(i, end=' ')
print()
while False: pass
x = 1;
print(x)
