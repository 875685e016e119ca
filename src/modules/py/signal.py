# The signal module's Python half, as CPython's Lib/signal.py: the Signals, Handlers and
# Sigmasks enums over the native functions. pyt has no enum module, so a small IntEnum-like
# class stands in (members are int instances; repr <Signals.SIGINT: 2>, str the number).


class _IntEnumType(type):
    def __iter__(cls):
        return iter(cls._member_list_)

    def __len__(cls):
        return len(cls._member_list_)

    def __contains__(cls, member):
        return isinstance(member, cls)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __call__(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")

    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"

    @property
    def __members__(cls):
        return dict(cls._member_map_)


class _IntEnum(int, metaclass=_IntEnumType):
    def __repr__(self):
        return f"<{type(self).__name__}.{self._name_}: {int(self)}>"

    def __str__(self):
        return str(int(self))

    def __format__(self, spec):
        return format(int(self), spec)

    def __reduce__(self):
        return type(self), (int(self),)

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return int(self)


def _make_enum(name, items):
    cls = _IntEnumType(name, (_IntEnum,), {'__module__': 'signal', '__qualname__': name})
    cls._member_list_ = []
    cls._member_map_ = {}
    cls._value2member_map_ = {}
    # Sorted by value, then name, as Enum._convert_ does: the first name of a value is the
    # member's name, the others are aliases.
    for n, v in sorted(items, key=lambda t: (t[1], t[0])):
        m = cls._value2member_map_.get(v)
        if m is None:
            m = int.__new__(cls, v)
            m._name_ = n
            cls._member_list_.append(m)
            cls._value2member_map_[v] = m
        cls._member_map_[n] = m
        setattr(cls, n, m)
    return cls


Signals = _make_enum('Signals', [
    ('SIGHUP', 1), ('SIGINT', 2), ('SIGQUIT', 3), ('SIGILL', 4), ('SIGTRAP', 5),
    ('SIGABRT', 6), ('SIGIOT', 6), ('SIGBUS', 7), ('SIGFPE', 8), ('SIGKILL', 9),
    ('SIGUSR1', 10), ('SIGSEGV', 11), ('SIGUSR2', 12), ('SIGPIPE', 13), ('SIGALRM', 14),
    ('SIGTERM', 15), ('SIGSTKFLT', 16), ('SIGCHLD', 17), ('SIGCLD', 17), ('SIGCONT', 18),
    ('SIGSTOP', 19), ('SIGTSTP', 20), ('SIGTTIN', 21), ('SIGTTOU', 22), ('SIGURG', 23),
    ('SIGXCPU', 24), ('SIGXFSZ', 25), ('SIGVTALRM', 26), ('SIGPROF', 27), ('SIGWINCH', 28),
    ('SIGIO', 29), ('SIGPOLL', 29), ('SIGPWR', 30), ('SIGSYS', 31), ('SIGRTMIN', 34),
    ('SIGRTMAX', 64),
])
Handlers = _make_enum('Handlers', [('SIG_DFL', 0), ('SIG_IGN', 1)])
Sigmasks = _make_enum('Sigmasks', [('SIG_BLOCK', 0), ('SIG_UNBLOCK', 1), ('SIG_SETMASK', 2)])

for _name, _member in Signals._member_map_.items():
    globals()[_name] = _member
for _e in (Handlers, Sigmasks):
    for _name, _member in _e._member_map_.items():
        globals()[_name] = _member
del _name, _member, _e

class itimer_error(OSError):
    pass


itimer_error.__module__ = 'signal'
ItimerError = itimer_error

ITIMER_REAL = 0
ITIMER_VIRTUAL = 1
ITIMER_PROF = 2


def _int_to_enum(value, enum_klass):
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def signal(signalnum, handler):
    handler = _signal_signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


def getsignal(signalnum):
    handler = _signal_getsignal(signalnum)
    return _int_to_enum(handler, Handlers)


def valid_signals():
    return {_int_to_enum(x, Signals) for x in range(1, NSIG) if x not in (32, 33)}
