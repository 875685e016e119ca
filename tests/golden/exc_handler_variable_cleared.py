try:
    raise ValueError('v')
except ValueError as err:
    msg = str(err)
print(msg)
try:
    err
except NameError as e:
    print('NameError:', e)
