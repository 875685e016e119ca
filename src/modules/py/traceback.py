# The traceback module's Python half, over the VM's own CPython-format tracebacks.

import sys as _sys


class FrameSummary:
    def __init__(self, filename, lineno, name, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self.line = line

    def __iter__(self):
        return iter((self.filename, self.lineno, self.name, self.line))

    def __getitem__(self, i):
        return (self.filename, self.lineno, self.name, self.line)[i]

    def __len__(self):
        return 4

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return tuple(self) == tuple(other)
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)


class StackSummary(list):
    def format(self):
        # As CPython's: after _RECURSIVE_CUTOFF identical consecutive frames, one summary row.
        out = []
        last = None
        count = 0
        for f in self:
            key = (f.filename, f.lineno, f.name)
            if key != last:
                _repeated(out, count)
                last = key
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            row = '  File "{}", line {}, in {}\n'.format(f.filename, f.lineno, f.name)
            if f.line:
                row += '    {}\n'.format(f.line.strip())
            out.append(row)
        _repeated(out, count)
        return out


_RECURSIVE_CUTOFF = 3


def _repeated(out, count):
    if count > _RECURSIVE_CUTOFF:
        count -= _RECURSIVE_CUTOFF
        out.append('  [Previous line repeated {} more time{}]\n'.format(
            count, 's' if count > 1 else ''))


def _from_list(a_list):
    result = StackSummary()
    for frame in a_list:
        if isinstance(frame, FrameSummary):
            result.append(frame)
        else:
            filename, lineno, name, line = frame
            result.append(FrameSummary(filename, lineno, name, line=line))
    return result


StackSummary.from_list = staticmethod(_from_list)


def walk_stack(f):
    # CPython starts four frames above the generator's own frame while it is iterated: for
    # a plain `for` loop in F, three frames above F. A generator body runs apart from its
    # caller's frames in pyt, so that frame is found here, before the generator exists.
    if f is None:
        f = _sys._getframe(1).f_back.f_back.f_back
    return _walk(f)


def _walk(f):
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def print_list(extracted_list, file=None):
    if file is None:
        file = _sys.stderr
    for item in format_list(extracted_list):
        print(item, file=file, end="")


def _summary_of(frame):
    return FrameSummary(*_frame_summary(frame))


def extract_stack(f=None, limit=None):
    if f is None:
        f = _sys._getframe().f_back
    frames = []
    while f is not None:
        frames.append(f)
        f = f.f_back
    if limit is not None:
        frames = frames[:limit] if limit >= 0 else frames[limit:]
    stack = StackSummary()
    for fr in reversed(frames):
        stack.append(_summary_of(fr))
    return stack


def format_stack(f=None, limit=None):
    if f is None:
        f = _sys._getframe().f_back
    return extract_stack(f, limit=limit).format()


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = _sys._getframe().f_back
    if file is None:
        file = _sys.stderr
    for s in extract_stack(f, limit=limit).format():
        file.write(s)


def _limit(items, limit):
    if limit is None:
        return items
    if limit >= 0:
        return items[:limit]
    return items[limit:]


def extract_tb(tb, limit=None):
    s = StackSummary()
    for t in _limit(_extract(tb), limit):
        s.append(FrameSummary(*t))
    return s


def format_tb(tb, limit=None):
    return _format_entries(tb, limit)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    if file is None:
        file = _sys.stderr
    for s in format_tb(tb, limit):
        file.write(s)


def _value_of(exc, value):
    if isinstance(exc, BaseException):
        return exc
    if value is not None and value is not _sentinel:
        return value
    return None


_sentinel = object()


def format_exception_only(exc, /, value=_sentinel):
    v = _value_of(exc, value)
    if v is None:
        return ['NoneType: None\n'] if exc is None else [exc.__name__ + '\n']
    return [_exception_line(v)]


def _one(v, limit):
    out = []
    entries = _format_entries(v, limit)
    if entries:
        out.append('Traceback (most recent call last):\n')
        out.extend(entries)
    out.append(_exception_line(v))
    return out


_CAUSE = '\nThe above exception was the direct cause of the following exception:\n\n'
_CONTEXT = '\nDuring handling of the above exception, another exception occurred:\n\n'


def _chain(v, limit, seen):
    seen[id(v)] = True
    out = []
    cause = getattr(v, '__cause__', None)
    context = getattr(v, '__context__', None)
    if cause is not None and id(cause) not in seen:
        out.extend(_chain(cause, limit, seen))
        out.append(_CAUSE)
    elif (context is not None and not getattr(v, '__suppress_context__', False)
            and id(context) not in seen):
        out.extend(_chain(context, limit, seen))
        out.append(_CONTEXT)
    out.extend(_one(v, limit))
    return out


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    v = _value_of(exc, value)
    if v is None:
        return ['NoneType: None\n']
    if chain:
        return _chain(v, limit, {})
    return _one(v, limit)


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = _sys.stderr
    for s in format_exception(exc, value, tb, limit=limit, chain=chain):
        file.write(s)


def format_exc(limit=None, chain=True):
    return ''.join(format_exception(_sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(_sys.exc_info()[1], limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(_sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(_sys.last_value, limit=limit, file=file, chain=chain)
