# golden: pyt
def ok():
    return 1
print(ok())
while True print('x')
