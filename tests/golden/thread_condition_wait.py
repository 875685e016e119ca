# Condition.wait natively: RuntimeError unheld, timeouts (0, negative, bools, floats, keyword),
# bad timeouts (TypeError, OverflowError, too many arguments), RLock levels and plain Locks kept
# across waits, notify(n) counts, wait_for, subclasses overriding wait, Semaphore and Barrier.
import threading, time
c = threading.Condition()
try:
    c.wait()
except RuntimeError as e:
    print("RE", e)
with c:
    print(c.wait(0), c.wait(-1), c.wait(0.01), c.wait(timeout=0.0), c.wait(False), len(c._waiters))
    try:
        c.wait("x")
    except TypeError as e:
        print("TE", e)
    try:
        c.wait(1e300)
    except OverflowError as e:
        print("OE", e)
    try:
        c.wait(1, 2)
    except TypeError as e:
        print("TE", e)
    print(c._is_owned(), len(c._waiters))
# RLock levels kept
r = threading.RLock()
c2 = threading.Condition(r)
with c2:
    with c2:
        print(c2.wait(0.01), repr(r)[:40].split(' owner')[0])
print(repr(r).split(' owner')[0])
# plain Lock
l = threading.Lock()
c3 = threading.Condition(l)
with c3:
    print(c3.wait(0.001), l.locked())
print(l.locked())
# notify wakes
items = []
def consumer():
    with c:
        r = c.wait_for(lambda: items, timeout=5)
        print("consumer got", r)
t = threading.Thread(target=consumer); t.start()
time.sleep(0.05)
with c:
    items.append(1)
    c.notify()
t.join()
# notify(n) and waiters count
n_woke = [0]
def w():
    with c:
        if c.wait(2):
            n_woke[0] += 1
ts = [threading.Thread(target=w) for _ in range(4)]
for t in ts: t.start()
time.sleep(0.1)
with c:
    print("waiters", len(c._waiters))
    c.notify(2)
time.sleep(0.1)
with c:
    print("waiters after", len(c._waiters))
    c.notify_all()
for t in ts: t.join()
print("woke", n_woke[0])
class MyCond(threading.Condition):
    def wait(self, timeout=None):
        print("sub wait", timeout)
        return super().wait(timeout)
mc = MyCond()
with mc:
    print(mc.wait(0.001))
# semaphore / barrier / event use conditions
s = threading.Semaphore(0)
print(s.acquire(timeout=0.01))
b = threading.Barrier(2)
t = threading.Thread(target=b.wait); t.start(); print(b.wait() in (0,1)); t.join()
print(c.wait_for(lambda: 5) if False else "done")
with c:
    print(c.wait_for(lambda: 0, timeout=0.01))
