def inner(values):
    return sorted(values, key=lambda v: v.lower())
def outer():
    return inner(['b', 'A', 3])
outer()
