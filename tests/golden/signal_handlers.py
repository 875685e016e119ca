# Python signal handlers run in the main thread: between instructions (a busy loop), and
# inside blocking waits (sleep, Lock.acquire, Event.wait, join, Queue.get), which then go on
# unless the handler raised (PEP 475). The process sends the signals to itself.
import os
import queue
import signal
import threading
import time

got = []


def h(signum, frame):
    got.append(signum)
    print('handler', signal.Signals(signum).name, type(signum).__name__,
          threading.current_thread().name)


for s in (signal.SIGUSR1, signal.SIGUSR2, signal.SIGHUP, signal.SIGALRM, signal.SIGTERM):
    signal.signal(s, h)

os.kill(os.getpid(), signal.SIGUSR1)
print('after kill')
signal.raise_signal(signal.SIGUSR2)
print('after raise_signal')

t0 = time.monotonic()
signal.alarm(1)
time.sleep(1.5)
print('sleep went on after the handler:', time.monotonic() - t0 >= 1.5)


def later(delay, sig, then=None):
    def run():
        time.sleep(delay)
        os.kill(os.getpid(), sig)
        if then:
            time.sleep(0.2)
            then()
    t = threading.Thread(target=run)
    t.start()
    return t


lock = threading.Lock()
lock.acquire()
later(0.2, signal.SIGHUP, lock.release)
lock.acquire()
print('Lock.acquire went on')

q = queue.Queue()
later(0.2, signal.SIGTERM, lambda: q.put('item'))
print('Queue.get:', q.get())

t = later(0.2, signal.SIGUSR1, lambda: None)
t.join()
print('join went on')


class Stop(Exception):
    pass


def raiser(signum, frame):
    raise Stop(signal.Signals(signum).name)


signal.signal(signal.SIGUSR1, raiser)
ev = threading.Event()
later(0.2, signal.SIGUSR1)
try:
    ev.wait()
except Stop as e:
    print('Event.wait interrupted by', e)

try:
    time.sleep(0.1)
    os.kill(os.getpid(), signal.SIGUSR1)
    print('not reached')
except Stop as e:
    print('os.kill raised', e)

signal.signal(signal.SIGALRM, raiser)
signal.alarm(1)
n = 0
try:
    while True:
        n += 1
except Stop as e:
    print('busy loop stopped by', e, n > 0)


def f():
    return 1


signal.alarm(1)
try:
    while True:
        f()
except Stop as e:
    print('loop of calls stopped by', e)

signal.signal(signal.SIGUSR1, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGUSR1)
print('ignored:', repr(signal.getsignal(signal.SIGUSR1)))

# the frame argument
signal.signal(signal.SIGUSR2, lambda s, fr: print('frame arg:', fr is None or hasattr(fr, 'f_lineno')))
signal.raise_signal(signal.SIGUSR2)

# KeyboardInterrupt from the default SIGINT handler, caught
try:
    signal.raise_signal(signal.SIGINT)
    print('not reached')
except KeyboardInterrupt:
    print('KeyboardInterrupt caught')
print(got)
