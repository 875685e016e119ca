# multiprocessing.Process: names, lifecycle, exit codes, daemon flag, children of children
import multiprocessing as mp
import os
import sys
import time


def show(tag):
    me = mp.current_process()
    print(tag, me.name, me.daemon, mp.parent_process().name,
          os.getppid() == mp.parent_process().pid, me.pid == os.getpid())


def grandchild():
    show('grandchild')


def child():
    show('child')
    g = mp.Process(target=grandchild)
    g.start()
    g.join()
    print('grandchild exitcode', g.exitcode)


def exit_with(code):
    sys.exit(code)


class Worker(mp.Process):
    def __init__(self, word):
        super().__init__()
        self.word = word

    def run(self):
        print('Worker.run', self.word, self.name)


if __name__ == '__main__':
    mp.set_start_method('spawn')
    print(mp.get_start_method(), isinstance(mp.cpu_count(), int))
    print(mp.current_process().name, mp.parent_process())
    print(repr(mp.current_process()))
    p = mp.Process(target=child)
    print(p.name, p.daemon, p.pid, p.exitcode, p.is_alive())
    print(repr(p).replace(str(os.getpid()), 'PID'))
    p.start()
    p.join()
    print('child exitcode', p.exitcode, p.is_alive())
    print(repr(p).replace(str(p.pid), 'CHILD').replace(str(os.getpid()), 'PID'))
    for code in (0, 3, None, 'bye'):
        q = mp.Process(target=exit_with, args=(code,))
        q.start()
        q.join()
        print('sys.exit(%r) ->' % (code,), q.exitcode)
    w = Worker('hi')
    w.start()
    w.join()
    print(w.name, w.exitcode)
    s = mp.Process(target=time.sleep, args=(30,), name='sleeper', daemon=True)
    s.start()
    print(s.name, s.daemon, s.is_alive(), len(mp.active_children()))
    s.join(0.1)
    print('after join(0.1)', s.is_alive(), s.exitcode)
    s.terminate()
    s.join()
    print('terminated', s.exitcode, s.is_alive())
    print(repr(s).replace(str(s.pid), 'CHILD').replace(str(os.getpid()), 'PID'))
    k = mp.Process(target=time.sleep, args=(30,))
    k.start()
    k.kill()
    k.join()
    print('killed', k.exitcode)
    k.close()
    try:
        k.is_alive()
    except ValueError as e:
        print('ValueError', e)
    try:
        p.start()
    except AssertionError as e:
        print('AssertionError', e)
    try:
        mp.Process().join()
    except AssertionError as e:
        print('AssertionError', e)
    r = mp.Process(target=time.sleep, args=(30,))
    r.start()
    try:
        r.close()
    except ValueError as e:
        print('ValueError', e)
    r.terminate()
    r.join()
    print(mp.active_children())
    d = mp.Process(target=time.sleep, args=(30,), daemon=True)
    d.start()
    try:
        d.daemon = False
    except AssertionError as e:
        print('AssertionError', e)
    print('main exits; the daemon child is terminated')
