# golden: pyt
nonlocal x
print(x)
