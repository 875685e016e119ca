# note: 001_8cd1e5c8a1f76dcc.txt, section: 线程安全
import threading

def worker():
    for x in range(100):
        print("{} is running.".format(threading.current_thread().name))

for x in range(1, 8): # 可以增加线程数
    name = "worker{}".format(x)
    t = threading.Thread(name=name, target=worker)
    t.start()
