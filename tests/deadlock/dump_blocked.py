import threading, time
lock = threading.Lock()
ev = threading.Event()
def holder():
    with lock:
        ev.wait(1.5)
def waiter():
    with lock:
        pass
threading.Thread(target=holder, name="holder").start()
time.sleep(0.1)
threading.Thread(target=waiter, name="waiter").start()
time.sleep(1.2)
print("ok")
