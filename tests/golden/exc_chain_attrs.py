try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('during handling')
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError('direct') from z
except ValueError as e:
    print(repr(e.__context__), repr(e.__cause__), e.__suppress_context__)
try:
    raise ValueError('x') from None
except ValueError as e:
    print(e.__context__, e.__cause__, e.__suppress_context__)
e = ValueError()
print(e.__context__, e.__cause__, e.__traceback__)
try:
    raise KeyError('k')
except KeyError as err:
    print(type(err.__traceback__).__name__)
