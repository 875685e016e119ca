import threading
lock = threading.Lock()
def f():
    lock.acquire()
    print("first")
    lock.acquire()
    print("never")
f()
