def g():
    yield from g()

next(g())
