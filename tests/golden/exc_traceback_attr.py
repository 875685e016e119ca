def describe(n):
    return n.foo
items = [1, 2]
describe(items[0])
