# note: 000_1afded46a2904bda.txt, section: 总结 (如何修改才能打印出来: 主线程先 time.sleep(2))
import time
import threading

def bar():
    time.sleep(10)
    print('bar')

def foo():
    for i in range(20):
        print(i)
    t = threading.Thread(target=bar, daemon=False)
    t.start()

# 主线程是non-daemon线程
t = threading.Thread(target=foo, daemon=True)
t.start()

time.sleep(2)
print('Main Thread Exiting')
