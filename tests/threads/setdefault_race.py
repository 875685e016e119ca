# dict.setdefault is atomic, as under CPython's GIL: threads racing to create the list for a
# key all append to the one list stored, so no item is lost. Also keys that need Python
# __eq__ (resolved without the dict's lock) and a warning raised from many threads at once,
# which must print once (the warnings registry is made with setdefault).
import threading
import warnings

N_THREADS, ROUNDS = 8, 2000
d = {}
start = threading.Barrier(N_THREADS)

class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k

objs = {}

def worker(t):
    start.wait()
    for r in range(ROUNDS):
        d.setdefault(r % 50, []).append((t, r))
        objs.setdefault(Key(r % 7), []).append(1)

ts = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
total = sum(len(v) for v in d.values())
total_objs = sum(len(v) for v in objs.values())
ok = total == N_THREADS * ROUNDS and total_objs == N_THREADS * ROUNDS and len(objs) == 7

def f():
    warnings.warn("once", UserWarning)

caught = []
for trial in range(20):
    # A fresh registry each trial, so the threads race to create it (setdefault) and to
    # record the warning in it.
    globals().pop('__warningregistry__', None)
    gate = threading.Barrier(N_THREADS)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('default')
        def go():
            gate.wait()
            f()
        ws = [threading.Thread(target=go) for _ in range(N_THREADS)]
        for t in ws:
            t.start()
        for t in ws:
            t.join()
        caught.append(len(w))
ok = ok and all(c == 1 for c in caught)
print('ok' if ok else (total, total_objs, len(objs), caught))
