# coding=utf-8 -- note: 004_c63cb88ec52ee013.txt, section: 线程定时器
# -*- coding: utf-8 -*-
import time
import threading


def on_timer():
    print time.time()
    set_timer()


def set_timer():
    _timer = threading.Timer(10, on_timer)
    _timer.start()


set_timer()
while 1:
    time.sleep(5)
    print 'sleep', time.time()
