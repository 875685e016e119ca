# note: 001_8cd1e5c8a1f76dcc.txt, section: 线程的传参
import threading
import time

def add(x, y):
    print('{} + {} = {}'.format(x, y, x + y, threading.current_thread().ident))

t1 = threading.Thread(target=add, name='add', args=(4, 5))
t1.start()
time.sleep(2)
t2 = threading.Thread(target=add, name='add', args=(6,), kwargs={'y':7})
t2.start()
time.sleep(2)
t3 = threading.Thread(target=add, name='add', kwargs={'x':8, 'y':9})
t3.start()
