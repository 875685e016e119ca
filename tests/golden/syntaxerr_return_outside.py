# golden: pyt
x = 1
return x
