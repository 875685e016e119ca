# The time module's Python half: struct_time and the wrappers that build it from the
# native 11-tuples (9 fields, tm_zone, tm_gmtoff).

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
           'tm_wday', 'tm_yday', 'tm_isdst')


class struct_time(tuple):
    """The time value as returned by gmtime(), localtime(), and strptime()."""

    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, zone=None, gmtoff=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence (%d-sequence given)" % len(seq))
        if len(seq) > 11:
            raise TypeError("time.struct_time() takes an at most 11-sequence (%d-sequence given)" % len(seq))
        self = _tuple_new(cls, seq[:9])
        if len(seq) > 9:
            zone = seq[9]
        if len(seq) > 10:
            gmtoff = seq[10]
        self.tm_zone = zone
        self.tm_gmtoff = gmtoff
        return self

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])

    def __repr__(self):
        parts = []
        for i in range(9):
            parts = parts + ['%s=%r' % (_FIELDS[i], self[i])]
        return 'time.struct_time(' + ', '.join(parts) + ')'

    def __reduce__(self):
        return (struct_time, (tuple(self),))


struct_time.__module__ = 'time'


def localtime(secs=None):
    return struct_time(_localtime(secs))


def gmtime(secs=None):
    return struct_time(_gmtime(secs))


def _full(t):
    if isinstance(t, struct_time):
        return tuple(t) + (t.tm_zone, t.tm_gmtoff) if t.tm_zone is not None else tuple(t)
    return t


def strftime(format, t=None):
    if t is None:
        return _strftime(format)
    if not isinstance(t, tuple) or len(t) != 9:
        raise TypeError("Tuple or struct_time argument required")
    return _strftime(format, _full(t))


def asctime(t=None):
    if t is None:
        return _asctime()
    return _asctime(t)
