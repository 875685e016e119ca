# A thousand threads blocked on one queue all wake, each with exactly one item; then a
# thousand producers blocked on a full Queue(1) all get through.
import queue
import threading

N = 1000
q = queue.Queue()
got = []
lock = threading.Lock()


def taker():
    x = q.get()
    with lock:
        got.append(x)


ts = [threading.Thread(target=taker) for _ in range(N)]
for t in ts:
    t.start()
for i in range(N):
    q.put(i)
for t in ts:
    t.join()
assert sorted(got) == list(range(N)), len(got)

full = queue.Queue(1)
ps = [threading.Thread(target=full.put, args=(i,)) for i in range(N)]
for t in ps:
    t.start()
out = [full.get() for _ in range(N)]
for t in ps:
    t.join()
assert sorted(out) == list(range(N)) and full.empty()
print("ok")
