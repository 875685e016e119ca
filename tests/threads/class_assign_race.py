# Threads reassign one instance's __class__ back and forth while others read its attributes
# and call its methods: every read sees one class or the other, never a freed one (the
# instance's class pointer is read without a lock).
import threading

class A:
    tag = 'A'
    def who(self):
        return 'A'

class B:
    tag = 'B'
    def who(self):
        return 'B'

objs = [A() for _ in range(8)]
for i, o in enumerate(objs):
    o.n = i
stop = threading.Event()
bad = []

def flipper(k):
    j = 0
    while not stop.is_set():
        for o in objs:
            # Fresh classes too, so replaced ones really could be freed.
            o.__class__ = (A, B, type('C%d' % (j % 3), (A,), {}))[j % 3]
        j += 1

def reader():
    while not stop.is_set():
        for o in objs:
            t = o.tag
            w = o.who()
            if t not in ('A', 'B') or w not in ('A', 'B') or type(o).__name__ not in ('A', 'B', 'C0', 'C1', 'C2'):
                bad.append((t, w))

ts = [threading.Thread(target=flipper, args=(k,)) for k in range(2)]
ts += [threading.Thread(target=reader) for _ in range(4)]
for t in ts:
    t.start()
import time
time.sleep(1.5)
stop.set()
for t in ts:
    t.join()
print('ok' if not bad else bad[:3])
