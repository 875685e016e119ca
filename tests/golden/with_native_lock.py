# `with` on _thread.lock / _thread.RLock: the eval loop's fast path must behave exactly as
# calling __enter__ / __exit__ would (results, exceptions, release on every way out).
import threading

lock = threading.Lock()
rlock = threading.RLock()

with lock as got:
    print("inside", got, lock.locked())
print("after", lock.locked())

try:
    with lock:
        raise ValueError("boom")
except ValueError as e:
    print("caught", e, lock.locked())


def ret():
    with lock:
        return "returned", lock.locked()


print(ret(), lock.locked())

for i in range(3):
    with lock:
        if i == 1:
            continue
        if i == 2:
            break
print("loop", lock.locked())

with rlock as r1:
    with rlock as r2:
        print("nested", r1, r2)
print("rlock", repr(rlock).startswith("<unlocked _thread.RLock object owner=0 count=0"))

# Releasing inside the body makes __exit__ fail.
try:
    with lock:
        lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    with rlock:
        rlock.release()
except RuntimeError as e:
    print("RuntimeError:", e)

# An exception in the body still releases, and the lock's __exit__ does not suppress it.
try:
    with rlock:
        with lock:
            1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, lock.locked())
with rlock:
    print("rlock free again")


def gen():
    with lock:
        yield 1
        yield 2


g = gen()
print(next(g), lock.locked())
g.close()
print("closed", lock.locked())

# Another thread can take it after the with block.
t = threading.Thread(target=lambda: print("thread got", lock.acquire(timeout=1)))
t.start()
t.join()
print("held by the thread", lock.locked())
lock.release()
