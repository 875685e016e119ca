# The native Lock (atomic flag, brief spinning, then sleeping) and Event (native state):
# mutual exclusion under contention with blocking, timed and non-blocking acquires; a lock
# released by another thread than the one that took it (a handoff); many Event waiters woken
# by set, with and without timeouts, across set/clear cycles. Every wait must end.
import threading

lock = threading.Lock()
inside = [0]
total = [0]
bad = []


def worker(k):
    for i in range(20000):
        mode = (i + k) % 3
        if mode == 0:
            got = lock.acquire()
        elif mode == 1:
            got = lock.acquire(True, 0.5)
        else:
            got = lock.acquire(False)
        if not got:
            if mode != 2:
                bad.append(("timed out", k, i))
            continue
        inside[0] += 1
        if inside[0] != 1:
            bad.append(("two inside", k, i))
        total[0] += 1
        inside[0] -= 1
        lock.release()


ts = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
assert not bad, bad[:5]
assert 0 < total[0] <= 8 * 20000, total[0]
assert not lock.locked()

# Handoff: a lock used as a binary semaphore, released by the other thread.
a, b = threading.Lock(), threading.Lock()
a.acquire()
b.acquire()
hops = [0]


def ponger():
    for _ in range(5000):
        a.acquire()  # released by the main thread
        hops[0] += 1
        b.release()


t = threading.Thread(target=ponger)
t.start()
for _ in range(5000):
    a.release()
    b.acquire()
t.join()
assert hops[0] == 5000, hops

# Events: rounds of many waiters; each round's set wakes every waiter of that round.
N_WAITERS = 16
ROUNDS = 200
go = [threading.Event() for _ in range(ROUNDS)]
done = threading.Event()
woke = [0] * ROUNDS
count_lock = threading.Lock()


def waiter(k):
    for r in range(ROUNDS):
        if k % 4 == 0:
            ok = go[r].wait()
        else:
            while not go[r].wait(0.001 * (k % 3 + 1)):
                pass
            ok = True
        assert ok
        with count_lock:
            woke[r] += 1


ws = [threading.Thread(target=waiter, args=(k,)) for k in range(N_WAITERS)]
for t in ws:
    t.start()
for r in range(ROUNDS):
    go[r].set()
    if r % 2:
        go[r].clear()
        go[r].set()
for t in ws:
    t.join()
assert woke == [N_WAITERS] * ROUNDS, woke

# Set and clear racing with waiters that use a timeout: every wait returns a bool.
flip = threading.Event()
stop = threading.Event()
results = []


def flipper():
    while not stop.is_set():
        flip.set()
        flip.clear()


def timed_waiter():
    n = 0
    for _ in range(2000):
        r = flip.wait(0.0005)
        if r not in (True, False):
            results.append(r)
        n += 1
    results.append(n)


fs = [threading.Thread(target=flipper) for _ in range(2)]
tws = [threading.Thread(target=timed_waiter) for _ in range(4)]
for t in fs + tws:
    t.start()
for t in tws:
    t.join()
stop.set()
for t in fs:
    t.join()
assert results == [2000] * 4, results
print("ok")
