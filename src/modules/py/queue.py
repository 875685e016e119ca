"""pyt's queue module: Queue, LifoQueue, PriorityQueue and SimpleQueue, written in Python over
threading's Condition (parking_lot locks underneath: waits block, honour timeouts and let
Ctrl-C reach the main thread)."""

import threading as _threading
from collections import deque as _deque
from heapq import heappush as _heappush, heappop as _heappop
from time import monotonic as _time
from _pyt_queue import QueueCore as _QueueCore

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    pass


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


class Queue:
    '''Create a queue object with a given maximum size.

    If maxsize is <= 0, the queue size is infinite.
    '''

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = _threading.Lock()
        self.not_empty = _threading.Condition(self.mutex)
        self.not_full = _threading.Condition(self.mutex)
        self.all_tasks_done = _threading.Condition(self.mutex)
        self._unfinished = 0
        self._core = None
        # An exact Queue over its own deque runs on the native engine: its methods become
        # the engine's (one native call per put/get, no Python frames). Subclasses, which may
        # override _put/_get/_qsize or the public methods, keep the Python code below.
        if type(self) is Queue and type(maxsize) is int and type(self.queue) is _deque:
            try:
                core = _QueueCore(self.queue, maxsize, Empty, Full)
            except TypeError:
                core = None
            if core is not None:
                self._core = core
                self.put = core.put
                self.get = core.get
                self.put_nowait = core.put_nowait
                self.get_nowait = core.get_nowait
                self.qsize = core.qsize
                self.empty = core.empty
                self.full = core.full
                self.task_done = core.task_done
                self.join = core.join

    @property
    def unfinished_tasks(self):
        core = self._core
        if core is not None:
            return core.unfinished_tasks()
        return self._unfinished

    @unfinished_tasks.setter
    def unfinished_tasks(self, value):
        self._unfinished = value

    def task_done(self):
        if self._core is not None:
            return self._core.task_done()
        with self.all_tasks_done:
            unfinished = self._unfinished - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self._unfinished = unfinished

    def join(self):
        if self._core is not None:
            return self._core.join()
        with self.all_tasks_done:
            while self._unfinished:
                self.all_tasks_done.wait()

    def qsize(self):
        if self._core is not None:
            return self._core.qsize()
        with self.mutex:
            return self._qsize()

    def empty(self):
        if self._core is not None:
            return self._core.empty()
        with self.mutex:
            return not self._qsize()

    def full(self):
        if self._core is not None:
            return self._core.full()
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        if self._core is not None:
            # Called through the class (Queue.put(q, x)) on a queue run by the engine.
            return self._core.put(item, block, timeout)
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    endtime = _time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = endtime - _time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self._unfinished += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        if self._core is not None:
            return self._core.get(block, timeout)
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                endtime = _time() + timeout
                while not self._qsize():
                    remaining = endtime - _time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    def _init(self, maxsize):
        self.queue = _deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()


class PriorityQueue(Queue):
    '''Variant of Queue that retrieves open entries in priority order (lowest first).'''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        _heappush(self.queue, item)

    def _get(self):
        return _heappop(self.queue)


class LifoQueue(Queue):
    '''Variant of Queue that retrieves most recently added entries first.'''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    '''Simple, unbounded, reentrant FIFO queue.'''

    def __init__(self):
        self._queue = _deque()
        self._count = _threading.Semaphore(0)

    def put(self, item, block=True, timeout=None):
        self._queue.append(item)
        self._count.release()

    def get(self, block=True, timeout=None):
        if timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        if not self._count.acquire(block, timeout):
            raise Empty
        return self._queue.popleft()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return len(self._queue) == 0

    def qsize(self):
        return len(self._queue)
