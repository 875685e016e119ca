# A pool of 4 runs 10000 small tasks (map, imap_unordered, apply_async, and an executor):
# every result comes back exactly once.
import concurrent.futures
import threading
from multiprocessing.dummy import Pool

N = 10000
p = Pool(4)
assert p.map(lambda x: x * 2, range(N)) == [x * 2 for x in range(N)]
assert sorted(p.imap_unordered(lambda x: x + 1, range(N), 16)) == list(range(1, N + 1))
lock = threading.Lock()
seen = []


def cb(v):
    with lock:
        seen.append(v)


rs = [p.apply_async(abs, (-i,), callback=cb) for i in range(N)]
assert [r.get() for r in rs] == list(range(N))
p.close()
p.join()
assert sorted(seen) == list(range(N))
with concurrent.futures.ThreadPoolExecutor(4) as ex:
    fs = [ex.submit(pow, i, 2) for i in range(N)]
    done = sorted(f.result() for f in concurrent.futures.as_completed(fs))
assert done == sorted(i * i for i in range(N))
print("ok")
