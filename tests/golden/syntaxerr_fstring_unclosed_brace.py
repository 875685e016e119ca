# golden: pyt
name = 'x'
print(f'hello {name')
