import threading

def work(n):
    return n

threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
threads.append(threading.Thread(target=work, args=(9,), name="custom"))
threads.append(threading.Thread(target=lambda: None))

class Job:
    def __call__(self):
        pass

threads.append(threading.Thread(target=Job()))
threads.append(threading.Thread())
for t in threads:
    print(t.name, t.daemon)
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.active_count(), len(threading.enumerate()))
d = threading.Thread(target=work, args=(1,), daemon=True)
print(d.daemon)
t = threading.Thread(target=work, args=(1,))
t.name = "renamed"
print(t.name)
print(isinstance(threading.current_thread(), threading.Thread))
