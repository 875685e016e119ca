"""pyt's multiprocessing.synchronize: Lock, RLock, Semaphore, BoundedSemaphore, Condition,
Event and Barrier shared between processes, over `_pyt_mp.semaphore` (a process-shared POSIX
semaphore in memory a child inherits). Lock ownership is tracked per process object, as
CPython's SemLock does; Condition is CPython's three-semaphore algorithm."""

import os as _os
import sys as _sys
import threading as _threading
import time as _time
import _pyt_mp
import multiprocessing as _mp
from multiprocessing import _check_inheritance, _rebuild

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier']

class SemLock(object):
    """A process-shared semaphore (the base of Lock, RLock, Semaphore)."""

    def __init__(self, value, maxvalue):
        self._sem = _pyt_mp.semaphore(value)
        self._maxvalue = maxvalue
        self._owner = None

    def acquire(self, block=True, timeout=None):
        if self._sem.acquire(block, timeout):
            self._owner = (_os.getpid(), _threading.get_ident())
            return True
        return False

    def release(self):
        self._owner = None
        self._sem.release(self._maxvalue)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()

    def _is_mine(self):
        return self._owner == (_os.getpid(), _threading.get_ident())

    def _mine_count(self):
        return 1 if self._is_mine() else 0

    def __reduce__(self):
        _check_inheritance(self)
        state = dict(self.__dict__)
        state['_owner'] = None
        return (_rebuild, (type(self), state))


class Semaphore(SemLock):
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        SemLock.__init__(self, value, None)

    def get_value(self):
        return self._sem.getvalue()

    def __repr__(self):
        return '<%s(value=%s)>' % (type(self).__name__, self._sem.getvalue())


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        SemLock.__init__(self, value, value)

    def __repr__(self):
        return '<%s(value=%s, maxvalue=%s)>' % (type(self).__name__,
                                                 self._sem.getvalue(), self._maxvalue)


class Lock(SemLock):
    def __init__(self):
        SemLock.__init__(self, 1, 1)

    def __repr__(self):
        if self._is_mine():
            name = _mp.current_process().name
            if _threading.current_thread().name != 'MainThread':
                name += '|' + _threading.current_thread().name
        elif self._sem.getvalue() == 1:
            name = 'None'
        else:
            name = 'SomeOtherProcess'
        return '<%s(owner=%s)>' % (type(self).__name__, name)


class RLock(SemLock):
    def __init__(self):
        SemLock.__init__(self, 1, 1)
        self._count = 0

    def acquire(self, block=True, timeout=None):
        me = (_os.getpid(), _threading.get_ident())
        if self._owner == me:
            self._count += 1
            return True
        if not self._sem.acquire(block, timeout):
            return False
        self._owner = me
        self._count = 1
        return True

    def release(self):
        if self._owner != (_os.getpid(), _threading.get_ident()):
            raise AssertionError('attempt to release recursive lock not owned by thread')
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._sem.release(1)

    def _mine_count(self):
        return self._count if self._is_mine() else 0

    def __reduce__(self):
        _check_inheritance(self)
        state = dict(self.__dict__)
        state['_owner'] = None
        state['_count'] = 0
        return (_rebuild, (type(self), state))

    def __repr__(self):
        if self._is_mine():
            name = _mp.current_process().name
            if _threading.current_thread().name != 'MainThread':
                name += '|' + _threading.current_thread().name
            count = self._count
        elif self._sem.getvalue() == 1:
            name, count = 'None', 0
        else:
            name, count = 'SomeOtherProcess', 'unknown'
        return '<%s(%s, %s)>' % (type(self).__name__, name, count)


class Condition(object):
    """CPython's process-shared condition: three semaphores count sleepers and wake-ups."""

    def __init__(self, lock=None):
        self._lock = lock or RLock()
        self._sleeping_count = Semaphore(0)
        self._woken_count = Semaphore(0)
        self._wait_semaphore = Semaphore(0)

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        return self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def wait(self, timeout=None):
        count = self._lock._mine_count()
        assert count, 'must acquire() condition before using wait()'
        self._sleeping_count.release()
        for _ in range(count):
            self._lock.release()
        try:
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            self._woken_count.release()
            for _ in range(count):
                self._lock.acquire()

    def notify(self, n=1):
        assert self._lock._mine_count(), 'lock is not owned'
        assert not self._wait_semaphore.acquire(False)
        # Sleepers that timed out since the last notify are no longer waiting.
        while self._woken_count.acquire(False):
            self._sleeping_count.acquire(False)
        sleepers = 0
        while sleepers < n and self._sleeping_count.acquire(False):
            self._wait_semaphore.release()
            sleepers += 1
        if sleepers:
            for _ in range(sleepers):
                self._woken_count.acquire()
            while self._wait_semaphore.acquire(False):
                pass

    def notify_all(self):
        self.notify(n=_sys.maxsize)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        endtime = None if timeout is None else _time.monotonic() + timeout
        waittime = timeout
        while not result:
            if endtime is not None:
                waittime = endtime - _time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result

    def __reduce__(self):
        _check_inheritance(self)
        return (_rebuild, (type(self), dict(self.__dict__)))


class Event(object):
    """A process-shared flag (a semaphore holding 0 or 1, guarded by a Condition)."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = Semaphore(0)

    def is_set(self):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def set(self):
        with self._cond:
            self._flag.acquire(False)
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
            else:
                self._cond.wait(timeout)
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def __reduce__(self):
        _check_inheritance(self)
        return (_rebuild, (type(self), dict(self.__dict__)))


class Barrier(object):
    """A process-shared barrier (CPython's threading algorithm over shared state)."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition()
        from multiprocessing.sharedctypes import Array
        self._state = Array('i', 2)     # [state, count]: 0 filling, 1 draining, -2 broken
        self._parties = parties
        self._action = action
        self._timeout = timeout

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            if self._state[0] == -2:
                raise _threading.BrokenBarrierError
            index = self._state[1]
            self._state[1] = index + 1
            if index + 1 == self._parties:
                if self._action:
                    self._action()
                self._state[0] = 1
                self._cond.notify_all()
            elif not self._cond.wait_for(lambda: self._state[0] != 0, timeout):
                self._state[0] = -2
                self._cond.notify_all()
                raise _threading.BrokenBarrierError
            if self._state[0] == -2:
                raise _threading.BrokenBarrierError
            self._state[1] -= 1
            if self._state[1] == 0:
                self._state[0] = 0
            return index

    @property
    def parties(self):
        return self._parties

    def __reduce__(self):
        _check_inheritance(self)
        return (_rebuild, (type(self), dict(self.__dict__)))
