s = 'hello'
print(f'{s:s}')
print(f'{s:10s}|')
print(f'{s:>10s}|')
print(f'{s:.2s}')
print(f'{s!r:.3}')
print(f'{s[::-1]:^11}|')
print('{:^11}|'.format(s.upper()))
