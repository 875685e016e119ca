# golden: pyt
xs = [1, 2, 3]]
