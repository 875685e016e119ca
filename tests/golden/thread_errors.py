import threading

def worker():
    pass

t = threading.Thread(target=worker)
print(t.name, t.daemon, t.ident, t.is_alive())
print(repr(t))
try:
    t.join()
except RuntimeError as e:
    print("RuntimeError:", e)
t.start()
t.join()
print(t.is_alive())
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    t.daemon = True
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)

class Forgot(threading.Thread):
    def __init__(self):
        pass

try:
    Forgot().start()
except RuntimeError as e:
    print("RuntimeError:", e)

lock = threading.Lock()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
r = threading.RLock()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
c = threading.Condition()
try:
    c.wait(0.01)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    c.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
b = threading.BoundedSemaphore(1)
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
