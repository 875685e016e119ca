# note: 003_aca2d6f7e4a56133.txt, section: 1.加锁机制 (翻译成代码就是这样了:(简化))
from contextlib import contextmanager # 引入上下文管理器

@contextmanager
def lock_manager(*args):
    # 先排个序(按照id排序)
    args = sorted(args, key=lambda x: id(x))
    try:
        for lock in args:
            lock.acquire()
        yield
    finally:
        # 先释放最后加的锁(倒序释放)
        for lock in reversed(args):
            lock.release()
