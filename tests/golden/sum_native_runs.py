# sum() adds runs of machine ints and floats of a list or tuple natively: the result must be
# exactly the general `+`'s, across overflow into big ints, mixed types, user __radd__, a
# list mutated by an item's __radd__ during the sum, and errors.
print(sum([1, 2, 3]), sum((1.5, 2, 3)), sum([2**62, 2**62, 1]), sum([1, 2.5, 3]))
print(sum([[1], [2]], []), sum((), 5), sum([1, 2], 0.5), sum([0.1] * 10))
print(sum([2**63 - 1, 1, -5]), sum([-2**63, -1]), sum((True, True, 3)))

class A:
    def __radd__(self, o):
        return 'A'

print(sum([1, A()]))
try:
    sum([1, 'x'])
except TypeError as e:
    print(e)
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print(e)

xs = [1, 2, 3]

class B:
    def __radd__(self, o):
        xs.append(10)
        return o

xs.append(B())
print(sum(xs), len(xs))
print(sum(x for x in range(5)), sum(range(10**6)), sum({1: 'a', 2: 'b'}))
