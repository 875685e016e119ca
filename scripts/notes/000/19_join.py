# note: 000_1afded46a2904bda.txt, section: join方法
import time
import threading

def foo(n):
    for i in range(n):
        print(i)
        time.sleep(1)

t1 = threading.Thread(target=foo, args=(10,), daemon=True)
t1.start()
t1.join() # 设置join，取消join对比一下

print('Main Thread Exiting')
