width = 10
prec = 3
val = 3.14159
print(f'[{val:{width}}]')
print(f'[{val:{width}.{prec}f}]')
print(f'[{val:>{width}.{prec}}]')
fill = '*'
align = '^'
print(f'[{"mid":{fill}{align}{width}}]')
for w in range(3, 7):
    print(f'[{w:{w}}]')
spec = '>8.2f'
print(f'[{val:{spec}}]')
