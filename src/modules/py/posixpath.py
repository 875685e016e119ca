# os.path for POSIX: pure string operations after CPython's posixpath, plus the
# filesystem queries over the native _stat.

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
altsep = None
pathsep = ':'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), '__fspath__', None)
    if f is None:
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(p).__name__)
    return f(p)


def isabs(s):
    return _fspath(s).startswith('/')


def join(a, *p):
    a = _fspath(a)
    path = a
    for b in p:
        b = _fspath(b)
        if not isinstance(b, str):
            raise TypeError("join() argument must be str, bytes, or os.PathLike object, not '"
                            + type(b).__name__ + "'")
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    p = _fspath(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def splitext(p):
    p = _fspath(p)
    sep_index = p.rfind('/')
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != '.':
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    p = _fspath(p)
    i = p.rfind('/') + 1
    return p[i:]


def dirname(p):
    p = _fspath(p)
    i = p.rfind('/') + 1
    head = p[:i]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head


def normpath(path):
    path = _fspath(path)
    if path == '':
        return '.'
    initial_slashes = 1 if path.startswith('/') else 0
    if initial_slashes and path.startswith('//') and not path.startswith('///'):
        initial_slashes = 2
    comps = path.split('/')
    new_comps = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if (comp != '..' or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == '..')):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    comps = new_comps
    path = '/'.join(comps)
    if initial_slashes:
        path = '/' * initial_slashes + path
    return path or '.'


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        path = join(getcwd(), path)
    return normpath(path)


def realpath(path):
    path = abspath(path)
    parts = path.split('/')
    result = '/'
    for part in parts:
        if not part:
            continue
        candidate = join(result, part)
        seen = 0
        while islink(candidate) and seen < 40:
            target = _readlink(candidate)
            if target is None:
                break
            candidate = normpath(join(dirname(candidate), target))
            seen += 1
        result = candidate
    return result


def _readlink(p):
    return None


def expanduser(path):
    path = _fspath(path)
    if not path.startswith('~'):
        return path
    i = path.find('/', 1)
    if i < 0:
        i = len(path)
    if i == 1:
        import os
        userhome = os.environ.get('HOME', '/')
    else:
        return path
    userhome = userhome.rstrip('/')
    return (userhome + path[i:]) or '/'


def exists(path):
    try:
        _stat(_fspath(path), True)
    except (OSError, ValueError):
        return False
    return True


def lexists(path):
    try:
        _stat(_fspath(path), False)
    except (OSError, ValueError):
        return False
    return True


def _mode(path, follow=True):
    try:
        return _stat(_fspath(path), follow)[0]
    except (OSError, ValueError):
        return None


def isfile(path):
    m = _mode(path)
    return m is not None and (m & _S_IFMT) == _S_IFREG


def isdir(s):
    m = _mode(s)
    return m is not None and (m & _S_IFMT) == _S_IFDIR


def islink(path):
    m = _mode(path, False)
    return m is not None and (m & _S_IFMT) == _S_IFLNK


def getsize(filename):
    return _stat(_fspath(filename), True)[6]


def getmtime(filename):
    return _stat(_fspath(filename), True)[8]


def getatime(filename):
    return _stat(_fspath(filename), True)[7]


def getctime(filename):
    return _stat(_fspath(filename), True)[9]


def commonprefix(m):
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    if start is None:
        start = curdir
    start_list = [x for x in abspath(start).split(sep) if x]
    path_list = [x for x in abspath(path).split(sep) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)
