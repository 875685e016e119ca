# One generator driven from two threads: values are never duplicated or lost; a collision is
# "ValueError: generator already executing", never corruption.
import threading
def gen():
    for i in range(20000):
        yield i
g = gen()
got = []
def drain():
    while True:
        try:
            got.append(next(g))
        except StopIteration:
            return
        except ValueError as e:
            assert "already executing" in str(e)
ts = [threading.Thread(target=drain) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
assert sorted(got) == list(range(20000)), len(got)
print("ok")
