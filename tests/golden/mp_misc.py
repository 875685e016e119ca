# Pools inside a child process, processes started from a thread, JoinableQueue, Barrier.
import multiprocessing as mp, threading
def sq(x): return x * x
def nested():
    with mp.Pool(2) as p:
        print('nested', p.map(sq, [1, 2, 3]))
def consumer(jq):
    while True:
        x = jq.get()
        if x is None:
            jq.task_done(); break
        jq.task_done()
def bar(b, q):
    q.put(b.wait())
if __name__ == '__main__':
    mp.set_start_method('spawn')
    p = mp.Process(target=nested); p.start(); p.join(); print(p.exitcode)
    res = []
    def starter():
        q = mp.Process(target=sq, args=(3,)); q.start(); q.join(); res.append(q.exitcode)
    t = threading.Thread(target=starter); t.start(); t.join(); print('from thread', res)
    jq = mp.JoinableQueue()
    c = mp.Process(target=consumer, args=(jq,)); c.start()
    for i in range(10): jq.put(i)
    jq.put(None)
    jq.join(); print('joined'); c.join()
    b = mp.Barrier(3); q = mp.Queue()
    ps = [mp.Process(target=bar, args=(b, q)) for _ in range(3)]
    for x in ps: x.start()
    print(sorted(q.get() for _ in range(3)))
    for x in ps: x.join()
    d = mp.Process(target=sq, args=(1,), daemon=True); d.start(); d.join()
    print(d.exitcode)
