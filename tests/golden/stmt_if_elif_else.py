def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'
for n in (-5, 0, 3, 99):
    print(n, classify(n))
if []:
    print('empty list is true?')
elif {}:
    print('empty dict is true?')
else:
    print('empties are falsy')
if 0.0 or '' or None or ():
    print('bad')
if 'x' and [0] and (0,) and 1:
    print('non-empties are truthy')
