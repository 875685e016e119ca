# note: 000_1afded46a2904bda.txt, section: threading.local类 (再看threading.local的例子)
import threading

X = 'abc'
ctx = threading.local() # 注意这个对象所处的线程
ctx.x = 123

print(ctx, type(ctx), ctx.x)

def worker():
    print(X)
    print(ctx)
    print(ctx.x)
    print('working')

worker() # 普通函数调用
print()
threading.Thread(target=worker).start() # 另起一个线程
