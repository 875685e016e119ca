for x in [1, 2, 3]:
    print(x)
else:
    print('done')
for x in []:
    print('never')
else:
    print('empty else')
def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            print('found at', i)
            break
    else:
        print('not found')
find([5, 6, 7], 6)
find([5, 6, 7], 8)
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j, end='; ')
print()
