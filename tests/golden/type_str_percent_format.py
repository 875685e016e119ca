print('%s and %s' % ('this', 'that'))
print('%r %s' % ('q', 'q'))
print('%d %i %5d|%-5d|%05d' % (42, -7, 42, 42, 42))
print('%f %.2f %8.3f|%-8.1f|' % (3.14159, 3.14159, 3.14159, 2.5))
print('%x %X %o %#x %#o' % (255, 255, 8, 255, 8))
print('%e %.2E' % (12345.678, 0.000123))
print('%g %g' % (0.0001, 123456789.0))
print('100%%' % (), '%d%%' % 50)
print('%(name)s is %(age)d' % {'name': 'Ann', 'age': 30})
print('%s' % [1, 2], '%s' % (1,), '%s' % 'single')
print('%-8s|%8s|' % ('left', 'right'))
print('%c%c' % (72, 'i'), '%.3s' % 'abcdef', '%+d % d' % (5, 5))
try:
    '%d' % 'x'
except TypeError as e:
    print('TypeError:', e)
try:
    '%s %s' % ('one',)
except TypeError as e:
    print('TypeError:', e)
try:
    '%s' % (1, 2)
except TypeError as e:
    print('TypeError:', e)
