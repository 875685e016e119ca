s = '  \t hello \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print('xxhixx'.strip('x'), 'abcba'.strip('ab'), 'www.example.com'.lstrip('w.'), 'ok!!?'.rstrip('!?'))
print('42'.zfill(5), '-42'.zfill(5), '+7'.zfill(4), 'abc'.zfill(2), ''.zfill(3))
print('[' + 'ab'.center(6) + ']', '[' + 'ab'.center(7, '*') + ']', '[' + 'abc'.center(6) + ']')
print('[' + 'ab'.ljust(5) + ']', '[' + 'ab'.rjust(5, '.') + ']', '[' + 'toolong'.ljust(3) + ']')
print('a\tb\tc'.expandtabs(4), 'prefix_name'.removeprefix('prefix_'), 'file.py'.removesuffix('.py'))
