x = 1
y = 0
print('computing')
z = x / y
