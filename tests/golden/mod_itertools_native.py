import itertools
from itertools import count, repeat, cycle, chain, islice
c = count(2.5, 0.5)
print(next(c), next(c), c)
c = count()
print([next(c) for _ in range(3)], c, count(10, -2), repr(count(2**70)))
r = repeat("x", 2)
print(r, list(r), r, list(repeat(None, 0)), list(repeat(1, -3)))
print(list(islice(cycle([1, 2, 3]), 8)), list(cycle([])))
print(list(chain()), list(chain("ab", [], range(2))), list(chain.from_iterable(["xy", "z"])))
it = iter(range(10))
print(list(islice(it, 2, 5)), next(it))
it = iter(range(10))
print(list(islice(it, 3)), list(islice(it, 0)), next(it))
print(list(islice(range(20), 1, None, 4)), list(islice("abc", None)), list(islice([], 5)))
for bad in [(-1,), (1, -2), (0, 5, 0), (0, 5, -1), ("a",)]:
    try:
        islice(range(3), *bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    count("a")
except TypeError as e:
    print("TypeError:", e)
print(type(count()).__name__, isinstance(chain(), chain), list(zip(count(), "ab")))
print(list(map(pow, range(4), repeat(2))), sum(islice(count(1), 100)))
print(list(itertools.zip_longest([1, 2, 3], "a", fillvalue=0)))
