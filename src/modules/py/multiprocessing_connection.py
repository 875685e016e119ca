"""pyt's multiprocessing.connection: Connection and Pipe (defined in `multiprocessing`) and
`wait`, which sleeps until any of several connections, sentinels or descriptors is ready."""

import _pyt_mp
from multiprocessing import Connection, Pipe  # noqa: F401

__all__ = ['Connection', 'Pipe', 'wait']


def wait(object_list, timeout=None):
    """The objects of `object_list` (connections, `Process.sentinel`s, objects with
    `fileno()`) that are ready to read, waiting up to `timeout` seconds (None: forever)."""
    objs = list(object_list)
    fds = [o if isinstance(o, int) else o.fileno() for o in objs]
    if timeout is not None and timeout < 0:
        timeout = 0
    return [objs[i] for i in _pyt_mp.wait_any(fds, timeout)]
