# note: 002_0d691bdb221e28cb.txt, section: join() (让主线程阻塞，子线程并行执行)
import threading
import time

def princ(tring):
    print('task', tring)
    time.sleep(2)
# 执行�线程的时间
start_time = time.time()
# �放线程的�例
t_objs = []
for i in range(50):
    t = threading.Thread(target=princ, args=('t-%s' % (i),))
    t.start()
	# 为了�让��的�线程阻�，把当�的�线程放入到一个列表�
    t_objs.append(t)
# 循�所有�线程�例，�待所有�线程执行完毕
for t in t_objs:
    t.join()
# 当�时间��开始时间就��执行的过程�需�的时间
print(time.time() - start_time)
