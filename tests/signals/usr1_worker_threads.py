# Handlers run in the main thread even while other threads run Python code.
import signal
import threading
import time

stop = False


def spin():
    x = 0
    while not stop:
        x += 1


def on_usr1(signum, frame):
    global stop
    print('handler in', threading.current_thread().name, flush=True)
    stop = True


signal.signal(signal.SIGUSR1, on_usr1)
workers = [threading.Thread(target=spin) for _ in range(2)]
for w in workers:
    w.start()
print('ready', flush=True)
while not stop:
    time.sleep(0.05)
for w in workers:
    w.join()
print('done', flush=True)
