try:
    raise ValueError('explicit message')
except ValueError as e:
    print(repr(e))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        print('handling, then re-raising')
        raise
try:
    reraise()
except ZeroDivisionError as e:
    print('outer got', e)
try:
    try:
        raise KeyError('k')
    except KeyError as e:
        raise RuntimeError('wrapped') from e
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)
try:
    try:
        raise KeyError('k')
    except KeyError:
        raise RuntimeError('no cause') from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__context__))
err = TypeError('stored')
try:
    raise err
except TypeError as e:
    print(e is err)
