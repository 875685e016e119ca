# 10 producers and 10 consumers move 100000 items through Queue(100): each delivered once.
import queue
import threading

N_PROD = 10
N_CONS = 10
PER = 10000
q = queue.Queue(100)
got = [[] for _ in range(N_CONS)]


def produce(p):
    for i in range(PER):
        q.put(p * PER + i)


def consume(c):
    out = got[c]
    while True:
        x = q.get()
        if x is None:
            q.task_done()
            return
        out.append(x)
        q.task_done()


cons = [threading.Thread(target=consume, args=(c,)) for c in range(N_CONS)]
prods = [threading.Thread(target=produce, args=(p,)) for p in range(N_PROD)]
for t in cons + prods:
    t.start()
for t in prods:
    t.join()
q.join()
for _ in cons:
    q.put(None)
for t in cons:
    t.join()
allitems = [x for g in got for x in g]
assert len(allitems) == N_PROD * PER, len(allitems)
assert sorted(allitems) == list(range(N_PROD * PER))
assert q.empty() and q.unfinished_tasks == 0
print("ok")
