# Event ping-pong between two threads: 20000 round trips.
import threading
N = 20000
ping, pong = threading.Event(), threading.Event()
def other():
    for _ in range(N):
        ping.wait(); ping.clear(); pong.set()
t = threading.Thread(target=other)
t.start()
for _ in range(N):
    ping.set(); pong.wait(); pong.clear()
t.join()
print('checksum', N)
