# Generators abandoned while suspended inside try/finally or with, from many threads at once
# (created on one thread, dropped on another, dropped inside containers being cleared): every
# finally runs exactly once, and nothing deadlocks or corrupts shared state.
import threading

N_THREADS = 6
PER_THREAD = 300
lock = threading.Lock()
finished = []
handoff = []

class Guard:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        with lock:
            finished.append('with')
        return False

def gen(tag):
    try:
        with Guard():
            yield tag
            yield tag
    finally:
        with lock:
            finished.append(tag)

def worker(n):
    for i in range(PER_THREAD):
        g = gen((n, i))
        next(g)
        if i % 3 == 0:
            del g                      # dropped here
        elif i % 3 == 1:
            box = [g]
            del g
            box.clear()                # dropped while the list is being cleared
        else:
            with lock:
                handoff.append(g)      # dropped later, by another thread
            del g
        if i % 10 == 0:
            with lock:
                batch = handoff[:]
                handoff.clear()
            del batch

ts = [threading.Thread(target=worker, args=(n,)) for n in range(N_THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
with lock:
    rest = handoff[:]
    handoff.clear()
del rest   # dropped outside the lock: the finally blocks take it
total = N_THREADS * PER_THREAD
tags = [x for x in finished if x != 'with']
assert len(tags) == total, (len(tags), total)
assert len(set(tags)) == total
assert finished.count('with') == total
print('ok')
