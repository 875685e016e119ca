s = '  Hello World  '
print(s.strip().lower().replace('world', 'there').title())
print('a,b,c'.split(',')[1].upper())
print(' '.join(reversed('one two three'.split())))
print([1, 2, 3].copy().__len__())
print((1).__add__(2), 'x'.__class__.__name__)
print(str.upper('abc'), list.__name__)
print(''.join(map(str, range(3))).zfill(6))
