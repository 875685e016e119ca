s = 'héllo'
print(f'{s!s}')
print(f'{s!r}')
print(f'{s!a}')
print(f'{42!r} {3.5!s} {None!r}')
print(f'{[s]!s}')
print(f'{s!r:>12}|')
print(f'{s!a:^15}|')
