for obj, attr in [(1, 'foo'), ('s', 'bar'), ([], 'push'), (None, 'x'), ({}, 'has_key'), (1.5, 'y')]:
    try:
        getattr(obj, attr)
    except AttributeError as e:
        print('AttributeError:', e)
try:
    [].appendd(1)
except AttributeError as e:
    print('AttributeError:', e)
x = 5
x.foo
