# note: 001_8cd1e5c8a1f76dcc.txt, section: daemon线程和non-daemon线程
import time
import threading

def foo():
    time.sleep(5)
    for i in range(20):
        print(i)

# 主线程是non-daemon线程
t = threading.Thread(target=foo, daemon=False)
t.start()

print('Main Thread Exits')
