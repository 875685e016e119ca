s = 'one two one two one'
print(s.replace('one', '1'), s.replace('one', '1', 2), s.replace('x', 'y'), 'abc'.replace('', '-'))
print('hello'.encode(), 'héllo'.encode('utf-8'), 'abc'.encode('ascii'))
print(str(123), str(1.5), str([1, 'a']), str(None), str(b'x'))
print(repr('a\nb'), repr("'"), repr('"'), repr('\\'), repr('\x7f'), repr('\t'))
print('abc' * 2, 'a' < 'b', max('hello'), min('hello'), sorted('hello'))
print(len('hello'), 'hello'[1:4], list('abc'), 'x'.join('abc'))
print('%'.join(['50', '50']), 'Ab'.translate({ord('A'): 'a', ord('b'): None}))
print('tab\tsep'.split('\t'), ord('a'), chr(97), 'a' + chr(0x263A))
