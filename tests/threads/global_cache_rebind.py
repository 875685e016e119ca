# Global-name lookups are cached per thread (vm::global_cache): a rebinding made by another
# thread must be seen, reads must never go back in time, and shadowing a builtin with a
# global (and deleting it again) must take effect at once.
import threading

x = 0
N = 200000


def reader(n, errors):
    last = -1
    for _ in range(n):
        v = x
        if v < last:
            errors.append((v, last))
            return
        last = v


def writer(n):
    global x
    for i in range(1, n + 1):
        x = i


errors = []
ts = [threading.Thread(target=reader, args=(N, errors)) for _ in range(3)]
ts.append(threading.Thread(target=writer, args=(N,)))
for t in ts:
    t.start()
for t in ts:
    t.join()
assert not errors, errors


def current():
    return x


assert current() == N, current()


def uses_len():
    return len([1, 2])


for _ in range(3):
    assert uses_len() == 2
len = lambda s: 42
assert uses_len() == 42
del len
assert uses_len() == 2

import builtins

builtins.pyt_probe = 1


def probe():
    return pyt_probe


assert probe() == 1
builtins.pyt_probe = 2
assert probe() == 2
print("ok")
