# Signal storm: threads send SIGUSR1/SIGUSR2 to the process while the main thread computes,
# sleeps, waits on locks and queues, and switches handlers; pyt's OS-level handler (atomics
# only) must lose nothing it may not lose (standard signals coalesce, so only "at least one
# per burst" holds), run every handler in the main thread, and never crash or hang.
import os
import queue
import signal
import threading
import time

counts = {signal.SIGUSR1: 0, signal.SIGUSR2: 0}
wrong_thread = []


def h(signum, frame):
    if threading.current_thread() is not threading.main_thread():
        wrong_thread.append(signum)
    counts[signum] += 1


signal.signal(signal.SIGUSR1, h)
signal.signal(signal.SIGUSR2, h)
SENDS = 2000
stop = threading.Event()


def sender(sig):
    for i in range(SENDS):
        os.kill(os.getpid(), sig)
        if i % 100 == 0:
            time.sleep(0.001)


def worker(q):
    while not stop.is_set():
        q.put(sum(range(100)))
        time.sleep(0.0005)


q = queue.Queue()
threads = [threading.Thread(target=sender, args=(s,)) for s in (signal.SIGUSR1, signal.SIGUSR2)]
threads.append(threading.Thread(target=worker, args=(q,)))
for t in threads:
    t.start()
lock = threading.Lock()
total = 0
for round_ in range(200):
    total += sum(i * i for i in range(200))
    with lock:
        total += q.get()
    if round_ % 20 == 0:
        time.sleep(0.002)
        signal.signal(signal.SIGUSR2, h)
for t in threads[:2]:
    t.join()
stop.set()
threads[2].join()
# Whatever is still pending is handled at the next poll.
time.sleep(0.05)
assert not wrong_thread, wrong_thread
assert 1 <= counts[signal.SIGUSR1] <= SENDS, counts
assert 1 <= counts[signal.SIGUSR2] <= SENDS, counts
assert total > 0
print("ok")
