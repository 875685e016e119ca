# `with cond:` on Condition over an RLock (default), a Lock and a user-defined lock; the
# lock is taken and released on every way out, and a subclass may override __enter__.
import threading


class MyLock:
    def __init__(self):
        self.l = threading.Lock()
        self.log = []

    def acquire(self, *a):
        self.log.append("acquire")
        return self.l.acquire(*a)

    def release(self):
        self.log.append("release")
        self.l.release()

    def __enter__(self):
        self.log.append("enter")
        return self.l.__enter__()

    def __exit__(self, *args):
        self.log.append(("exit", args[0].__name__ if args[0] else None))
        return self.l.__exit__(*args)


for lock in (None, threading.Lock(), threading.RLock(), MyLock()):
    c = threading.Condition(lock) if lock is not None else threading.Condition()
    with c as got:
        print(type(c._lock).__name__, got)
        c.notify_all()
    try:
        with c:
            raise KeyError("k")
    except KeyError as e:
        print("KeyError", e)
    print(c._lock.acquire(False))
    c._lock.release()
    if isinstance(lock, MyLock):
        print(lock.log)


class Loud(threading.Condition):
    def __enter__(self):
        print("entering")
        return super().__enter__()


with Loud() as r:
    print("inside", r)

# A Condition used by two threads.
c = threading.Condition()
items = []


def consumer():
    with c:
        while not items:
            c.wait()
        print("got", items.pop())


t = threading.Thread(target=consumer)
t.start()
with c:
    items.append(42)
    c.notify()
t.join()
