# golden: pyt
1 = x
