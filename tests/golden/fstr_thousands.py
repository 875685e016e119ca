n = 1234567890
print(f'{n:,}')
print(f'{n:_}')
print(f'{-n:,}')
print(f'{1234.5678:,.2f}')
print(f'{n:_x} {n:_b}')
print(f'{999:,} {1000:,}')
print(f'{1234567.891:_.1f}')
print(f'{n:>20,}|')
