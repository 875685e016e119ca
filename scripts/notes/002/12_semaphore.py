# note: 002_0d691bdb221e28cb.txt, section: 信号量(Semaphore)
import threading
import time
def run(n):
    semaphore.acquire()  # ��信�，信��以有多把�
    time.sleep(1)  # �待一秒钟
    print("run the thread: %s\n" % n)
    semaphore.release()  # 释放信�
t_objs = []
if __name__ == '__main__':
    semaphore = threading.BoundedSemaphore(5)  # 声�一个信��，最多�许5个线程�时�行
    for i in range(20):  # �行20个线程
        t = threading.Thread(target=run, args=(i,))  # 创建线程
        t.start()  # �动线程
        t_objs.append(t)
for t in t_objs:
    t.join()
print('>>>>>>>>>>>>>')
