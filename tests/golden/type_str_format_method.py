print('{} {}'.format('a', 'b'))
print('{1} {0} {1}'.format('a', 'b'))
print('{name} is {age}'.format(name='Bob', age=7))
print('{0[1]} {0[0]}'.format(['x', 'y']))
print('{d[key]} {d[n]}'.format(d={'key': 'val', 'n': 3}))
print('{:>6}|{:<6}|{:^6}|'.format('r', 'l', 'c'))
print('{:.2f} {:+d} {:,} {:x} {:08.3f}'.format(3.14159, 5, 1234567, 255, -3.14159))
print('{0:{1}}|'.format('w', 5))
print('{!r} {!s}'.format('s', 's'))
print('{{}} {{{}}}'.format('braced'))
print('{0.real} {0.imag}'.format(5))
print('{x.__class__.__name__}'.format(x=1.5))
print('{:*^9}'.format('mid'))
try:
    '{} {}'.format('only one')
except IndexError as e:
    print('IndexError:', e)
try:
    '{missing}'.format()
except KeyError as e:
    print('KeyError:', e)
