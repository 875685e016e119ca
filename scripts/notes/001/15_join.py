# note: 001_8cd1e5c8a1f76dcc.txt, section: join方法
import time
import threading

def worker(name, timeout):
    time.sleep(timeout)
    print('{} working'.format(name))

t1 = threading.Thread(target=worker, args=('t1', 3), daemon=True)
t1.start()
t1.join()# 设置join，取消join对比一下
print('Main Thread Exits')
