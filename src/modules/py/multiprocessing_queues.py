"""pyt's multiprocessing.queues: Queue (a pipe, a process-shared lock per end and a
semaphore counting free slots; `put` serializes at once and a feeder thread writes the
bytes), JoinableQueue and SimpleQueue."""

import threading as _threading
import time as _time
import collections as _collections
import queue as _queue
import _pyt_mp
from multiprocessing import _check_inheritance, _rebuild, _SEM_VALUE_MAX
from multiprocessing.synchronize import Lock, Semaphore, BoundedSemaphore, Condition

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']

class Queue(object):
    """A process queue: a pipe, a lock per end and a semaphore counting free slots. `put`
    serializes at once and hands the bytes to a feeder thread that writes them."""

    def __init__(self, maxsize=0):
        if maxsize <= 0:
            maxsize = _SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = _pyt_mp.pipe()
        self._rlock = Lock()
        self._wlock = Lock()
        self._sem = BoundedSemaphore(maxsize)
        self._after_rebuild()

    def _after_rebuild(self):
        self._notempty = _threading.Condition(_threading.Lock())
        self._buffer = _collections.deque()
        self._thread = None
        self._closed = False
        self._joincancelled = False

    def __reduce__(self):
        _check_inheritance(self)
        state = {k: v for k, v in self.__dict__.items()
                 if k in ('_maxsize', '_reader', '_writer', '_rlock', '_wlock', '_sem')}
        return (_rebuild, (type(self), state))

    def _check_closed(self):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")

    def put(self, obj, block=True, timeout=None):
        self._check_closed()
        data = _pyt_mp.dumps(obj)
        if not self._sem.acquire(block, timeout):
            raise _queue.Full
        with self._notempty:
            self._buffer.append(data)
            if self._thread is None:
                self._start_thread()
            self._notempty.notify()

    def _start_thread(self):
        # Not a daemon: the exit waits for it, so what was put reaches the pipe.
        t = _threading.Thread(target=self._feed, name='QueueFeederThread')
        self._thread = t
        t.start()

    def _feed(self):
        while True:
            with self._notempty:
                if not self._buffer:
                    self._notempty.wait(0.05)
                    if not self._buffer or self._joincancelled:
                        self._thread = None
                        return
                items = list(self._buffer)
                self._buffer.clear()
            with self._wlock:
                _pyt_mp.send_bytes(self._writer, items)

    def get(self, block=True, timeout=None):
        self._check_closed()
        if block and timeout is None:
            with self._rlock:
                res = _pyt_mp.recv_bytes(self._reader)
            self._sem.release()
        else:
            if block:
                deadline = _time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise _queue.Empty
            try:
                if block:
                    timeout = deadline - _time.monotonic()
                    if not _pyt_mp.poll(self._reader, max(timeout, 0)):
                        raise _queue.Empty
                elif not _pyt_mp.poll(self._reader):
                    raise _queue.Empty
                res = _pyt_mp.recv_bytes(self._reader)
                self._sem.release()
            finally:
                self._rlock.release()
        return _pyt_mp.loads(res)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return self._maxsize - self._sem.get_value()

    def empty(self):
        return not _pyt_mp.poll(self._reader)

    def full(self):
        return self._sem.get_value() == 0

    def close(self):
        self._closed = True

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)
        t = self._thread
        if t is not None:
            t.join()

    def cancel_join_thread(self):
        self._joincancelled = True


class JoinableQueue(Queue):
    """A Queue with task_done() and join()."""

    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._unfinished_tasks = Semaphore(0)
        self._cond = Condition()

    def __reduce__(self):
        _check_inheritance(self)
        state = {k: v for k, v in self.__dict__.items()
                 if k in ('_maxsize', '_reader', '_writer', '_rlock', '_wlock', '_sem',
                          '_unfinished_tasks', '_cond')}
        return (_rebuild, (type(self), state))

    def put(self, obj, block=True, timeout=None):
        self._check_closed()
        data = _pyt_mp.dumps(obj)
        if not self._sem.acquire(block, timeout):
            raise _queue.Full
        with self._notempty, self._cond:
            self._buffer.append(data)
            self._unfinished_tasks.release()
            if self._thread is None:
                self._start_thread()
            self._notempty.notify()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks.get_value() == 0:
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if self._unfinished_tasks.get_value() != 0:
                self._cond.wait()


class SimpleQueue(object):
    """A pipe with a lock per end: put writes at once."""

    def __init__(self):
        self._reader, self._writer = _pyt_mp.pipe()
        self._rlock = Lock()
        self._wlock = Lock()

    def __reduce__(self):
        _check_inheritance(self)
        return (_rebuild, (type(self), dict(self.__dict__)))

    def empty(self):
        return not _pyt_mp.poll(self._reader)

    def get(self):
        with self._rlock:
            res = _pyt_mp.recv_bytes(self._reader)
        return _pyt_mp.loads(res)

    def put(self, obj):
        data = _pyt_mp.dumps(obj)
        with self._wlock:
            _pyt_mp.send_bytes(self._writer, data)

    def close(self):
        self._reader.close()
        self._writer.close()
