a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(1 << 10, 1 << 100, 1024 >> 3, -16 >> 2, -1 >> 10)
print(-5 & 0xff, -1 ^ 0, ~-1, 5 | -8)
print((1 << 64) - 1, ((1 << 64) - 1) >> 60)
print(0xff & ~0x0f, 12345 & -12345)
try:
    1 << -1
except ValueError as e:
    print('ValueError:', e)
print(True & False, True | False, True ^ True)
