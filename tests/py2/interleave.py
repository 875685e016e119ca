# Four threads print three-item lines at once: every item arrives whole, each thread's
# lines all arrive, and the softspace flag is shared, so lines can merge or start with a
# space written for another thread's item (as note 004's outputs show).
import threading

N = 300


def worker(tag):
    for i in xrange(N):
        print tag, "mid", "end"


threads = [threading.Thread(target=worker, args=(t,)) for t in ("wa", "wb", "wc", "wd")]
for t in threads:
    t.start()
for t in threads:
    t.join()
