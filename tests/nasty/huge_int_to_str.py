x = 10 ** 100000
print(len(str(x)))
