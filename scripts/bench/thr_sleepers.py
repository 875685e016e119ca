# Memory: 1000 live threads sleeping at once (peak RSS is the figure to compare).
import threading
import time
ready = threading.Barrier(1001)
release = threading.Event()
def sleeper():
    ready.wait()
    release.wait()
ts = [threading.Thread(target=sleeper) for _ in range(1000)]
for t in ts:
    t.start()
ready.wait()
print('checksum', threading.active_count())
time.sleep(0.2)
release.set()
for t in ts:
    t.join()
