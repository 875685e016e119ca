# coding=utf-8 -- note: 004_c63cb88ec52ee013.txt, section: 本地变量 (不能在主线程和子线程之间传递)
# -*- coding: utf-8 -*-

import threading
local = threading.local()


def show_local():
    print "I'm child"
    print "local is %r" % local
    print "local value %s" % hasattr(local, "name")


if __name__ == '__main__':
    print "I'm child"
    print "local is %r" % local
    print "local value %s" % hasattr(local, "name")
    local.name = "father"
    print "local value %s" % local.name

    threading.Thread(target=show_local).start()

    print "local value %s" % local.name
