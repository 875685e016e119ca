# ThreadPool.map and the native call paths it uses: every kind of callable, results in
# order, the first failing chunk's exception, callbacks; list(iterator) part-way; map over an
# iterable that resumes after StopIteration; list slices with int, bool and __index__ bounds.
from multiprocessing.dummy import Pool
import threading


def sq(x):
    return x * x


def with_default(x, k=3):
    return x + k


def star(*a):
    return sum(a)


class C:
    def __init__(self, n):
        self.n = n

    def add(self, x):
        return x + self.n


def make_closure(k):
    def f(x):
        return x * k
    return f


def fail_on(bad):
    def f(x):
        if x == bad:
            raise ValueError('bad %d' % x)
        return x
    return f


with Pool(4) as p:
    print(p.map(sq, range(10)))
    print(p.map(with_default, range(5)))
    print(p.map(star, range(5)))
    print(p.map(C(10).add, range(5)))
    print(p.map(make_closure(3), range(5)))
    print(p.map(lambda x: -x, range(5), chunksize=2))
    print(p.map(str, range(12), chunksize=5))
    print(p.map(C, [1, 2])[1].n)
    print(p.map(sq, []), p.map(sq, iter(range(4))), p.map(sq, (x for x in range(3))))
    print(p.map(sq, [1, 2, 3], 1), p.map(sq, range(7), chunksize=100))
    r = p.map(sq, range(100000))
    print(len(r), r[:5], r[-1], sum(r))
    try:
        p.map(fail_on(57), range(100), chunksize=10)
    except ValueError as e:
        print('map raised', e)
    try:
        p.map(sq, [1, 'a', 2])
    except TypeError as e:
        print('map raised', type(e).__name__, e)
    errs = []
    res = p.map_async(fail_on(3), range(8), error_callback=errs.append)
    res.wait()
    print(res.ready(), res.successful(), errs)
    got = []
    res = p.map_async(sq, range(6), callback=got.append)
    print(res.get(timeout=5), got)
    print(list(p.imap(sq, range(7), chunksize=3)))
    print(sorted(p.imap_unordered(sq, range(7), chunksize=2)))
    print(p.starmap(pow, [(2, 3), (3, 2)]))
    def gen(x):
        yield x

    print([type(g).__name__ for g in p.map(gen, range(3))])

    def deep(n):
        return deep(n + 1)

    try:
        p.map(deep, range(3))
    except RecursionError as e:
        print('RecursionError', e)
    print(p.map(sq, range(3)))
    names = set(p.map(lambda _: threading.current_thread().name.split('-')[0], range(40), 1))
    print(names)

# list() of a list iterator part-way through, and of one already exhausted.
it = iter([1, 2, 3, 4, 5])
next(it)
print(list(it), list(it))
it = iter(range(10, 20, 3))
next(it)
print(list(it), list(it), list(iter(range(5, 0, -2))))


class Resuming:
    """An iterator that says StopIteration once, then goes on."""

    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i == 3:
            raise StopIteration
        if self.i > 5:
            raise StopIteration
        return self.i


m = map(sq, Resuming())
print(list(m), list(m))
m = map(sq, [1, 2, 3])
print(next(m), list(m), list(m))


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


L = list(range(20))
print(L[2:8], L[-3:], L[::-4], L[True:5], L[Idx(3):Idx(9):Idx(2)], L[5:2], L[100:], L[-100:2])
print(L[Idx(-4):], L[None:None:Idx(-7)])
try:
    L[::0]
except ValueError as e:
    print(e)
try:
    L['a':]
except TypeError as e:
    print(e)
print(L[2**70:], L[:-2**70], L[::2**70], L[::-2**70], L[-2**70::-2**70])

# multiprocessing's locks, queues and shared values load on first use.
import multiprocessing
print(type(multiprocessing.Lock()).__name__, 'Queue' in dir(multiprocessing),
      'RawArray' in dir(multiprocessing), 'Pool' in dir(multiprocessing))
q = multiprocessing.SimpleQueue()
q.put(5)
print(q.get())
try:
    multiprocessing.nope
except AttributeError as e:
    print(e)
