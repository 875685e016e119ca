# A SIGINT handler runs while the main thread waits on a lock, then the wait goes on; the
# handler raises on the second SIGINT, which ends the wait.
import signal
import threading

lock = threading.Lock()
lock.acquire()
calls = []


def on_int(signum, frame):
    calls.append(signum)
    print('handler', signum, flush=True)
    if len(calls) == 2:
        raise KeyboardInterrupt


signal.signal(signal.SIGINT, on_int)
print('ready', flush=True)
try:
    lock.acquire()
except KeyboardInterrupt:
    print('interrupted after', calls, flush=True)
