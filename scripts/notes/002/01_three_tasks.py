# note: 002_0d691bdb221e28cb.txt, section: 一个多并发的小脚本 (同 直接调用)
import threading
import time
def princ(tring):
    print('task', tring)
    time.sleep(5)
# target=目标函数， args=传入的�数
t1 = threading.Thread(target=princ, args=('t1',))
t1.start()
t2 = threading.Thread(target=princ, args=('t1',))
t2.start()
t3 = threading.Thread(target=princ, args=('t1',))
t3.start()
