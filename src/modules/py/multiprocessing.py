"""pyt's multiprocessing: real child processes with the spawn start method, after CPython's
API. A child is the pyt executable in its hidden child mode (see `_pyt_mp`): it imports the
parent's main script as `__mp_main__`, rebuilds the Process object and runs it. Objects move
between processes through `_pyt_mp.dumps`/`loads` (pyt's pickle); pipes, queues, locks and
shared values are passed to children as inherited descriptors, only when a process starts.
Managers live in `multiprocessing.managers`, process pools in `multiprocessing.pool`."""

import os as _os
import sys as _sys
import threading as _threading
import itertools as _itertools
import time as _time
import _pyt_mp

__all__ = ['Process', 'current_process', 'parent_process', 'active_children',
           'cpu_count', 'Queue', 'SimpleQueue', 'JoinableQueue', 'Pipe', 'Lock', 'RLock',
           'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Value', 'Array',
           'Manager', 'Pool', 'get_start_method', 'set_start_method', 'get_context',
           'get_all_start_methods', 'freeze_support', 'TimeoutError', 'ProcessError',
           'BufferTooShort', 'AuthenticationError']


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


for _c in (ProcessError, BufferTooShort, TimeoutError, AuthenticationError):
    _c.__module__ = 'multiprocessing.context'


class PicklingError(Exception):
    pass


PicklingError.__module__ = '_pickle'
_pyt_mp.set_pickling_error(PicklingError)

_SIGTERM = 15
_SIGKILL = 9
_SIGNAL_NAMES = {1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 5: 'SIGTRAP',
                 6: 'SIGABRT', 7: 'SIGBUS', 8: 'SIGFPE', 9: 'SIGKILL', 10: 'SIGUSR1',
                 11: 'SIGSEGV', 12: 'SIGUSR2', 13: 'SIGPIPE', 14: 'SIGALRM', 15: 'SIGTERM'}
_exitcode_to_name = {-n: '-' + s for n, s in _SIGNAL_NAMES.items()}

ORIGINAL_DIR = _os.getcwd()
_SEM_VALUE_MAX = 2147483647

_BOOTSTRAP_MSG = '''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.'''


def cpu_count():
    """The number of CPUs in the system (NotImplementedError if unknown)."""
    num = _os.cpu_count()
    if num is None:
        raise NotImplementedError('cannot determine number of cpus')
    return num


# --- start methods and contexts ------------------------------------------------------

_start_method = None


def get_start_method(allow_none=False):
    if _start_method is None and allow_none:
        return None
    return 'spawn'


def set_start_method(method, force=False):
    """Accepted for compatibility: pyt always spawns (a fresh pyt runs the child)."""
    global _start_method
    if _start_method is not None and not force:
        raise RuntimeError('context has already been set')
    if method is not None and method not in ('spawn', 'fork', 'forkserver'):
        raise ValueError('cannot find context for %r' % method)
    _start_method = method


def get_all_start_methods():
    return ['spawn']


def get_context(method=None):
    if method is not None and method not in ('spawn', 'fork', 'forkserver'):
        raise ValueError('cannot find context for %r' % method)
    return _sys.modules['multiprocessing']


def freeze_support():
    pass


# --- spawning state ------------------------------------------------------------------

_spawn_state = _threading.local()


def _spawning():
    return getattr(_spawn_state, 'active', False)


def _check_inheritance(obj):
    if not _spawning():
        raise RuntimeError('%s objects should only be shared between processes'
                           ' through inheritance' % type(obj).__name__)


def _rebuild(cls, state):
    obj = cls.__new__(cls)
    obj.__dict__.update(state)
    after = getattr(obj, '_after_rebuild', None)
    if after is not None:
        after()
    return obj


# --- processes -----------------------------------------------------------------------

class _Popen(object):
    """A started child: its pid, its sentinel (readable at its exit) and return code."""

    def __init__(self, process_obj):
        main = _sys.modules.get('__main__')
        main_file = getattr(main, '__file__', None)
        main_path = main_file
        if main_path is not None and not _os.path.isabs(main_path):
            main_path = _os.path.normpath(_os.path.join(ORIGINAL_DIR, main_path))
        prep = {
            'name': process_obj._name,
            'sys_argv': list(_sys.argv),
            'sys_path': list(_sys.path),
            'main_path': main_path,
            'main_file': main_file,
        }
        fds = []
        _spawn_state.active = True
        try:
            payload = _pyt_mp.dumps(process_obj, fds)
        finally:
            _spawn_state.active = False
        blob = _pyt_mp.dumps((prep, payload))
        self.returncode = None
        self.pid, self.sentinel = _pyt_mp.spawn(blob, fds)

    def poll(self, block=False):
        if self.returncode is None:
            rc = _pyt_mp.waitpid(self.pid, block)
            if rc is not None:
                self.returncode = rc
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            if not _pyt_mp.poll(self.sentinel, timeout):
                return None
            return self.poll(True)
        return self.returncode

    def _send_signal(self, sig):
        if self.returncode is None and self.poll() is None:
            _pyt_mp.kill(self.pid, sig)

    def terminate(self):
        self._send_signal(_SIGTERM)

    def kill(self):
        self._send_signal(_SIGKILL)

    def close(self):
        if self.sentinel is not None:
            self.sentinel.close()
            self.sentinel = None


class BaseProcess(object):
    """A process object: `start()` runs `run()` in a new child process."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={},
                 *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = next(_counter)
        self._identity = _current_process._identity + (count,)
        self._config = _current_process._config.copy()
        self._parent_pid = _os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + \
            ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        """Method to be run in the child process."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Starts the child process."""
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == _os.getpid(), \
            'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), \
            'daemonic processes are not allowed to have children'
        _cleanup()
        if getattr(_current_process, '_inheriting', False):
            raise RuntimeError(_BOOTSTRAP_MSG)
        self._popen = _Popen(self)
        self._sentinel = self._popen.sentinel
        # As CPython: the target may refer to the process object (a cycle).
        del self._target, self._args, self._kwargs
        _children.add(self)

    def terminate(self):
        """Sends SIGTERM to the child."""
        self._check_closed()
        self._popen.terminate()

    def kill(self):
        """Sends SIGKILL to the child."""
        self._check_closed()
        self._popen.kill()

    def join(self, timeout=None):
        """Waits until the child ends (or `timeout` seconds pass)."""
        self._check_closed()
        assert self._parent_pid == _os.getpid(), 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        res = self._popen.wait(timeout)
        if res is not None:
            _children.discard(self)

    def is_alive(self):
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == _os.getpid(), 'can only test a child process'
        if self._popen is None:
            return False
        returncode = self._popen.poll()
        if returncode is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        """Releases the resources of a finished process object."""
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            self._popen.close()
            self._popen = None
            del self._sentinel
            _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def authkey(self):
        return self._config.get('authkey', b'')

    @property
    def exitcode(self):
        self._check_closed()
        if self._popen is None:
            return None
        return self._popen.poll()

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return _os.getpid()
        return self._popen and self._popen.pid

    pid = ident

    @property
    def sentinel(self):
        self._check_closed()
        try:
            return self._sentinel.fileno()
        except AttributeError:
            raise ValueError("process not started") from None

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != _os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = self._popen.poll()
            status = 'stopped' if exitcode is not None else 'started'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen is not None:
            info.append('pid=%s' % self._popen.pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            exitcode = _exitcode_to_name.get(exitcode, exitcode)
            info.append('exitcode=%s' % exitcode)
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def _bootstrap(self):
        """Runs in the child: the process object becomes current_process() and runs."""
        global _current_process, _parent_process, _counter, _children
        try:
            _children = set()
            _counter = _itertools.count(1)
            _current_process = self
            _parent_process = _ParentProcess(self._parent_name, self._parent_pid)
            try:
                self.run()
                exitcode = 0
            finally:
                _exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                _sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except BaseException as e:
            exitcode = 1
            _pyt_mp.print_exception(e, 'Process %s:\n' % self.name)
        return exitcode


class Process(BaseProcess):
    pass


class _MainProcess(BaseProcess):
    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {}

    def close(self):
        pass


class _ParentProcess(BaseProcess):
    def __init__(self, name, pid):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {}

    def is_alive(self):
        return _os.getppid() == self._pid

    @property
    def ident(self):
        return self._pid

    pid = ident

    def join(self, timeout=None):
        deadline = None if timeout is None else _time.monotonic() + timeout
        while self.is_alive():
            if deadline is not None and _time.monotonic() >= deadline:
                return
            _time.sleep(0.05)


_current_process = _MainProcess()
_parent_process = None
_counter = _itertools.count(1)
_children = set()
_exiting = False


def current_process():
    """The Process object of the running process."""
    return _current_process


def parent_process():
    """The parent's Process object (None in the main process)."""
    return _parent_process


def _cleanup():
    for p in list(_children):
        if p._popen is not None and p._popen.poll() is not None:
            _children.discard(p)


def active_children():
    """The started children that are still alive (finished ones are reaped)."""
    _cleanup()
    return list(_children)


def _exit_function():
    """At exit: flushes queues, terminates daemonic children and joins the others."""
    global _exiting
    if _exiting:
        return
    _exiting = True
    for p in active_children():
        if p.daemon:
            p._popen.terminate()
    for p in active_children():
        p.join()


def _spawn_main():
    """The child's entry point (called by `pyt --pyt-mp-child`)."""
    prep, payload = _pyt_mp.loads(_pyt_mp.take_bootstrap())
    _sys.argv = prep['sys_argv']
    _sys.path[:] = prep['sys_path']
    _current_process._inheriting = True
    _current_process._name = prep['name']
    main_path = prep['main_path']
    failed = None
    if main_path is not None:
        module = _pyt_mp.new_module('__mp_main__')
        # The child's code carries the file name the parent was given (as a forked child's
        # does), read from the absolute path.
        module.__file__ = prep['main_file']
        _sys.modules['__main__'] = _sys.modules['__mp_main__'] = module
        try:
            _pyt_mp.run_main(main_path, module, prep['main_file'])
        except BaseException as e:
            failed = e
    _current_process._inheriting = False
    if failed is not None and not (isinstance(failed, RuntimeError)
                                   and failed.args == (_BOOTSTRAP_MSG,)):
        raise failed
    try:
        process = _pyt_mp.loads(payload, True)
    except BaseException:
        # A script without the main guard started a process at import time before
        # defining what the child needs: CPython's bootstrapping error is the story.
        if failed is not None:
            raise failed
        raise
    # Where the script started a process at import time (no main guard), the child keeps
    # what it defined up to there and runs its target, as a forked child would, instead of
    # starting processes in turn.
    raise SystemExit(process._bootstrap())


# --- connections ---------------------------------------------------------------------

class Connection(object):
    """One end of a Pipe: whole objects (or byte strings) in, whole ones out."""

    def __init__(self, fd, readable=True, writable=True):
        if not readable and not writable:
            raise ValueError("at least one of `readable` and `writable` must be True")
        self._fd = fd
        self._readable = readable
        self._writable = writable

    def _check_closed(self):
        if self._fd is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._fd is None

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        self._check_closed()
        return self._fd.fileno()

    def close(self):
        if self._fd is not None:
            self._fd.close()
            self._fd = None

    def send(self, obj):
        """Sends a picklable object."""
        self._check_closed()
        self._check_writable()
        _pyt_mp.send_bytes(self._fd, _pyt_mp.dumps(obj))

    def recv(self):
        """Receives the next object (EOFError once the other end is closed)."""
        self._check_closed()
        self._check_readable()
        return _pyt_mp.loads(_pyt_mp.recv_bytes(self._fd))

    def send_bytes(self, buf, offset=0, size=None):
        self._check_closed()
        self._check_writable()
        buf = bytes(buf)
        n = len(buf)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        _pyt_mp.send_bytes(self._fd, buf[offset:offset + size])

    def recv_bytes(self, maxlength=None):
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        data = _pyt_mp.recv_bytes(self._fd)
        if maxlength is not None and len(data) > maxlength:
            self.close()
            raise OSError("bad message length")
        return data

    def poll(self, timeout=0.0):
        """Whether there is anything to read (waiting up to `timeout`; None: forever)."""
        self._check_closed()
        self._check_readable()
        return _pyt_mp.poll(self._fd, timeout)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def __reduce__(self):
        _check_inheritance(self)
        return (Connection, (self._fd, self._readable, self._writable))


def Pipe(duplex=True):
    """Two connected Connection objects (a socket pair, or a one-way pipe)."""
    if duplex:
        a, b = _pyt_mp.socketpair()
        return Connection(a), Connection(b)
    r, w = _pyt_mp.pipe()
    return Connection(r, writable=False), Connection(w, readable=False)


# --- synchronization, queues and shared values (their own modules) ------------------

# Imported on first use, as CPython's context imports them (a thread pool never needs them).
_LAZY = {}
for _sub, _names in (
        ('synchronize', ('SemLock', 'Semaphore', 'BoundedSemaphore', 'Lock', 'RLock',
                         'Condition', 'Event', 'Barrier')),
        ('queues', ('Queue', 'JoinableQueue', 'SimpleQueue')),
        ('sharedctypes', ('Value', 'Array', 'RawValue', 'RawArray', 'Synchronized',
                          'SynchronizedArray'))):
    for _name in _names:
        _LAZY[_name] = 'multiprocessing.' + _sub
del _sub, _names, _name


def __getattr__(name):
    modname = _LAZY.get(name)
    if modname is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    __import__(modname)
    value = getattr(_sys.modules[modname], name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))


# --- managers and pools (their own modules) ------------------------------------------

def Manager():
    """Starts a manager server process; its dict() and list() are shared proxies."""
    from multiprocessing.managers import SyncManager
    m = SyncManager()
    m.start()
    return m


def Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None):
    """A pool of worker processes."""
    from multiprocessing.pool import Pool
    return Pool(processes, initializer, initargs, maxtasksperchild)
