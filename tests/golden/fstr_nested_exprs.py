xs = [1, 2, 3]
d = {'k': 'v', 'n': 10}
print(f'{xs[0]} {xs[-1]} {xs[1:]}')
print(f"{d['k']} {d['n'] + 1}")
print(f'{[x * 2 for x in xs]}')
print(f'{sum(x for x in xs)}')
print(f'{"yes" if xs else "no"}')
print(f'{(lambda y: y + 1)(5)}')
print(f'{ {"a": 1} }')
print(f'{ {1, 2} == {2, 1} }')
print(f'{xs!r} {d}')
print(f'{f"{xs[0]}"}')
print(f'{3 > 2 and "ok"}')
print(f'{(x := 7)} then {x}')
