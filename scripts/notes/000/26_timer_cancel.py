# note: 000_1afded46a2904bda.txt, section: 定时器 Timer/延迟执行
import threading
import logging
import time

FORMAT = '%(asctime)s %(threadName)s %(thread)d %(message)s'
logging.basicConfig(format=FORMAT, level=logging.INFO)

def worker():
    logging.info('in worker')
    time.sleep(2)

t = threading.Timer(5, worker)
t.setName('w1')
t.start() # 启动线程
print(threading.enumerate())
t.cancel() # 取消，可以注释这一句看看如何定时执行
time.sleep(1)
print(threading.enumerate())
