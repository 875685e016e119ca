import threading, time
a = threading.Lock()
b = threading.Lock()
def one():
    with a:
        time.sleep(0.05)
        with b:
            pass
def two():
    with b:
        time.sleep(0.05)
        with a:
            pass
for f in (one, two):
    threading.Thread(target=f, daemon=True).start()
for i in range(6):
    time.sleep(0.1)
print("main goes on")
