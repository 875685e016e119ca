e = ValueError('bad value', 42)
print(e.args, str(e), repr(e))
e = ValueError('only')
print(e.args, str(e), repr(e))
e = ValueError()
print(e.args, repr(str(e)), repr(e))
e = KeyError('key')
print(str(e), repr(e))
e = KeyError('a', 'b')
print(str(e), repr(e))
e = Exception(1, [2], None)
print(str(e), repr(e))
print(repr(RuntimeError('quote\'s')), str(TypeError(None)))
try:
    {}['missing']
except KeyError as err:
    print(err.args, str(err))
try:
    raise IndexError
except IndexError as err:
    print(repr(err), err.args)
print(isinstance(e, BaseException), type(e).__name__)
