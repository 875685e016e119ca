def outer():
    def inner():
        if True:
            if True:
                return 'deep'
    return inner()
print(outer())
for i in range(2):
    for j in range(2):
        if i == j:
            print('eq', i)
print('end')
