"""pyt's multiprocessing.sharedctypes: Value and Array of simple typecodes ('i', 'd', 'c'
...) in shared memory a child inherits (`_pyt_mp.shm`), each access under an RLock unless
`lock=False`."""

import _pyt_mp
from multiprocessing import _check_inheritance, _rebuild
from multiprocessing.synchronize import RLock

__all__ = ['Value', 'Array', 'RawValue', 'RawArray', 'Synchronized', 'SynchronizedArray']

_CTYPE_NAMES = {'c': 'c_char', 'b': 'c_byte', 'B': 'c_ubyte', 'h': 'c_short',
                'H': 'c_ushort', 'i': 'c_int', 'I': 'c_uint', 'l': 'c_long',
                'L': 'c_ulong', 'q': 'c_longlong', 'Q': 'c_ulonglong', 'f': 'c_float',
                'd': 'c_double', '?': 'c_bool'}
_ITEM_SIZES = {'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'f': 4,
               'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'd': 8}


def _typecode(typecode_or_type):
    if typecode_or_type not in _ITEM_SIZES:
        raise TypeError('pyt supports the typecodes %s, not %r'
                        % (''.join(_ITEM_SIZES), typecode_or_type))
    return typecode_or_type


def _lock_for(lock):
    if lock is True or lock is None:
        return RLock()
    if lock is False:
        return None
    if hasattr(lock, 'acquire'):
        return lock
    raise AttributeError("%r has no method 'acquire'" % lock)


class _Shared(object):
    def get_lock(self):
        return self._lock

    def get_obj(self):
        return self

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        return self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        _check_inheritance(self)
        return (_rebuild, (type(self), dict(self.__dict__)))


class _NoLock(object):
    def acquire(self, *args):
        return True

    def release(self):
        pass

    def __enter__(self):
        return True

    def __exit__(self, *args):
        pass


_nolock = _NoLock()


class Synchronized(_Shared):
    """A shared scalar (what `Value` returns): `.value` under its lock."""

    def __init__(self, typecode, value, lock):
        self._typecode = typecode
        self._shm = _pyt_mp.shm(_ITEM_SIZES[typecode])
        self._lock = lock
        if value is not None:
            self._shm.set(typecode, 0, value)

    @property
    def value(self):
        with self._lock or _nolock:
            return self._shm.get(self._typecode, 0)

    @value.setter
    def value(self, v):
        with self._lock or _nolock:
            self._shm.set(self._typecode, 0, v)

    def __repr__(self):
        return '<%s wrapper for %s(%r)>' % (type(self).__name__,
                                            _CTYPE_NAMES[self._typecode], self.value)


def Value(typecode_or_type, *args, lock=True):
    """A shared value of a simple type ('i', 'd', 'c' ...), with a lock by default."""
    tc = _typecode(typecode_or_type)
    value = args[0] if args else None
    return Synchronized(tc, value, _lock_for(lock))


class SynchronizedArray(_Shared):
    """A shared array (what `Array` returns): items and slices, each access locked."""

    def __init__(self, typecode, size, init, lock):
        self._typecode = typecode
        self._len = size
        self._shm = _pyt_mp.shm(_ITEM_SIZES[typecode] * size)
        self._lock = lock
        if init is not None:
            for i, v in enumerate(init):
                self._shm.set(typecode, i, v)

    def __len__(self):
        return self._len

    def _index(self, i):
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError('invalid index')
        return i

    def __getitem__(self, i):
        with self._lock or _nolock:
            if isinstance(i, slice):
                return [self._shm.get(self._typecode, j)
                        for j in range(*i.indices(self._len))]
            return self._shm.get(self._typecode, self._index(i))

    def __setitem__(self, i, v):
        with self._lock or _nolock:
            if isinstance(i, slice):
                idx = range(*i.indices(self._len))
                v = list(v)
                if len(v) != len(idx):
                    raise ValueError("Can only assign sequence of same size")
                for j, x in zip(idx, v):
                    self._shm.set(self._typecode, j, x)
            else:
                self._shm.set(self._typecode, self._index(i), v)

    def __iter__(self):
        return iter(self[:])

    @property
    def value(self):
        if self._typecode != 'c':
            raise AttributeError("'SynchronizedArray' object has no attribute 'value'")
        raw = b''.join(self[:])
        return raw.split(b'\0', 1)[0]

    @value.setter
    def value(self, v):
        if self._typecode != 'c':
            raise AttributeError("'SynchronizedArray' object has no attribute 'value'")
        if len(v) > self._len:
            raise ValueError('byte string too long')
        for i in range(self._len):
            self[i] = v[i:i + 1] if i < len(v) else b'\0'

    @property
    def raw(self):
        return b''.join(self[:])

    def __repr__(self):
        return '<%s wrapper for <multiprocessing.sharedctypes.%s_Array_%d object at %#x>>' % (
            type(self).__name__, _CTYPE_NAMES[self._typecode], self._len, id(self))


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    """A shared array of a simple type, zeroed or filled from a sequence."""
    tc = _typecode(typecode_or_type)
    if isinstance(size_or_initializer, int):
        size, init = size_or_initializer, None
        if size < 0:
            raise ValueError('Array length must be >= 0, not %d' % size)
    else:
        init = list(size_or_initializer)
        size = len(init)
    return SynchronizedArray(tc, size, init, _lock_for(lock))


def RawValue(typecode_or_type, *args):
    return Value(typecode_or_type, *args, lock=False)


def RawArray(typecode_or_type, size_or_initializer):
    return Array(typecode_or_type, size_or_initializer, lock=False)
