# Condition bounded buffer (native with/notify/notify_all for Condition over RLock and Lock):
# 4 producers, 4 consumers, every item delivered exactly once; some waits use timeouts and
# notify() wakes one waiter at a time.
import threading
from collections import deque

N = 20000
CAP = 8
for lock in (None, threading.Lock()):
    cond = threading.Condition(lock)
    buf = deque()
    got = []
    done = [False]

    def producer(k):
        for i in range(k, N, 4):
            with cond:
                while len(buf) >= CAP:
                    cond.wait(0.05 if i % 3 else None)
                buf.append(i)
                if i % 2:
                    cond.notify()
                else:
                    cond.notify_all()

    def consumer():
        mine = []
        while True:
            with cond:
                while not buf:
                    if done[0]:
                        got.extend(mine)
                        return
                    cond.wait(0.05)
                mine.append(buf.popleft())
                cond.notify_all()

    ps = [threading.Thread(target=producer, args=(k,)) for k in range(4)]
    cs = [threading.Thread(target=consumer) for _ in range(4)]
    for t in ps + cs:
        t.start()
    for t in ps:
        t.join()
    with cond:
        done[0] = True
        cond.notify_all()
    for t in cs:
        t.join()
    assert sorted(got) == list(range(N)), (len(got), N)
    assert not cond._waiters, cond._waiters
print("ok")
