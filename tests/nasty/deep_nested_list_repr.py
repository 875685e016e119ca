x = []
for i in range(200000):
    x = [x]
print(repr(x)[:10])
