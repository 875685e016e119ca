# note: 004_c63cb88ec52ee013.txt, section: 高阶使用
# -*- coding: utf-8 -*-

import threading
from time import ctime, sleep


def loop(nloop, nsec):
    print("loop", nloop, " start at: ", ctime())
    sleep(nsec)
    print("loop", nloop, "end    at: ", ctime())


if __name__ == '__main__':

    print("all start at: ", ctime())
    loops = [4, 2]
    threads = []
    nloops = range(len(loops))

    # 创建两个线程
    for i in nloops:
        t = threading.Thread(target=loop, args=(i, loops[i]))
        t.setDaemon(True)
        threads.append(t)

    # 让两个线程同时开始
    for i in nloops:
        threads[i].start()

    print("all end   at: ", ctime())
