print('a b  c'.split(), 'a b  c'.split(' '), '  lead and trail  '.split())
print('a,b,c,d'.split(',', 2), 'a,b,c,d'.rsplit(',', 2), 'a,b,c'.split(',', 0))
print('a\nb\r\nc\n'.splitlines(), 'a\nb\n'.splitlines(True), ''.split(), ''.split(','))
print('one  two three'.rsplit(None, 1), 'x'.split('x'), ',a,'.split(','))
print('-'.join(['a', 'b', 'c']), ''.join('xyz'), ', '.join(str(i) for i in range(3)), '-'.join([]))
try:
    '-'.join([1, 2])
except TypeError as e:
    print('TypeError:', e)
try:
    'a'.split('')
except ValueError as e:
    print('ValueError:', e)
