# golden: pyt
def f():
return 1
