# Importing one module from several threads at once runs its body exactly once; every thread
# sees the finished module.
import threading
res = []
lock = threading.Lock()
def imp():
    import importdata.slowmod
    with lock:
        res.append(importdata.slowmod.VALUE)
ts = [threading.Thread(target=imp) for _ in range(5)]
for t in ts: t.start()
for t in ts: t.join()
print(res)
def imp_inner():
    from importdata import modb
    with lock:
        res.append(modb.x)
ts = [threading.Thread(target=imp_inner) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(res)
