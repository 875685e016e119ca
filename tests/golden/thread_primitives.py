import threading

lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
with lock:
    print("inside", lock.locked())
r = threading.RLock()
with r:
    with r:
        print("reentrant ok")
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
ev.set()
print(ev.is_set(), ev.wait())
ev.clear()
print(ev.is_set())
sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
sem.release()
print(sem.acquire(timeout=0.01))

results = []
cond = threading.Condition()
items = []

def consumer():
    with cond:
        cond.wait_for(lambda: len(items) >= 3)
        results.append(sorted(items))

c = threading.Thread(target=consumer)
c.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify_all()
c.join()
print(results)

barrier = threading.Barrier(3)
order = []
olock = threading.Lock()

def party(i):
    barrier.wait()
    with olock:
        order.append(i)

ts = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(order), barrier.broken, barrier.parties)

fired = []
t = threading.Timer(0.01, fired.append, args=["timer"])
t.start()
t.join()
print(fired)
t2 = threading.Timer(10, fired.append, args=["never"])
t2.start()
t2.cancel()
t2.join()
print(fired)

local = threading.local()
local.x = "main"

def show():
    try:
        local.x
    except AttributeError as e:
        print("AttributeError:", e)
    local.x = "worker"

w = threading.Thread(target=show)
w.start()
w.join()
print(local.x)
