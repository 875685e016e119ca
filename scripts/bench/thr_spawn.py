# Spawn and join 5000 threads (in batches of 100).
import threading
count = [0]
lock = threading.Lock()
def work():
    with lock:
        count[0] += 1
for _ in range(50):
    ts = [threading.Thread(target=work) for _ in range(100)]
    for t in ts: t.start()
    for t in ts: t.join()
print('checksum', count[0])
