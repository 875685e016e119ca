# note: 000_1afded46a2904bda.txt, section: daemon线程应用场景 (使用join，让线程结束不了)
import time
import threading

def bar():
    while True:
        time.sleep(1)
        print('bar')

def foo():
    print("t1's daemon = {}".format(threading.current_thread().isDaemon()))
    t2 = threading.Thread(target=bar)
    t2.start()
    print("t2's daemon = {}".format(t2.isDaemon()))
    t2.join()

t1 = threading.Thread(target=foo, daemon=True)
t1.start()

t1.join()
time.sleep(3)
print('Main Thread Exiting')
