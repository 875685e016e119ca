x = 5
print(f'{{}}')
print(f'{{x}} = {x}')
print(f'{{{x}}}')
print(f'}}{{')
print(f'{{{{')
print('{{not an f-string}}')
