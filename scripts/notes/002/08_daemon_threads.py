# note: 002_0d691bdb221e28cb.txt, section: 守护进程/线程(daemon)
import threading
import time

def princ(tring):
    print('task', tring)
    time.sleep(2)
for i in range(50):
    t = threading.Thread(target=princ, args=('t-%s' % (i),))
    t.setDaemon(True)  # 把当�线程设置为守护线程，�在start之�设置
    t.start()
