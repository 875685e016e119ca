# Native Condition.wait over RLocks held at several levels, with timeouts racing notifies,
# and RLocks contended by many threads: counts, ownership and waiter lists must stay exact.
import threading

N_THREADS = 6
ROUNDS = 3000

# 1. An RLock taken twice per round by each thread: the total is exact and no thread ever
#    sees another owner inside.
r = threading.RLock()
total = [0]
bad = []
def rlock_worker():
    me = threading.get_ident()
    for _ in range(ROUNDS):
        with r:
            with r:
                total[0] += 1
                if not r._is_owned():
                    bad.append(me)
ts = [threading.Thread(target=rlock_worker) for _ in range(N_THREADS)]
for t in ts: t.start()
for t in ts: t.join()
assert total[0] == N_THREADS * ROUNDS, total
assert not bad
assert not r._is_owned()
assert "unlocked" in repr(r) and "count=0" in repr(r), repr(r)

# 2. Waits with short timeouts racing notify(1) from a producer, the condition's RLock held
#    at two levels while waiting: every item is taken once, levels come back, and no
#    waiter lock is left behind.
cond = threading.Condition()
items = []
taken = []
done = [False]
def consumer():
    got = 0
    while True:
        with cond:
            with cond:
                while not items and not done[0]:
                    cond.wait(0.001)
                if items:
                    taken.append(items.pop())
                    got += 1
                elif done[0]:
                    return
                assert cond._is_owned()
def producer():
    for i in range(ROUNDS):
        with cond:
            items.append(i)
            cond.notify(1)
cs = [threading.Thread(target=consumer) for _ in range(3)]
ps = [threading.Thread(target=producer) for _ in range(2)]
for t in cs + ps: t.start()
for t in ps: t.join()
with cond:
    done[0] = True
    cond.notify_all()
for t in cs: t.join()
assert sorted(taken) == sorted(list(range(ROUNDS)) * 2), len(taken)
assert len(cond._waiters) == 0, len(cond._waiters)
assert not cond._is_owned()

# 3. A Condition over a plain Lock: wait_for with a timeout that sometimes expires.
lk = threading.Lock()
c2 = threading.Condition(lk)
state = [0]
def bumper():
    for _ in range(500):
        with c2:
            state[0] += 1
            c2.notify_all()
results = []
def watcher():
    for _ in range(200):
        with c2:
            results.append(c2.wait_for(lambda: state[0] % 7 == 0, timeout=0.0005))
b = threading.Thread(target=bumper)
ws = [threading.Thread(target=watcher) for _ in range(2)]
for t in ws + [b]: t.start()
for t in ws + [b]: t.join()
assert state[0] == 500 and len(results) == 400
assert not lk.locked() and len(c2._waiters) == 0
print("ok")
