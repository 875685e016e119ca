# note: 000_1afded46a2904bda.txt, section: start和run的区别
import threading
import time

def worker():
    count = 0
    while True:
        if (count > 5):
            break
        time.sleep(1)
        count += 1
        print('worker running')
        print(threading.current_thread().name)

class MyThread(threading.Thread):
    def start(self):
        print('start~~~~~')
        super().start()

    def run(self):
        print('run~~~~~')
        super().run()

t = MyThread(name='worker', target=worker)
t.start()
# t.run() # 分别执行start或者run方法
