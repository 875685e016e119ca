# Pool.imap / imap_unordered consume their input lazily, in the background, as CPython's:
# results arrive while the input is still being produced, and an iterable that fails ends
# the results with its error.
import threading
from multiprocessing.dummy import Pool

first_result_seen = threading.Event()


def producer():
    for i in range(3):
        yield i
    # Only a lazy imap lets the consumer see a result before the input is exhausted.
    yield 100 if first_result_seen.wait(10) else -1


def square(x):
    return x * x


def failing():
    yield 1
    yield 2
    raise KeyError("input broke")


with Pool(3) as pool:
    it = pool.imap(square, producer())
    first = next(it)
    first_result_seen.set()
    print(first, list(it))
    first_result_seen.clear()
    it = pool.imap_unordered(square, producer(), 2)
    first = next(it)
    first_result_seen.set()
    print(sorted([first] + list(it)))
    got = []
    try:
        for v in pool.imap(square, failing()):
            got.append(v)
    except KeyError as e:
        print("KeyError", e, got)
    try:
        list(pool.imap(square, 5))
    except TypeError as e:
        print("TypeError:", e)
    print(list(pool.imap(square, range(7), chunksize=3)))
    print(sorted(pool.imap_unordered(square, range(7), chunksize=2)))
    print(list(pool.imap(square, [])))
    try:
        pool.imap(square, [1], chunksize=0)
    except ValueError as e:
        print("ValueError:", e)

pool = Pool(2)
res = pool.imap(square, range(50))
pool.close()
pool.join()
print(sum(res))
