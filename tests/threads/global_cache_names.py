# The global-lookup cache keeps an entry valid while only *other* names are stored
# (vm::global_cache, DictObj::name_writes). Stores to many globals from several threads must
# never hide a rebinding of the name being read, whichever counter bucket the names share,
# and adding or deleting globals must be seen at once.
import threading

N_NAMES = 200
for i in range(N_NAMES):
    globals()["g%d" % i] = 0
target = 0
stop = False


def hammer(k):
    # Stores to existing globals: value replacements (per-name counters), and, from one
    # thread, through globals() (counted as a change of the whole table).
    global g0, g1, g2, g3, g4, g5, g6, g7, g8, g9
    g = globals()
    n = 0
    while not stop:
        g0 = g1 = g2 = g3 = g4 = n
        g5 = g6 = g7 = g8 = g9 = n
        if k == 0 and n % 16 == 0:
            g["g%d" % (10 + n % 190)] = n
        n += 1


def set_target_loop():
    global target
    for i in range(1, 20001):
        target = i


def read_target():
    return target


errors = []


def reader():
    last = 0
    while True:
        v = read_target()
        if v < last:
            errors.append((v, last))
            return
        last = v
        if v == 20000:
            return


hs = [threading.Thread(target=hammer, args=(k,)) for k in range(3)]
rs = [threading.Thread(target=reader) for _ in range(2)]
for t in hs + rs:
    t.start()
set_target_loop()
for t in rs:
    t.join()
stop = True
for t in hs:
    t.join()
assert not errors, errors
assert read_target() == 20000


# Each name's own store is seen by the function that reads it, with every other name
# stored in between (every bucket gets bumped, some share the read name's bucket).
def r0(): return g0
def r1(): return g1
def r2(): return g2
def r3(): return g3
def r4(): return g4
def r5(): return g5
def r6(): return g6
def r7(): return g7


readers = [r0, r1, r2, r3, r4, r5, r6, r7]
for rnd in range(3):
    for i in range(N_NAMES):
        globals()["g%d" % i] = (rnd, i)
    for i, r in enumerate(readers):
        assert r() == (rnd, i), (r(), rnd, i)


def store_each(rnd):
    global g0, g1, g2, g3
    g0 = (rnd, 0)
    g1 = (rnd, 1)
    g2 = (rnd, 2)
    g3 = (rnd, 3)


for rnd in range(5):
    store_each(rnd)
    for i in range(4):
        assert readers[i]() == (rnd, i)


# A global added while another thread keeps storing others shadows a builtin at once, and
# deleting it brings the builtin back.
def uses_len():
    return len("ab")


stop = False
hs = [threading.Thread(target=hammer, args=(k,)) for k in range(2)]
for t in hs:
    t.start()
for _ in range(200):
    assert uses_len() == 2
    len = lambda s: 42
    assert uses_len() == 42
    del len
    assert uses_len() == 2
stop = True
for t in hs:
    t.join()
print("ok")
