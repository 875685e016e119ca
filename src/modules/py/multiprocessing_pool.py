"""pyt's multiprocessing.pool: Pool (worker processes fed through process queues, results
and callbacks handled by a thread of the parent) and ThreadPool, with the AsyncResult kinds,
after CPython's API. ThreadPool's worker threads take (result, index, function, chunk) tasks from one queue and hand each
outcome straight to its result object; three helper threads named as CPython's keep
`threading.enumerate()` looking the same and end when the pool does."""

import os
import queue
import threading
import itertools
import multiprocessing as _mp
import _pyt_mp

__all__ = ['Pool', 'ThreadPool']

INIT = "INIT"
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

TimeoutError = _mp.TimeoutError


def mapstar(args):
    return list(map(*args))


# ThreadPool's map chunks: list(map(func, chunk)) in native code (no per-item iterator).
_thread_mapstar = _pyt_mp.map_chunk


def starmapstar(args):
    return [args[0](*a) for a in args[1]]


def worker(inqueue, initializer=None, initargs=()):
    if initializer is not None:
        initializer(*initargs)
    get = inqueue.get
    while True:
        task = get()
        if task is None:
            break
        result, i, func, args, kwds = task
        try:
            value = (True, func(*args, **kwds))
        except Exception as e:
            value = (False, e)
        task = func = args = kwds = None
        result._set(i, value)
        result = value = None


class ApplyResult(object):
    """The pending outcome of one task (what `apply_async` returns)."""

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._callback = callback
        self._error_callback = error_callback
        self._success = None
        self._value = None

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        self._pool = None

    __class_getitem__ = classmethod(lambda cls, item: cls)


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    """The outcome of a whole `map_async`: filled chunk by chunk, failed by the first error."""

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._success = True
        self._value = []
        self._chunksize = chunksize
        self._lock = threading.Lock()
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
        else:
            self._number_left = length // chunksize + bool(length % chunksize)
        # Each chunk's result list, joined into the value when the last one is in.
        self._chunks = [None] * self._number_left

    def _set(self, i, success_result):
        success, result = success_result
        with self._lock:
            if self._event.is_set():
                return
            if success and self._success:
                self._chunks[i] = result
                self._number_left -= 1
                if self._number_left != 0:
                    return
                self._value = _pyt_mp.join_lists(self._chunks)
                self._chunks = None
            elif not success and self._success:
                # Only the first failure is kept, as CPython does.
                self._success = False
                self._value = result
            else:
                # A chunk finishing after the first failure changes nothing.
                return
        if self._success:
            if self._callback:
                self._callback(self._value)
        else:
            if self._error_callback:
                self._error_callback(self._value)
        self._event.set()
        self._pool = None


class IMapIterator(object):
    """Results of `imap` in input order, each as soon as it and those before it are done."""

    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._items = []
        self._pos = 0

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            while True:
                if self._pos < len(self._items):
                    item = self._items[self._pos]
                    self._items[self._pos] = None
                    self._pos += 1
                    break
                if self._pos == self._length:
                    self._pool = None
                    raise StopIteration
                if not self._cond.wait(timeout):
                    if self._pos < len(self._items):
                        continue
                    if self._pos == self._length:
                        self._pool = None
                        raise StopIteration
                    raise TimeoutError
        success, value = item
        if success:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    obj = self._unsorted.pop(self._index)
                    self._items.append(obj)
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj
            if self._index == self._length:
                self._pool = None

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                self._pool = None


class IMapUnorderedIterator(IMapIterator):
    """Results of `imap_unordered`, in the order they finish."""

    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            if self._index == self._length:
                self._pool = None


class _ChunkResult(object):
    """Splits one chunk's outcome back into per-item outcomes for an imap iterator."""

    def __init__(self, target, first):
        self._target = target
        self._first = first

    def _set(self, i, obj):
        success, value = obj
        if success:
            j = self._first
            for v in value:
                self._target._set(j, (True, v))
                j += 1
        else:
            self._target._set(self._first, obj)


class MaybeEncodingError(Exception):
    """A worker's result could not be sent back."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super(MaybeEncodingError, self).__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


def _process_worker(inqueue, outqueue, initializer=None, initargs=()):
    """A pool worker process: runs (job, i, func, args, kwds) tasks until None."""
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            task = inqueue.get()
        except (EOFError, OSError):
            break
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, e)
        try:
            outqueue.put((job, i, result))
        except Exception as e:
            outqueue.put((job, i, (False, MaybeEncodingError(e, result[1]))))


class Pool(object):
    """A pool of worker processes (spawned pyt children), fed through process queues;
    results and callbacks are handled by a thread of the parent."""

    _wrap_exception = True

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        self._state = INIT
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._cache = {}
        self._jobs = itertools.count()
        self._inqueue = _mp.Queue()
        self._outqueue = _mp.Queue()
        self._pool = []
        for _ in range(processes):
            w = _mp.Process(target=_process_worker,
                            args=(self._inqueue, self._outqueue, initializer, initargs))
            w.name = w.name.replace('Process', 'SpawnPoolWorker')
            w.daemon = True
            w.start()
            self._pool.append(w)
        # The result thread stops when this pipe becomes readable, not through the outqueue:
        # a worker killed by terminate() may leave the outqueue's write lock taken.
        self._stop_r, self._stop_w = _pyt_mp.pipe()
        self._result_handler = threading.Thread(target=self._handle_results)
        self._result_handler.daemon = True
        self._result_handler.start()
        self._state = RUN

    def __repr__(self):
        cls = self.__class__
        return (f'<{cls.__module__}.{cls.__qualname__} '
                f'state={self._state} '
                f'pool_size={len(self._pool)}>')

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _handle_results(self):
        outqueue = self._outqueue
        fds = [outqueue._reader, self._stop_r]
        while True:
            ready = _pyt_mp.wait_any(fds)
            if 0 not in ready or self._state == TERMINATE:
                # Stopped: after join() every result is already in the pipe (workers that
                # exited flushed theirs), so the stop is seen only once they are all read.
                return
            try:
                job, i, obj = outqueue.get()
            except (EOFError, OSError):
                return
            result = self._cache.get(job)
            if result is None:
                continue
            result._set(i, obj)
            ready = getattr(result, 'ready', None)
            if ready is not None and ready():
                self._cache.pop(job, None)

    def _submit(self, result, tasks):
        job = next(self._jobs)
        self._cache[job] = result
        put = self._inqueue.put
        n = 0
        try:
            for func, args in tasks:
                put((job, n, func, args, {}))
                n += 1
        except BaseException:
            self._cache.pop(job, None)
            raise
        return n

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None,
                    error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        job = next(self._jobs)
        self._cache[job] = result
        try:
            self._inqueue.put((job, 0, func, args, kwds))
        except BaseException:
            self._cache.pop(job, None)
            raise
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None,
                  error_callback=None):
        return self._map_async(func, iterable, mapstar, chunksize, callback,
                               error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize,
                               callback, error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        items = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(items), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(items) == 0:
            chunksize = 0
        result = MapResult(self, chunksize, len(items), callback,
                           error_callback=error_callback)
        if chunksize > 0:
            self._submit(result, [(mapper, ((func, items[first:first + chunksize]),))
                                  for first in range(0, len(items), chunksize)])
        return result

    def imap(self, func, iterable, chunksize=1):
        return self._imap(IMapIterator, func, iterable)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(IMapUnorderedIterator, func, iterable)

    def _imap(self, kind, func, iterable):
        self._check_running()
        result = kind(self)
        n = self._submit(result, [(func, (x,)) for x in iterable])
        result._set_length(n)
        return result

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            for _ in self._pool:
                self._inqueue.put(None)

    def terminate(self):
        if self._state == TERMINATE:
            return
        self._state = TERMINATE
        for w in self._pool:
            w.terminate()
        for w in self._pool:
            w.join()
        self._stop_results()

    def _stop_results(self):
        _pyt_mp.send_bytes(self._stop_w, b'')
        if self._result_handler is not threading.current_thread():
            self._result_handler.join()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        for w in self._pool:
            w.join()
        if self._result_handler.is_alive():
            self._stop_results()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


class ThreadPool(object):
    """A pool of worker threads: apply/map/imap/starmap, sync and async."""

    _wrap_exception = False

    def __init__(self, processes=None, initializer=None, initargs=()):
        self._state = INIT
        self._taskqueue = queue.SimpleQueue()
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._initializer = initializer
        self._initargs = initargs
        self._pool = []
        self._stop = threading.Event()
        # imap feeders still putting tasks: close() sends the workers' end markers only
        # after the last one is done, so every task fed before close() still runs.
        self._feed_lock = threading.Lock()
        self._feeders = 0
        self._close_pending = False
        for _ in range(processes):
            w = threading.Thread(target=worker,
                                 args=(self._taskqueue, initializer, initargs))
            w.daemon = True
            w.start()
            self._pool.append(w)
        # Stand-ins for CPython's handler threads (same names, same count in enumerate()).
        # The task handler is real: it feeds imap inputs to the workers one after another.
        self._feedqueue = queue.SimpleQueue()
        self._helpers = []
        for name in ('_handle_workers', '_handle_tasks', '_handle_results'):
            if name == '_handle_tasks':
                t = threading.Thread(target=self._handle_tasks)
            else:
                t = threading.Thread(target=self._stop.wait)
                t._name = t._name.replace('(wait)', '(%s)' % name)
            t.daemon = True
            t.start()
            self._helpers.append(t)
        self._state = RUN

    def __repr__(self):
        cls = self.__class__
        return (f'<{cls.__module__}.{cls.__qualname__} '
                f'state={self._state} '
                f'pool_size={len(self._pool)}>')

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, _thread_mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize,
                               callback, error_callback)

    def imap(self, func, iterable, chunksize=1):
        return self._imap(IMapIterator, func, iterable, chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(IMapUnorderedIterator, func, iterable, chunksize)

    def _imap(self, kind, func, iterable, chunksize):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        result = kind(self)
        # As CPython's task handler does, the input is consumed in the background while the
        # caller already iterates the results: an endless or slow iterable does not block.
        with self._feed_lock:
            self._feeders += 1
        self._feedqueue.put((result, func, iterable, chunksize))
        return result

    def _handle_tasks(self):
        while True:
            job = self._feedqueue.get()
            if job is None:
                break
            self._feed(*job)

    def _feed(self, result, func, iterable, chunksize):
        put = self._taskqueue.put
        n = 0
        try:
            if chunksize == 1:
                for x in iterable:
                    if self._state == TERMINATE:
                        break
                    put((result, n, func, (x,), {}))
                    n += 1
            else:
                it = iter(iterable)
                while self._state != TERMINATE:
                    chunk = []
                    for x in it:
                        chunk.append(x)
                        if len(chunk) == chunksize:
                            break
                    if not chunk:
                        break
                    put((_ChunkResult(result, n), 0, _thread_mapstar, ((func, chunk),), {}))
                    n += len(chunk)
                    if len(chunk) < chunksize:
                        break
        except Exception as e:
            # The iterable failed: the results stop there with its exception.
            result._set(n, (False, e))
            n += 1
        finally:
            result._set_length(n)
            with self._feed_lock:
                self._feeders -= 1
                if self._feeders == 0 and self._close_pending:
                    self._close_pending = False
                    self._send_end_markers()

    def _send_end_markers(self):
        for _ in self._pool:
            self._taskqueue.put(None)

    def apply_async(self, func, args=(), kwds={}, callback=None,
                    error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._taskqueue.put((result, 0, func, args, kwds))
        return result

    def map_async(self, func, iterable, chunksize=None, callback=None,
                  error_callback=None):
        return self._map_async(func, iterable, _thread_mapstar, chunksize, callback,
                               error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        # A range or tuple is sliced as it is (it cannot change); anything else is copied once.
        items = iterable if type(iterable) in (range, tuple) else list(iterable)
        result = MapResult(self, chunksize, len(items), callback,
                           error_callback=error_callback)
        put = self._taskqueue.put
        if chunksize > 0:
            for i, first in enumerate(range(0, len(items), chunksize)):
                put((result, i, mapper, ((func, items[first:first + chunksize]),), {}))
        return result

    def close(self):
        if self._state == RUN:
            with self._feed_lock:
                self._state = CLOSE
                if self._feeders:
                    self._close_pending = True
                    return
            self._send_end_markers()

    def terminate(self):
        if self._state == TERMINATE:
            return
        was_running = self._state == RUN
        self._state = TERMINATE
        # Pending tasks are dropped; a task already running finishes (threads cannot be killed).
        while True:
            try:
                self._taskqueue.get_nowait()
            except queue.Empty:
                break
        for _ in self._pool:
            self._taskqueue.put(None)
        self._stop.set()
        self._feedqueue.put(None)
        me = threading.current_thread()
        for w in self._pool:
            if w is not me:
                w.join()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        me = threading.current_thread()
        for w in self._pool:
            if w is not me:
                w.join()
        self._stop.set()
        self._feedqueue.put(None)
        for t in self._helpers:
            if t is not me:
                t.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()
