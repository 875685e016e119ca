def f(n):
	if n > 0:
		return 'positive'
	else:
		return 'non-positive'

for i in (-1, 0, 1):
	print(i, f(i))
	if i:
		print('  nonzero')
