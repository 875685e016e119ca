# The notes' counters: with a lock exactly 500000; without, at most 500000 (updates may be lost).
import threading
num = 0
lock = threading.Lock()
def locked():
    global num
    for _ in range(100000):
        with lock:
            num += 1
def unlocked():
    global num
    for _ in range(100000):
        num += 1
for target, exact in ((locked, True), (unlocked, False)):
    num = 0
    ts = [threading.Thread(target=target) for _ in range(5)]
    for t in ts: t.start()
    for t in ts: t.join()
    assert (num == 500000) if exact else (0 < num <= 500000), num
print("ok")
