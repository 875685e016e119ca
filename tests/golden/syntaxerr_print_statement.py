# golden: pyt
print 'hello world'
