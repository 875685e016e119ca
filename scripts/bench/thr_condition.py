# Condition bounded buffer: 2 producers, 2 consumers, 160000 items through a 64-slot buffer.
import threading
from collections import deque
N = 160000
CAP = 64
buf = deque()
cond = threading.Condition()
total = [0, 0]
done = [0]
def producer(k):
    for i in range(k, N, 2):
        with cond:
            while len(buf) >= CAP:
                cond.wait()
            buf.append(i)
            cond.notify_all()
def consumer(slot):
    s = 0
    while True:
        with cond:
            while not buf:
                if done[0]:
                    total[slot] = s
                    return
                cond.wait()
            v = buf.popleft()
            cond.notify_all()
        s += v
ps = [threading.Thread(target=producer, args=(k,)) for k in range(2)]
cs = [threading.Thread(target=consumer, args=(k,)) for k in range(2)]
for t in ps + cs: t.start()
for t in ps: t.join()
with cond:
    done[0] = 1
    cond.notify_all()
for t in cs: t.join()
print('checksum', sum(total))
