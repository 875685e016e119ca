x = {}
for i in range(1000000):
    x = {'k': x}
x = None
print('dropped')
