# Condition.notify / notify_all (native for an exact Condition over a native lock): errors, n, subclasses, wake order.
import threading
# notify / notify_all semantics for Condition over Lock, RLock, a subclass, errors.
for mk in (threading.Condition, lambda: threading.Condition(threading.Lock())):
    c = mk()
    for f in (c.notify, c.notify_all):
        try:
            f()
        except RuntimeError as e:
            print("RuntimeError:", e)
    with c:
        c.notify(); c.notify(0); c.notify(2.5); c.notify_all(); c.notify(n=3)
        print(len(c._waiters))
class Sub(threading.Condition):
    def notify(self, n=1):
        print("Sub.notify", n)
        super().notify(n)
s = Sub()
with s:
    s.notify_all()
    s.notify(2)
# waiters are woken in order, n at a time
c = threading.Condition()
order = []
def w(k):
    with c:
        c.wait()
        order.append(k)
ts = []
import time
for k in range(5):
    t = threading.Thread(target=w, args=(k,)); t.start(); ts.append(t)
    while True:
        with c:
            if len(c._waiters) == k + 1: break
        time.sleep(0.001)
with c:
    c.notify(2)
time.sleep(0.1)
with c:
    print(sorted(order), len(c._waiters))
    c.notify_all()
for t in ts: t.join()
print(sorted(order))
print(c.wait_for(lambda: True))
