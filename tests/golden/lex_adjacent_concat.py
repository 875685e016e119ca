s = 'a' "b" '''c''' """d"""
print(s)
t = ('first '
     'second '
     "third")
print(t)
x = 3
print('x is ' f'{x}' ' and doubled ' f"{x * 2}")
print(b'ab' b'cd')
print(r'\n' '\n'.__len__())
print(len('ab' 'cd'))
