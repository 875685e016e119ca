# golden: pyt
x = 5 $ 3
