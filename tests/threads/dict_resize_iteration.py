# Iterating a dict another thread resizes: RuntimeError or a consistent view, never a crash.
import threading
d = {i: i for i in range(100)}
stop = False
def grower():
    i = 100
    while not stop:
        d[i] = i
        del d[i - 100]
        i += 1
t = threading.Thread(target=grower)
t.start()
errors = 0
for _ in range(300):
    try:
        for k, v in d.items():
            assert k == v
    except RuntimeError as e:
        assert "changed size during iteration" in str(e), e
        errors += 1
stop = True
t.join()
print("ok")
