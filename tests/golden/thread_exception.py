# golden: pyt
# pyt prints only the user's frames of a thread's traceback (CPython adds its threading.py frames).
import threading

def boom():
    raise ValueError("bad thing")

t = threading.Thread(target=boom, name="worker-1")
t.start()
t.join()
print("main continues", t.is_alive())

seen = []
def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))

threading.excepthook = hook
t = threading.Thread(target=boom, name="worker-2")
t.start()
t.join()
print(seen)
