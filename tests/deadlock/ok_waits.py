import threading, time, queue
l = threading.Lock()
l.acquire()
print(l.acquire(timeout=0.5))
ev = threading.Event()
print(ev.wait(0.4))
def sleeper():
    time.sleep(0.6)
t = threading.Thread(target=sleeper); t.start(); t.join()
q = queue.Queue()
try:
    q.get(timeout=0.3)
except queue.Empty:
    print("empty")
done = threading.Lock(); done.acquire()
def signaller():
    time.sleep(0.5)
    done.release()
threading.Thread(target=signaller).start()
done.acquire()
cond = threading.Condition()
items = []
def producer():
    for i in range(200):
        with cond:
            items.append(i)
            cond.notify()
        if i % 50 == 0:
            time.sleep(0.25)
threading.Thread(target=producer).start()
got = 0
while got < 200:
    with cond:
        while not items:
            cond.wait()
        items.pop(); got += 1
b = threading.Barrier(3)
def w():
    time.sleep(0.3)
    b.wait()
ts = [threading.Thread(target=w) for _ in range(2)]
for t in ts: t.start()
b.wait()
for t in ts: t.join()
tm = threading.Timer(0.4, lambda: print("timer"))
tm.start(); tm.join()
q2 = queue.Queue()
def cons():
    while True:
        x = q2.get()
        time.sleep(0.1)
        q2.task_done()
        if x is None: break
threading.Thread(target=cons).start()
for x in [1, 2, None]: q2.put(x)
q2.join()
print("ok")
