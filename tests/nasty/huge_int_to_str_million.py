x = 10 ** 1000000
print(len(str(x)))
