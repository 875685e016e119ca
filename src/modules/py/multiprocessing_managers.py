"""pyt's multiprocessing.managers: a manager is a server process holding shared objects
(dict, list, Namespace, Value, queue.Queue, locks ...); proxies in any process forward method
calls to it over a Unix socket in the abstract namespace (one connection per thread, one
server thread per connection), as CPython's SyncManager does."""

import os
import threading
import queue
import multiprocessing as _mp
import _pyt_mp

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'Namespace', 'RemoteError']

INITIAL = 0
STARTED = 1
SHUTDOWN = 2


class RemoteError(Exception):
    def __str__(self):
        return ('\n' + '-' * 75 + '\n' + str(self.args[0]) + '-' * 75)


class Namespace(object):
    def __init__(self, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        items = list(self.__dict__.items())
        temp = []
        for name, value in items:
            if not name.startswith('_'):
                temp.append('%s=%r' % (name, value))
        temp.sort()
        return '%s(%s)' % (self.__class__.__name__, ', '.join(temp))


class _ValueHolder(object):
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value


def _plain(res):
    """Results the serializer cannot carry as they are (dict views, iterators) become lists."""
    if isinstance(res, (str, bytes, list, tuple, dict, set, frozenset, int, float)) \
            or res is None:
        return res
    if type(res).__name__ in ('dict_keys', 'dict_values', 'dict_items', 'list_iterator',
                              'list_reverseiterator', 'dict_keyiterator'):
        return list(res)
    return res


def _serve_connection(conn, registry, objects, counter, stop):
    while True:
        try:
            req = conn.recv()
        except (EOFError, OSError):
            conn.close()
            return
        kind = req[0]
        try:
            if kind == 'call':
                _, ident, method, args, kwds = req
                obj = objects[ident]
                if method == '#GETATTR':
                    res = getattr(obj, args[0])
                elif method == '#SETATTR':
                    res = setattr(obj, args[0], args[1])
                elif method == '#DELATTR':
                    res = delattr(obj, args[0])
                elif method == '__repr__':
                    res = repr(obj)
                elif method == '__str__':
                    res = str(obj)
                else:
                    res = _plain(getattr(obj, method)(*args, **kwds))
            elif kind == 'create':
                _, typeid, args, kwds = req
                obj = registry[typeid](*args, **kwds)
                res = next(counter)
                objects[res] = obj
            elif kind == 'shutdown':
                conn.send(('#RETURN', None))
                stop.set()
                return
            else:
                raise ValueError('unknown request %r' % (kind,))
            msg = ('#RETURN', res)
        except BaseException as e:
            msg = ('#ERROR', e)
        try:
            conn.send(msg)
        except Exception as e:
            conn.send(('#ERROR', RemoteError('%s: %s\n' % (type(e).__name__, e))))


def _accept_loop(listener, registry, objects, counter, stop):
    while True:
        fd = _pyt_mp.accept(listener)
        t = threading.Thread(target=_serve_connection,
                             args=(_mp.Connection(fd), registry, objects, counter, stop))
        t.daemon = True
        t.start()


def _run_server(manager_cls, writer, initializer=None, initargs=()):
    """The manager process: listens, tells the parent where, serves until shut down."""
    registry = {k: v[0] for k, v in manager_cls._registry.items() if v[0] is not None}
    if initializer is not None:
        initializer(*initargs)
    import itertools
    name = 'pyt-mp-manager-%d-%d' % (os.getpid(), id(registry))
    listener = _pyt_mp.listen_unix(name)
    stop = threading.Event()
    t = threading.Thread(target=_accept_loop,
                         args=(listener, registry, {}, itertools.count(1), stop))
    t.daemon = True
    t.start()
    writer.send(name)
    writer.close()
    stop.wait()


_tls = threading.local()


def _connection(address):
    conns = getattr(_tls, 'conns', None)
    if conns is None:
        conns = _tls.conns = {}
    conn = conns.get(address)
    if conn is None:
        conn = conns[address] = _mp.Connection(_pyt_mp.connect_unix(address))
    return conn


def _request(address, req):
    conn = _connection(address)
    conn.send(req)
    kind, result = conn.recv()
    if kind == '#RETURN':
        return result
    raise result


class BaseProxy(object):
    """Forwards method calls to the referent living in the manager process."""

    def __init__(self, typeid, address, ident, manager=None):
        self._typeid = typeid
        self._address = address
        self._ident = ident
        self._manager = manager

    def _callmethod(self, methodname, args=(), kwds={}):
        return _request(self._address, ('call', self._ident, methodname, args, kwds))

    def _getvalue(self):
        return self._callmethod('copy')

    def __reduce__(self):
        return (RebuildProxy, (type(self), self._typeid, self._address, self._ident))

    def __deepcopy__(self, memo):
        return self._getvalue()

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % (type(self).__name__, self._typeid, id(self))

    def __str__(self):
        try:
            return self._callmethod('__repr__')
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"


def RebuildProxy(cls, typeid, address, ident):
    return cls(typeid, address, ident)


def _method(name):
    def method(self, *args, **kwds):
        return self._callmethod(name, args, kwds)
    method.__name__ = name
    return method


def MakeProxyType(name, exposed):
    dic = {}
    for meth in exposed:
        dic[meth] = _method(meth)
    return type(name, (BaseProxy,), dic)


class ListProxy(BaseProxy):
    def __iadd__(self, value):
        self._callmethod('extend', (value,))
        return self

    def __imul__(self, value):
        self._callmethod('__imul__', (value,))
        return self

    def __iter__(self):
        return iter(self._callmethod('copy'))


for _n in ('__add__', '__contains__', '__delitem__', '__getitem__', '__len__', '__mul__',
           '__reversed__', '__rmul__', '__setitem__', 'append', 'count', 'extend', 'index',
           'insert', 'pop', 'remove', 'reverse', 'sort', 'copy', 'clear'):
    setattr(ListProxy, _n, _method(_n))


class DictProxy(BaseProxy):
    def __iter__(self):
        return iter(self._callmethod('keys'))


for _n in ('__contains__', '__delitem__', '__getitem__', '__len__', '__setitem__', 'clear',
           'copy', 'get', 'items', 'keys', 'pop', 'popitem', 'setdefault', 'update',
           'values'):
    setattr(DictProxy, _n, _method(_n))


class NamespaceProxy(BaseProxy):
    def __getattr__(self, key):
        if key[0] == '_':
            return object.__getattribute__(self, key)
        return self._callmethod('#GETATTR', (key,))

    def __setattr__(self, key, value):
        if key[0] == '_':
            return object.__setattr__(self, key, value)
        return self._callmethod('#SETATTR', (key, value))

    def __delattr__(self, key):
        if key[0] == '_':
            return object.__delattr__(self, key)
        return self._callmethod('#DELATTR', (key,))


class ValueProxy(BaseProxy):
    def get(self):
        return self._callmethod('get')

    def set(self, value):
        return self._callmethod('set', (value,))

    value = property(get, set)


class AcquirerProxy(BaseProxy):
    def acquire(self, blocking=True, timeout=None):
        args = (blocking,) if timeout is None else (blocking, timeout)
        return self._callmethod('acquire', args)

    def release(self):
        return self._callmethod('release')

    def __enter__(self):
        return self._callmethod('acquire')

    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._callmethod('release')


QueueProxy = MakeProxyType('QueueProxy', ('empty', 'full', 'get', 'get_nowait', 'join',
                                          'put', 'put_nowait', 'qsize', 'task_done'))
EventProxy = MakeProxyType('EventProxy', ('is_set', 'set', 'clear', 'wait'))


class BaseManager(object):
    """Starts a server process; `register`ed type ids become methods returning proxies."""

    _registry = {}

    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None):
        self._address = address
        self._process = None
        self._state = INITIAL

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        if '_registry' not in cls.__dict__:
            cls._registry = dict(cls._registry)
        if proxytype is None:
            proxytype = MakeProxyType('AutoProxy[%s]' % typeid, exposed or ()) \
                if exposed else BaseProxy
        cls._registry[typeid] = (callable, proxytype)
        if create_method:
            def temp(self, *args, **kwds):
                ident = _request(self._address, ('create', typeid, args, kwds))
                return proxytype(typeid, self._address, ident, manager=self)
            temp.__name__ = typeid
            setattr(cls, typeid, temp)

    def start(self, initializer=None, initargs=()):
        if self._state != INITIAL:
            if self._state == STARTED:
                raise _mp.ProcessError("Already started server")
            raise _mp.ProcessError("Manager has shut down")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        reader, writer = _mp.Pipe(duplex=False)
        self._process = _mp.Process(target=_run_server,
                                    args=(type(self), writer, initializer, initargs))
        ident = ':'.join(str(i) for i in self._process._identity)
        self._process.name = type(self).__name__ + '-' + ident
        # A daemon, so the exit ends it (CPython's finalizer asks it to shut down).
        self._process.daemon = True
        self._process.start()
        writer.close()
        self._address = reader.recv()
        reader.close()
        self._state = STARTED

    @property
    def address(self):
        return self._address

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)

    def shutdown(self):
        if self._state != STARTED:
            return
        try:
            conn = _mp.Connection(_pyt_mp.connect_unix(self._address))
            conn.send(('shutdown',))
            conn.recv()
            conn.close()
        except Exception:
            pass
        self._process.join(timeout=1.0)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()
        self._state = SHUTDOWN
        conns = getattr(_tls, 'conns', None)
        if conns is not None:
            conn = conns.pop(self._address, None)
            if conn is not None:
                conn.close()

    def __enter__(self):
        if self._state == INITIAL:
            self.start()
        if self._state != STARTED:
            raise _mp.ProcessError("Unable to start server")
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()


class SyncManager(BaseManager):
    pass


SyncManager.register('dict', dict, DictProxy)
SyncManager.register('list', list, ListProxy)
SyncManager.register('Namespace', Namespace, NamespaceProxy)
SyncManager.register('Value', _ValueHolder, ValueProxy)
SyncManager.register('Queue', queue.Queue, QueueProxy)
SyncManager.register('JoinableQueue', queue.Queue, QueueProxy)
SyncManager.register('Lock', threading.Lock, AcquirerProxy)
SyncManager.register('RLock', threading.RLock, AcquirerProxy)
SyncManager.register('Semaphore', threading.Semaphore, AcquirerProxy)
SyncManager.register('BoundedSemaphore', threading.BoundedSemaphore, AcquirerProxy)
SyncManager.register('Event', threading.Event, EventProxy)
