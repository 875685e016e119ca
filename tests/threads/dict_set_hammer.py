# 8 threads set, get and delete keys of one dict, add to one set, write one instance's
# attributes: every builtin operation is atomic, nothing crashes or tears.
import threading
d, s = {}, set()
class Box:
    pass
box = Box()
N, T = 4000, 8
def worker(k):
    for i in range(N):
        key = f"{k}-{i}"
        d[key] = i
        assert d[key] == i
        s.add(key)
        setattr(box, "a%d" % (i % 50), (k, i))
        if i % 3 == 0:
            del d[key]
ts = [threading.Thread(target=worker, args=(k,)) for k in range(T)]
for t in ts: t.start()
for t in ts: t.join()
assert len(s) == N * T, len(s)
assert len(d) == T * (N - (N + 2) // 3), len(d)
assert all(isinstance(getattr(box, "a%d" % j), tuple) for j in range(50))
print("ok")
