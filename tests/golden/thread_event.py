# threading.Event (native state under the Python class): results, timeouts, errors, subclasses.
import threading
import time

e = threading.Event()
print(e.is_set(), e._flag, e.wait(0), e.wait(-1), e.wait(0.01))
e.set()
print(e.is_set(), e._flag, e.wait(), e.wait(0), e.wait("not a number"))
e.clear()
print(e.is_set(), e.wait(timeout=0.001))
try:
    e.wait("x")
except TypeError as exc:
    print("TypeError:", exc)
try:
    e.wait(float("inf"))
except OverflowError as exc:
    print("OverflowError:", exc)
print(e.wait(float("nan")), e.wait(False))

# A set that is cleared again before the waiter runs still wakes it with True.
e2 = threading.Event()
results = []
def waiter():
    results.append(e2.wait(5))
ts = [threading.Thread(target=waiter) for _ in range(4)]
for t in ts:
    t.start()
while True:
    # Wait until all are asleep (none can be sure; give them time).
    time.sleep(0.05)
    break
e2.set()
e2.clear()
for t in ts:
    t.join()
print(results, e2.is_set())

# Timeouts return False after about the time asked.
t0 = time.monotonic()
r = threading.Event().wait(0.1)
dt = time.monotonic() - t0
print(r, 0.09 <= dt < 2)


class Loud(threading.Event):
    def set(self):
        print("setting")
        super().set()


l = Loud()
l.set()
print(l.is_set(), isinstance(l, threading.Event))

# Ping-pong.
ping, pong = threading.Event(), threading.Event()
count = [0]
def other():
    for _ in range(200):
        ping.wait(); ping.clear(); count[0] += 1; pong.set()
t = threading.Thread(target=other)
t.start()
for _ in range(200):
    ping.set(); pong.wait(); pong.clear()
t.join()
print(count[0])
