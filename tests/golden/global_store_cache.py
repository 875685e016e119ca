# A function that stores a global and reads it back sees every other write to it: from
# another function, from module level, through globals(), by del, from another thread.
import threading

x = 0


def bump():
    global x
    x = x + 1
    return x


def set_x(v):
    global x
    x = v


print(bump(), bump())
set_x(10)
print(bump())
x = 100
print(bump())
globals()['x'] = 1000
print(bump())
del x
try:
    bump()
except NameError as e:
    print('NameError', e)
set_x(5)
print(bump())

turn = threading.Event()
back = threading.Event()


def other():
    global x
    turn.wait()
    x = -50
    back.set()


t = threading.Thread(target=other)
t.start()
print(bump())
turn.set()
back.wait()
print(bump())
t.join()


def shadow():
    global len
    r = len('abc')
    len = lambda s: 42
    r2 = len('abc')
    del len
    return r, r2, len('abcd')


print(shadow())

num = 0
lock = threading.Lock()


def worker():
    global num
    for _ in range(20000):
        with lock:
            num += 1


ts = [threading.Thread(target=worker) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(num)
