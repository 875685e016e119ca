# note: 002_0d691bdb221e28cb.txt, section: 线程之间的数据交互和锁(互斥锁)
# _*_ coding:utf-8 _*_
import threading
def princ():
    # ���
    lock.acquire()
    # 在函数内�以直�修改全局��
    global number
    number += 1
    # 为了��让程�出�串行，�能加sleep
    # time.sleep(1)
    # 释放�
    lock.release()
# �
lock = threading.Lock()
# 主线程的number
number = 0
t_objs = []
for i in range(100):
    t = threading.Thread(target=princ)
    t.start()
    t_objs.append(t)
for t in t_objs:
    t.join()
print('Number:', number)
