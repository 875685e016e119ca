# note: 001_8cd1e5c8a1f76dcc.txt, section: 2、使用logging
import threading
import logging

def worker():
    for x in range(100):
        logging.warning('{} is running.'.format(threading.current_thread().name)) #print('{} is running.\n'.format(threading.current_thread().name), end='')

for x in range(1, 8): # 可以增加线程
    name = 'worker{}'.format(x)
    t = threading.Thread(target=worker, name=name)
    t.start()
