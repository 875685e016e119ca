import threading
ready = threading.Event()
def w():
    ready.wait()
t = threading.Thread(target=w, name="waiter")
t.start()
t.join()
