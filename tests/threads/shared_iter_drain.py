# Threads share one list (or range) iterator: some take items with next(), others take the
# rest at once with list(it); every item is handed out exactly once. Also 4 threads mapping
# one function through native map and a pool at once get their own results.
import threading
from multiprocessing.dummy import Pool

N = 20000
for kind in ('list', 'range'):
    for _ in range(20):
        it = iter(list(range(N)) if kind == 'list' else range(N))
        got = [[] for _ in range(4)]
        start = threading.Barrier(4)

        def take(k):
            start.wait()
            if k % 2:
                got[k].extend(list(it))
            else:
                for _ in range(500):
                    x = next(it, None)
                    if x is None:
                        break
                    got[k].append(x)
                got[k].extend(list(it))

        ts = [threading.Thread(target=take, args=(k,)) for k in range(4)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        allgot = sorted(x for g in got for x in g)
        assert allgot == list(range(N)), (kind, len(allgot))


def f(x):
    return x * 3


out = [None] * 4


def mapper(k):
    out[k] = list(map(f, range(k, 50000 + k)))


ts = [threading.Thread(target=mapper, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for k in range(4):
    assert out[k] == [3 * x for x in range(k, 50000 + k)]
with Pool(4) as p:
    for _ in range(5):
        assert p.map(f, range(30000)) == [3 * x for x in range(30000)]
print('ok')
