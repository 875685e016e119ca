# note: 000_1afded46a2904bda.txt, section: start方法

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

class MyThread(threading.Thread):
    def start(self):
        print('start~~~~~')
        super().start()

    def run(self):
        print('run~~~~~')
        super().run()

t = MyThread(name='worker', target=worker)
t.start()
# 运行结果
# start~~~~~
# run~~~~~
# worker running
