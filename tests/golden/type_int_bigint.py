print(2 ** 100)
print(2 ** 64 - 1, -(2 ** 63))
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(len(str(f)), f % 1000007)
big = 10 ** 30 + 7
print(big // 3, big % 3, -big // 7, -big % 7)
print(big // -13, big % -13, divmod(-big, 10 ** 15))
print(big * big - big)
print((2 ** 200) // (2 ** 100) == 2 ** 100)
print(abs(-big), -(-big) == big)
print(2 ** 64 == 18446744073709551616, 2 ** 64 > 2 ** 63, hash(2 ** 10) == 1024)
x = 1
for _ in range(10):
    x = x * 1000 + 1
print(x)
print(int('123456789012345678901234567890') + 1)
print(pow(3, 200) % 10 ** 10)
