name = 'world'
n = 42
print(f'hello {name}')
print(f"{n} is the answer")
print(f'{n + 1} {n * 2} {n // 5} {n % 5}')
print(f'{name.upper()} {len(name)}')
print(f'{"nested quotes"}')
print(f'{name!r:>10}')
print(f'')
print(f'no fields')
print(f'{n}{n}{n}')
