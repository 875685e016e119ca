import threading
class MyLocal(threading.local):
    def __init__(self, start):
        self.count = start
data = MyLocal(10)
data.count += 1
seen = []
def worker():
    seen.append(data.count)
    data.count += 5
    seen.append(data.count)
t = threading.Thread(target=worker)
t.start(); t.join()
print(data.count, seen)
plain = threading.local()
plain.x = 1
def other():
    try:
        plain.x
    except AttributeError as e:
        print("AttributeError:", e)
t = threading.Thread(target=other); t.start(); t.join()
print(plain.x, hasattr(plain, "y"))
