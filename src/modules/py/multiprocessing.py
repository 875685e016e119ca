"""pyt's multiprocessing package: only what a thread-based program needs (cpu_count,
current_process, the exceptions) and the `dummy` and `pool` submodules. Real processes are not
supported yet."""

import os as _os
import threading as _threading

__all__ = ['cpu_count', 'current_process', 'TimeoutError', 'ProcessError',
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


def cpu_count():
    """The number of CPUs in the system (NotImplementedError if unknown)."""
    num = _os.cpu_count()
    if num is None:
        raise NotImplementedError('cannot determine number of cpus')
    return num


class _MainProcess(object):
    def __init__(self):
        self._name = 'MainProcess'
        self._parent_pid = None
        self.daemon = False
        self._config = {}

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = name

    @property
    def pid(self):
        return _os.getpid()

    ident = pid

    @property
    def exitcode(self):
        return None

    def is_alive(self):
        return True

    def __repr__(self):
        return "<_MainProcess name=%r parent=None started>" % self._name


_current_process = _MainProcess()


def current_process():
    """The Process object of this process (always the main one: no child processes yet)."""
    return _current_process


def parent_process():
    return None


def active_children():
    return []
