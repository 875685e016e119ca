# note: 000_1afded46a2904bda.txt, section: 多线程 (改成run方法)
import threading
import time

def worker():
    count = 0
    while True:
        if (count > 5):
            break
        time.sleep(0.5)
        count += 1
        print('worker running')
        print(threading.current_thread().name, threading.current_thread().ident)

class MyThread(threading.Thread):
    def start(self):
        print('start~~~~~')
        super().start()

    def run(self):
        print('run~~~~~')
        super().run()

t1 = MyThread(name='worker1', target=worker)
t2 = MyThread(name='worker2', target=worker)

# t1.start()
# t2.start()
t1.run()
t2.run()
