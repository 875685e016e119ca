import threading
import time

def forever():
    while True:
        time.sleep(0.01)

def finite():
    time.sleep(0.05)
    print("non-daemon worker finished")

threading.Thread(target=forever, daemon=True).start()
threading.Thread(target=finite).start()
print("main done")
