# note: 001_8cd1e5c8a1f76dcc.txt, section: start方法
import threading
import time

def worker():
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
t.start()

# 运行结果
# start~~~~
# run~~~~~~
# i am working
# i am working
# ......
