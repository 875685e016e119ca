# The notes' locked counter: 5 threads x 100000 `with lock: num += 1`.
import threading
num = 0
lock = threading.Lock()
def worker():
    global num
    for _ in range(100000):
        with lock:
            num += 1
ts = [threading.Thread(target=worker) for _ in range(5)]
for t in ts: t.start()
for t in ts: t.join()
print('checksum', num)
