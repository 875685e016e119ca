# queue: FIFO/LIFO/priority/simple queues, the positional block/timeout forms, Empty/Full,
# task_done/join and the `.queue` attribute.
import queue
import threading

q = queue.Queue(48)
q.put('xxx', 1)
print(q.get(1), q.qsize(), q.empty(), q.full(), q.maxsize)
try:
    q.get_nowait()
except queue.Empty as e:
    print('empty', repr(e), isinstance(e, Exception))
try:
    q.get(True, 0.01)
except queue.Empty:
    print('empty after timeout')
q2 = queue.Queue(1)
q2.put(1)
print(q2.full())
try:
    q2.put(2, timeout=0.02)
except queue.Full as e:
    print('full', repr(e), queue.Full.__module__)
try:
    q2.put_nowait(3)
except queue.Full:
    print('full nowait')
q2.task_done()
try:
    q2.task_done()
except ValueError as e:
    print('ValueError:', e)
try:
    q2.get(timeout=-1)
except ValueError as e:
    print('ValueError:', e)

p = queue.PriorityQueue()
for x in [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'A')]:
    p.put(x)
print([p.get() for _ in range(4)])
p.put(1)
try:
    p.put('a')
except TypeError as e:
    print('TypeError:', e)

lq = queue.LifoQueue()
for i in range(3):
    lq.put(i)
print(lq.queue, [lq.get() for _ in range(3)])

s = queue.SimpleQueue()
s.put(1)
s.put_nowait(2)
print(s.get(), s.get_nowait(), s.empty(), s.qsize())
try:
    s.get(timeout=0.01)
except queue.Empty:
    print('simple empty')

q.put(5)
q.put(6)
print(list(q.queue))
q.queue.clear()
print(q.qsize(), q.empty())


class Counted(queue.Queue):
    def _put(self, item):
        super()._put(item * 2)


c = Counted()
c.put(21)
print(c.get())

# join waits for every task_done.
work = queue.Queue()
done = []


def worker():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            break
        done.append(item)
        work.task_done()


t = threading.Thread(target=worker)
t.start()
for i in range(5):
    work.put(i)
work.put(None)
work.join()
t.join()
print(done, work.unfinished_tasks)

# A bounded queue blocks its producer until the consumer takes.
bq = queue.Queue(2)
order = []


def producer():
    for i in range(6):
        bq.put(i)
    bq.put(None)


t = threading.Thread(target=producer)
t.start()
while True:
    x = bq.get()
    if x is None:
        break
    order.append(x)
t.join()
print(order)

# Methods called through the class reach the same queue as the bound ones.
uq = queue.Queue(3)
queue.Queue.put(uq, 'a')
uq.put('b')
print(queue.Queue.qsize(uq), queue.Queue.get(uq), uq.get(), queue.Queue.empty(uq))
queue.Queue.task_done(uq)
uq.task_done()
queue.Queue.join(uq)
print(uq.unfinished_tasks, queue.Queue.full(uq))
