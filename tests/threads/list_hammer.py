# 8 threads append, pop, index and slice one list: no element lost or duplicated.
import threading
shared = []
N, T = 5000, 8
def worker(k):
    for i in range(N):
        shared.append((k, i))
        if i % 7 == 0:
            shared[0:2]
            len(shared)
ts = [threading.Thread(target=worker, args=(k,)) for k in range(T)]
for t in ts: t.start()
for t in ts: t.join()
assert len(shared) == N * T, len(shared)
assert len(set(shared)) == N * T
popped = []
def popper():
    while True:
        try:
            popped.append(shared.pop())
        except IndexError:
            return
ts = [threading.Thread(target=popper) for _ in range(T)]
for t in ts: t.start()
for t in ts: t.join()
assert len(popped) == N * T and len(set(popped)) == N * T and shared == []
print("ok")
