# The notes' fixes run to completion with no report: RLock re-entry, ordered locks,
# lock_manager (locks sorted by id), trylock with backoff, philosophers with ordering.
import threading
import time
from contextlib import contextmanager

m_lock = threading.Lock()
z_lock = threading.Lock()
balance = {"ming": 5000, "zhang": 8000}


@contextmanager
def lock_manager(*locks):
    locks = sorted(locks, key=lambda x: id(x))
    try:
        for lock in locks:
            lock.acquire()
        yield
    finally:
        for lock in reversed(locks):
            lock.release()


def a_to_b():
    for _ in range(300):
        with lock_manager(m_lock, z_lock):
            balance["ming"] -= 1
            balance["zhang"] += 1


def b_to_a():
    for _ in range(300):
        with lock_manager(z_lock, m_lock):
            balance["zhang"] -= 1
            balance["ming"] += 1


def backoff(first, second):
    done = 0
    while done < 200:
        with first:
            if second.acquire(False):
                try:
                    done += 1
                finally:
                    second.release()
                continue
        time.sleep(0.0001)


r = threading.RLock()
entered = [0]


def reentrant():
    for _ in range(500):
        with r:
            with r:
                entered[0] += 1


forks = [threading.Lock() for _ in range(5)]


def philosopher(i):
    a, b = sorted((i, (i + 1) % 5))
    for _ in range(100):
        with forks[a]:
            with forks[b]:
                pass


ts = [threading.Thread(target=f) for f in (a_to_b, b_to_a, reentrant, reentrant)]
ts += [threading.Thread(target=backoff, args=(m_lock, z_lock)),
       threading.Thread(target=backoff, args=(z_lock, m_lock))]
ts += [threading.Thread(target=philosopher, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
assert balance == {"ming": 5000, "zhang": 8000}, balance
assert entered[0] == 1000, entered
print("ok")
