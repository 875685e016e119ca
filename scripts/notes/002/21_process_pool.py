# note: 002_0d691bdb221e28cb.txt, section: 进程池
#!/use/bin/env python
# _*_ coding: utf-8 _*_

from multiprocessing import Pool
import time

def myFun(i):
    time.sleep(2)
    return i+100

def end_call(arg):
    print("end_call>>", arg)

p = Pool(5)  # �许进程池内�时放入5个进程
for i in range(10):
    p.apply_async(func=myFun, args=(i,),callback=end_call) # # 平行执行,callback是主进程�调用
    # p.apply(func=Foo)  # 串行执行

print("end")
p.close()
p.join() # 进程池�进程执行完毕��关�，如�注释，那么程�直�关�。
