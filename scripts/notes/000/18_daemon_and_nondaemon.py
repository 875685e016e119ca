# note: 000_1afded46a2904bda.txt, section: 总结 (看看主线程何时结束daemon线程)
import time
import threading

def foo(n):
    for i in range(n):
        print(i)
        time.sleep(1)

t1 = threading.Thread(target=foo, args=(10,), daemon=True) # 调换10和20看看效果
t1.start()

t2 = threading.Thread(target=foo, args=(20,), daemon=False) #
t2.start()

time.sleep(2)
print('Main Thread Exiting')
