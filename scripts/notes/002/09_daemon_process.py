# note: 002_0d691bdb221e28cb.txt, section: 守护进程/线程(daemon) (Process)
#!/use/bin/env python
# _*_ coding:utf-8 _*_

from multiprocessing import Process
import time

def runprocess(arg):
    print(arg)
    time.sleep(2)


p = Process(target=runprocess, args=(11,))
p.daemon=True
p.start()

print("end")
