# note: 002_0d691bdb221e28cb.txt, section: join()
import threading
import time
def princ(tring):
    print('task', tring)
    time.sleep(1)
for i in range(50):
    t = threading.Thread(target=princ, args=('t-%s' % (i),))
    t.start()
	# 当�线程执行完毕之�在执行��的线程
    t.join()
