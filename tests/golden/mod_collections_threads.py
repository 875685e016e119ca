import threading
from collections import deque
import random, time
d = deque()
N = 4
M = 5000
def producer():
    for i in range(M):
        d.append(i)
def consumer(out):
    got = 0
    while got < M:
        try:
            d.popleft()
            got += 1
        except IndexError:
            time.sleep(0.0001)
    out.append(got)
ts = [threading.Thread(target=producer) for _ in range(N)]
outs = []
cs = [threading.Thread(target=consumer, args=(outs,)) for _ in range(N)]
for t in ts + cs: t.start()
for t in ts + cs: t.join()
print(len(d), sum(outs))
r = random.Random(1)
vals = []
def draw():
    for _ in range(1000):
        vals.append(r.random())
ts = [threading.Thread(target=draw) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
r2 = random.Random(1)
print(sorted(vals) == sorted(r2.random() for _ in range(4000)))
