# What crosses a process boundary: plain data, module-level functions, classes and
# instances by qualified name; anything else fails as pickling does.
import multiprocessing as mp
import threading


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


class Boom(Exception):
    pass


def double(x):
    return 2 * x


def echo(conn):
    while True:
        obj = conn.recv()
        if obj == 'stop':
            break
        conn.send(obj)
    conn.close()


def describe(v):
    if isinstance(v, Point):
        return 'Point(%r, %r) norm2=%r' % (v.x, v.y, v.norm2())
    if isinstance(v, Exception):
        return 'exception %s%r' % (type(v).__name__, v.args)
    if callable(v):
        return 'callable %s' % v.__qualname__
    if isinstance(v, (set, frozenset)):
        return '%s %r' % (type(v).__name__, sorted(v))
    return '%s %r' % (type(v).__name__, v)


def outer():
    def local():
        pass
    return local


def masked(e):
    text = str(e)
    at = text.find(' at 0x')
    if at >= 0:
        end = text.find('>', at)
        text = text[:at] + ' at ADDR' + text[end:]
    return '%s: %s' % (type(e).__name__, text)


if __name__ == '__main__':
    mp.set_start_method('spawn')
    here, there = mp.Pipe()
    p = mp.Process(target=echo, args=(there,))
    p.start()
    values = [None, True, False, 0, -7, 2 ** 100, -(3 ** 70), 1.5, float('inf'), '',
              'héllo\n', b'\x00\xff', (), (1, (2, 3)), [1, [2, [3]]], {'a': 1, 2: [3]},
              {1, 2, 3}, frozenset({4}), double, Point, Point(3, 4), Boom('x', 1),
              ValueError('bad'), {'nested': [(1, 2.5, 'x', {'k': (None,)})]}, len]
    for v in values:
        here.send(v)
        back = here.recv()
        print(describe(back), back == v or isinstance(v, (Point, Exception)))
    here.send(double)
    f = here.recv()
    print(f(21))
    for bad in (lambda x: x, threading.Lock(), open(__file__), (x for x in ()),
                [1, threading.RLock()], outer()):
        try:
            here.send(bad)
        except Exception as e:
            print(masked(e))
    try:
        mp.Process(target=lambda: None).start()
    except Exception as e:
        print(masked(e))
    here.send('stop')
    p.join()
    print('exitcode', p.exitcode)
