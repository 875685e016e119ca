# Queue producer/consumer: 2 producers, 2 consumers, 200000 items through Queue(1000).
import threading, queue
q = queue.Queue(1000)
N = 200000
total = [0, 0]
def producer(k):
    for i in range(k, N, 2):
        q.put(i)
def consumer(slot):
    s = 0
    while True:
        v = q.get()
        if v is None:
            break
        s += v
    total[slot] = s
cs = [threading.Thread(target=consumer, args=(k,)) for k in range(2)]
ps = [threading.Thread(target=producer, args=(k,)) for k in range(2)]
for t in cs + ps: t.start()
for t in ps: t.join()
for _ in cs: q.put(None)
for t in cs: t.join()
print('checksum', sum(total))
