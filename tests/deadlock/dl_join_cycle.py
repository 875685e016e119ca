import threading
main = threading.main_thread()
def worker():
    main.join()
t = threading.Thread(target=worker, name="joiner")
t.start()
t.join()
