# A generator used from one thread at a time works from any thread; two threads resuming one
# at once get ValueError: generator already executing.
import threading, time
def slow():
    while True:
        time.sleep(0.05)
        yield 1
g = slow()
errs = []
def worker():
    try:
        for _ in range(5): next(g)
    except ValueError as e: errs.append(str(e))
ts = [threading.Thread(target=worker) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(set(errs)), len(errs) > 0)
# sequential use from many threads
def counter():
    i = 0
    while True:
        i += 1
        yield i
c = counter()
lock = threading.Lock()
out = []
def w2():
    for _ in range(100):
        with lock:
            out.append(next(c))
ts = [threading.Thread(target=w2) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(out) == list(range(1, 401)))
def selfref():
    yield g2.send(None)
g2 = selfref()
try: next(g2)
except ValueError as e: print(e)
def gclose():
    g3.close(); yield
g3 = gclose()
try: next(g3)
except ValueError as e: print(e)
