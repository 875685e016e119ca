# Many threads contending on locks, RLocks, a Condition, a Semaphore, a Barrier and a queue,
# with threads constantly starting and ending while the main thread waits untimed in
# start() and join(): a correct program the deadlock detector must never report.
import queue
import threading

locks = [threading.Lock() for _ in range(3)]
rl = threading.RLock()
sem = threading.Semaphore(2)
cond = threading.Condition()
box = []
counts = [0] * 40
q = queue.Queue(maxsize=4)
N = 40


def worker(i):
    for k in range(60):
        a, b = sorted((i % 3, (i + k) % 3))
        with locks[a]:
            if a != b:
                with locks[b]:
                    counts[i] += 1
            else:
                counts[i] += 1
        with rl:
            with rl:
                pass
        with sem:
            pass
    with cond:
        box.append(i)
        cond.notify_all()
    q.put(i)


def consumer():
    for _ in range(N):
        q.get()
        q.task_done()


for round_ in range(3):
    c = threading.Thread(target=consumer)
    c.start()
    ts = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
    for t in ts:
        t.start()
    with cond:
        while len(box) < N * (round_ + 1):
            cond.wait()
    q.join()
    for t in ts:
        t.join()
    c.join()
    bar = threading.Barrier(4)
    bs = [threading.Thread(target=bar.wait) for _ in range(3)]
    for t in bs:
        t.start()
    bar.wait()
    for t in bs:
        t.join()
assert counts == [3 * 60] * N, counts
print("ok")
