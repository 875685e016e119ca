assert True
assert 1 == 1, 'not shown'
try:
    assert 1 == 2
except AssertionError as e:
    print('AssertionError', repr(e), e.args)
try:
    assert False, 'with message'
except AssertionError as e:
    print('AssertionError', e)
try:
    x = 5
    assert x < 3, f'x was {x}'
except AssertionError as e:
    print(e)
