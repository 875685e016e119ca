# note: 001_8cd1e5c8a1f76dcc.txt, section: start和run的区别
import threading
import time

def worker():
    print(threading.enumerate()) # 增加这一句
    for i in range(5):
        time.sleep(1)
        print('i am working')
    print('finished')

class MyThread(threading.Thread):
    def start(self):
        print('start~~~~')
        super().start()

    def run(self):
        print('run~~~~~~')
        super().run()

t = MyThread(target=worker, name='worker')
#t.start()
t.run() # 分别执行start或者run方法
