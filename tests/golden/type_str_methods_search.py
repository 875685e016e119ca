s = 'the quick brown fox jumps over the lazy dog'
print(s.find('the'), s.find('the', 1), s.find('cat'), s.rfind('the'), s.rfind('o'))
print(s.index('quick'), s.rindex('o'), s.count('o'), s.count('the'), s.count(''))
print(s.find('o', 15, 30), s.count('o', 20))
print(s.startswith('the'), s.startswith('quick', 4), s.endswith('dog'), s.endswith(('cat', 'dog')))
print(s.startswith(('a', 'b', 't')), 'abc'.endswith(''), s.startswith('x', 100))
try:
    s.index('cat')
except ValueError as e:
    print('ValueError:', e)
print('a-b-c'.partition('-'), 'a-b-c'.rpartition('-'), 'abc'.partition('x'), 'abc'.rpartition('x'))
print('ab' in s, s.__contains__('fox'))
