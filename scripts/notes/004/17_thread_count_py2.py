# coding=utf-8 -- note: 004_c63cb88ec52ee013.txt, section: 线程数量
# -*- coding: utf-8 -*-

import os
import time
import random
import threading

def long_time_task(name):
    print 'Running task %s (%s)' % (name, os.getpid())
    start = time.time()
    time.sleep(random.random() * 5)
    end = time.time()
    print 'Task %s run %0.2f econds.' % (name, end - start)


if __name__ == '__main__':
    for i in xrange(10):
        threading.Thread(target=long_time_task, args=(str(i))).start()

    for i in xrange(10):
        print threading.enumerate(), len(threading.enumerate())
        time.sleep(1)
