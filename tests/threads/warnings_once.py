# Many threads warning from the same line at once: the "default" action shows it once (the
# registry's version reset and its check-and-set are one step under warnings' lock).
import threading
import warnings

shown = []
warnings.showwarning = lambda *a, **k: shown.append(a[0])


def w(start):
    start.wait()
    warnings.warn("from a thread", UserWarning)


for rnd in range(50):
    start = threading.Event()
    ts = [threading.Thread(target=w, args=(start,)) for _ in range(8)]
    for t in ts:
        t.start()
    start.set()
    for t in ts:
        t.join()
assert len(shown) == 1, len(shown)
print("ok")
