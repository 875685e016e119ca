# multiprocessing.dummy: Pool/ThreadPool apply, map, imap, starmap, async results, errors,
# worker names and the module's re-exported primitives.
import threading
import time
from multiprocessing.dummy import Pool as ThreadPool, current_process, Lock, RLock
from multiprocessing.dummy import threading as dummy_threading
import multiprocessing.dummy as md
import multiprocessing
from multiprocessing.pool import ThreadPool as TP

print(dummy_threading is threading, md.Queue, md.JoinableQueue, md.Process.__mro__[1])
print(md.Lock is threading.Lock, md.Event is threading.Event, md.Barrier is threading.Barrier)
print(current_process() is threading.current_thread(), multiprocessing.current_process())
print(multiprocessing.cpu_count() >= 1, md.active_children())


def square(x):
    return x * x


def fail(x):
    if x == 3:
        raise ValueError('bad %d' % x)
    return x


p = ThreadPool(3)
print(repr(p))
print(sorted(t.name for t in threading.enumerate()))
print(p.map(square, range(10)))
print(p.map(square, []))
print(p.starmap(pow, [(2, 3), (3, 2)]))
print(p.apply(square, (7,)))
print(p.apply(dict, (), {'a': 1}))
print(list(p.imap(square, range(5))))
print(list(p.imap(square, range(7), 3)))
print(sorted(p.imap_unordered(square, range(5))))
r = p.apply_async(square, (4,))
r.wait()
print(r.ready(), r.successful(), r.get(), r.get(timeout=1))
got = []
r = p.apply_async(square, (5,), callback=got.append)
r.get()
print(got)
r = p.apply_async(fail, (3,), error_callback=lambda e: got.append(repr(e)))
try:
    r.get()
except ValueError as e:
    print('ValueError:', e, r.successful())
print(got)
try:
    p.map(fail, range(6))
except ValueError as e:
    print('map raised:', e)
it = p.imap(fail, range(5))
out = []
try:
    for x in it:
        out.append(x)
except ValueError as e:
    print('imap raised after', out, e)
m = p.map_async(square, range(4), callback=got.append)
print(m.get(), got[-1])
print(p.starmap_async(pow, [(2, 5)]).get())
names = p.map(lambda i: current_process().name, range(30))
print(set(names) <= {'Thread-1 (worker)', 'Thread-2 (worker)', 'Thread-3 (worker)'})
ev = threading.Event()
slow = p.apply_async(ev.wait)
try:
    slow.successful()
except ValueError as e:
    print('not ready:', str(e).endswith('not ready'))
try:
    slow.get(timeout=0.01)
except multiprocessing.TimeoutError as e:
    print('timeout', repr(e), type(e).__mro__[1])
ev.set()
print(slow.get())
p.close()
print(repr(p))
try:
    p.apply(square, (1,))
except ValueError as e:
    print('ValueError:', e)
p.join()

p = TP(2)
try:
    p.join()
except ValueError as e:
    print('ValueError:', e)
p.terminate()
p.join()
try:
    ThreadPool(0)
except ValueError as e:
    print('ValueError:', e)

with ThreadPool(2) as pool:
    print(pool.map(str, range(3)))
print(repr(pool))

# The notes' transfer with a lock: consistent totals.
lock = Lock()
acct = {'a': 8000, 'b': 3000}


def transfer(i):
    with lock:
        acct['a'] -= 10
        acct['b'] += 10


pool = ThreadPool()
pool.map(transfer, range(100))
pool.close()
pool.join()
print(acct, RLock() is not None)
