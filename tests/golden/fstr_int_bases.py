n = 255
print(f'{n:x} {n:X} {n:o} {n:b} {n:d}')
print(f'{n:#x} {n:#X} {n:#o} {n:#b}')
print(f'{n:08b} {n:#010x} {n:>8x}|')
print(f'{-n:x} {-n:#b}')
print(f'{65:c}')
print(f'{n:n}')
print(f'{True:d} {False:x}')
