import threading, time

done = [False]
lock = threading.Lock()


def busy():
    while not done[0]: pass


def runner():
    busy()


def sleeper():
    time.sleep(2.0)


def holder():
    with lock:
        time.sleep(1.5)


def waiter():
    with lock:
        pass


threads = [threading.Thread(target=f, name=f.__name__, daemon=f is sleeper)
           for f in (runner, sleeper, holder)]
for t in threads:
    t.start()
time.sleep(0.1)
w = threading.Thread(target=waiter, name="waiter")
w.start()
time.sleep(1.0)
done[0] = True
for t in threads + [w]:
    t.join()
print("ok")
