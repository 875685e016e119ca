# note: 000_1afded46a2904bda.txt, section: 总结 (提前cancel)
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
t.cancel() # 提前取消
t.start() # 启动线程
print(threading.enumerate())
time.sleep(8)
print(threading.enumerate())
