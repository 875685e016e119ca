import threading, time

done = [False]


def compute():
    n = 0
    while not done[0]: n += 1


t = threading.Thread(target=compute, name="computer")
t.start()
print("ready", flush=True)
time.sleep(1.0)
done[0] = True
t.join()
print("ok")
