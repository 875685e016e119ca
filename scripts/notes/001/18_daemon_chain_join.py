# note: 001_8cd1e5c8a1f76dcc.txt, section: daemon线程应用场景 (使用join，让线程结束不了)
import time
import threading

def worker1(name):
    while True:
        time.sleep(1)
        print('{} working'.format(name), threading.current_thread().isDaemon())

def worker2(name):
    current = threading.current_thread()
    print("{}'s daemon = {}".format(name, current.isDaemon()))
    t2 = threading.Thread(target=worker1, args=('t2',))
    t2.start()
    t2.join()

t1 = threading.Thread(target=worker2, args=('t1',), daemon=True)
t1.start()
t1.join()
time.sleep(4)
print('Main Thread Exits')
