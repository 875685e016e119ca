# note: 001_8cd1e5c8a1f76dcc.txt, section: 线程退出
import threading
import time

def worker():
    count = 0
    while True:
        if count > 5:
            # raise RuntimeError(count) # 抛异常
            # return # 函数返回
            break
        time.sleep(1)
        count += 1
        print('i am working')
    print('finished')

t = threading.Thread(target=worker, name='worker') # 线程对象
t.start() # 启动
print('===end===')
