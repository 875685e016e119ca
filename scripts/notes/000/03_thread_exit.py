# note: 000_1afded46a2904bda.txt, section: 线程退出
import threading
import time

def worker():
    count = 0
    while True:
        if (count > 5):
            # raise RuntimeError(count)
            # return
            break
        time.sleep(1)
        print("I'm working")
        count += 1

t = threading.Thread(target=worker, name='worker') # 线程对象
t.start() # 启动

print('==End==')
