# note: 000_1afded46a2904bda.txt, section: threading的属性和方法

import threading
import time

def showthreadinfo():
    print("currentthread = {}".format(threading.current_thread()))
    print("main thread = {}".format(threading.main_thread()))
    print("active count = {}".format(threading.active_count()))

def worker():
    count = 0
    showthreadinfo()
    while True:
        if (count > 5):
            break
        time.sleep(1)
        count += 1
        print("I'm working")

t = threading.Thread(target=worker, name='worker') # 线程对象
showthreadinfo()
t.start() # 启动

print('==End==')
