"""pyt's warnings module: CPython 3.11's semantics (its C `_warnings` accelerator and the
Python fallback in warnings.py agree), written in Python over one native query,
`_pyt_frames.location`, that gives the file, line and globals of the frame a warning blames.

Filters hold a compiled regex for `message`/`module`. pyt has no `re` module yet, so unless
one can be imported, patterns compile with `_MiniRegex` below: literals, `.`, classes
`[...]`, `\\d \\w \\s` (and upper-case negations), `\\b \\B`, `* + ? {m,n}` (greedy or lazy), groups,
`|`, `^`, `$`, `\\A`, `\\Z`; like `re.match` it anchors at the start of the text only.
The default filters, as CPython's, hold the plain string '__main__' (an exact match)."""

import sys
from _pyt_frames import location as _location, hide_warnings_frames as _hide

__all__ = ["warn", "warn_explicit", "showwarning",
           "formatwarning", "filterwarnings", "simplefilter",
           "resetwarnings", "catch_warnings"]



import _thread as _thread_mod
_registry_lock = _thread_mod.RLock()

def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    msg = WarningMessage(message, category, filename, lineno, None, line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    s = f"{msg.filename}:{msg.lineno}: {category}: {msg.message}\n"
    if msg.line is None:
        try:
            import linecache
            line = linecache.getline(msg.filename, msg.lineno)
        except Exception:
            line = None
    else:
        line = msg.line
    if line:
        line = line.strip()
        s += "  %s\n" % line
    if msg.source is not None:
        # CPython's tracemalloc is never tracing here: it says how to get the traceback.
        s += (f'{category}: Enable tracemalloc to get the object '
              f'allocation traceback\n')
    return s


_showwarning_orig = showwarning


def _showwarnmsg(msg):
    try:
        sw = showwarning
    except NameError:
        pass
    else:
        if sw is not _showwarning_orig:
            if not callable(sw):
                raise TypeError("warnings.showwarning() must be set to a "
                                "function or method")
            sw(msg.message, msg.category, msg.filename, msg.lineno,
               msg.file, msg.line)
            return
    _showwarnmsg_impl(msg)


_formatwarning_orig = formatwarning


def _formatwarnmsg(msg):
    try:
        fw = formatwarning
    except NameError:
        pass
    else:
        if fw is not _formatwarning_orig:
            return fw(msg.message, msg.category,
                      msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


def _compile(pattern, ignorecase):
    try:
        import re
    except ImportError:
        return _MiniRegex(pattern, ignorecase)
    return re.compile(pattern, re.I) if ignorecase else re.compile(pattern)


def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Insert an entry into the list of warnings filters (at the front)."""
    assert action in ("error", "ignore", "always", "default", "module",
                      "once"), "invalid action: %r" % (action,)
    assert isinstance(message, str), "message must be a string"
    assert isinstance(category, type), "category must be a class"
    assert issubclass(category, Warning), "category must be a Warning subclass"
    assert isinstance(module, str), "module must be a string"
    assert isinstance(lineno, int) and lineno >= 0, \
        "lineno must be an int >= 0"
    message = _compile(message, True) if message else None
    module = _compile(module, False) if module else None
    _add_filter(action, message, category, module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front)."""
    assert action in ("error", "ignore", "always", "default", "module",
                      "once"), "invalid action: %r" % (action,)
    assert isinstance(lineno, int) and lineno >= 0, \
        "lineno must be an int >= 0"
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    else:
        if item not in filters:
            filters.append(item)
    _filters_mutated()


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


class _OptionError(Exception):
    """Exception used by option processing helpers."""
    pass


def _processoptions(args):
    for arg in args:
        try:
            _setoption(arg)
        except _OptionError as msg:
            print("Invalid -W option ignored:", msg, file=sys.stderr)


def _escape(text):
    return ''.join('\\' + c if not (c.isalnum() or c == '_') else c for c in text)


def _setoption(arg):
    parts = arg.split(':')
    if len(parts) > 5:
        raise _OptionError("too many fields (max 5): %r" % (arg,))
    while len(parts) < 5:
        parts.append('')
    action, message, category, module, lineno = [s.strip() for s in parts]
    action = _getaction(action)
    category = _getcategory(category)
    if message:
        message = _escape(message)
    if module:
        module = _escape(module) + r'\Z'
    if lineno:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError("invalid lineno %r" % (lineno,)) from None
    else:
        lineno = 0
    filterwarnings(action, message, category, module, lineno)


def _getaction(action):
    if not action:
        return "default"
    if action == "all":
        return "always"
    for a in ('default', 'always', 'ignore', 'module', 'once', 'error'):
        if a.startswith(action):
            return a
    raise _OptionError("invalid action: %r" % (action,))


def _getcategory(category):
    if not category:
        return Warning
    if '.' not in category:
        import builtins as m
        klass = category
    else:
        module, _, klass = category.rpartition('.')
        try:
            m = __import__(module, None, None, [klass])
        except ImportError:
            raise _OptionError("invalid module name: %r" % (module,)) from None
    try:
        cat = getattr(m, klass)
    except AttributeError:
        raise _OptionError("unknown warning category: %r" % (category,)) from None
    if not issubclass(cat, Warning):
        raise _OptionError("invalid warning category: %r" % (category,))
    return cat


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, "
                        "not '{:s}'".format(type(category).__name__))
    # Depth 0 is this function's own frame; stacklevel 1 (or less) blames its caller.
    where = _location(stacklevel if stacklevel > 1 else 1)
    py2 = False
    if where is None:
        globals = sys.__dict__
        filename = "sys"
        lineno = 1
    else:
        filename, lineno, globals, py2 = where
    if '__name__' in globals:
        module = globals['__name__']
    else:
        module = "<string>"
    registry = globals.setdefault("__warningregistry__", {})
    try:
        _warn_explicit(message, category, filename, lineno, module, registry,
                       globals, source, py2)
    except Warning as e:
        # Raised by the "error" action: the traceback starts at the caller, as CPython's.
        _hide(e)
        raise


def _matches(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == text
    return pattern.match(text)


def warn_explicit(message, category, filename, lineno,
                  module=None, registry=None, module_globals=None,
                  source=None):
    try:
        _warn_explicit(message, category, filename, lineno, module, registry,
                       module_globals, source)
    except Warning as e:
        _hide(e)
        raise


def _warn_explicit(message, category, filename, lineno,
                   module=None, registry=None, module_globals=None,
                   source=None, py2=False):
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    # The registry check and update are one step (CPython's C code does them under the GIL):
    # two threads warning from the same line at once must print it once. The version reset is
    # part of it (else one thread's clear() can drop the key another just recorded).
    with _registry_lock:
        if registry.get('version', 0) != _filters_version:
            registry.clear()
            registry['version'] = _filters_version
        key = (text, category, lineno)
        if registry.get(key):
            return
        for item in filters:
            action, msg, cat, mod, ln = item
            if (_matches(msg, text) and
                    issubclass(category, cat) and
                    _matches(mod, module) and
                    (ln == 0 or lineno == ln)):
                break
        else:
            action = defaultaction
            item = None
        if py2 and item is _MAIN_DEPRECATIONS:
            # Blamed on Python 2 code (pyt's compatibility mode): CPython 2.7's defaults ignore
            # DeprecationWarning everywhere, __main__ included.
            return
        if action == "ignore":
            return
        if action == "error":
            raise message
        if action == "once":
            registry[key] = 1
            oncekey = (text, category)
            if onceregistry.get(oncekey):
                return
            onceregistry[oncekey] = 1
        elif action == "always":
            pass
        elif action == "module":
            registry[key] = 1
            altkey = (text, category, 0)
            if registry.get(altkey):
                return
            registry[altkey] = 1
        elif action == "default":
            registry[key] = 1
        else:
            raise RuntimeError(
                "Unrecognized action (%r) in warnings.filters:\n %s" %
                (action, item))
    msg = WarningMessage(message, category, filename, lineno, source)
    _showwarnmsg(msg)


class WarningMessage(object):

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file",
                        "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))


class catch_warnings(object):
    """A context manager that copies and restores the warnings filters (and showwarning)
    upon exiting the context; with record=True, warnings are appended to the list it
    returns instead of being shown."""

    def __init__(self, *, record=False, module=None,
                 action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules['warnings']:
            args.append("module=%r" % self._module)
        name = type(self).__name__
        return "%s(%s)" % (name, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        self._filters = self._module.filters
        self._module.filters = self._filters[:]
        self._module._filters_mutated()
        self._showwarning = self._module.showwarning
        self._showwarnmsg_impl = self._module._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            self._module._showwarnmsg_impl = log.append
            self._module.showwarning = self._module._showwarning_orig
            return log
        else:
            return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        self._module.filters = self._filters
        self._module._filters_mutated()
        self._module.showwarning = self._showwarning
        self._module._showwarnmsg_impl = self._showwarnmsg_impl


_DEPRECATED_MSG = "{name!r} is deprecated and slated for removal in Python {remove}"


def _deprecated(name, message=_DEPRECATED_MSG, *, remove, _version=sys.version_info):
    remove_formatted = f"{remove[0]}.{remove[1]}"
    if (_version[:2] > remove) or (_version[:2] == remove and _version[3] != "alpha"):
        msg = f"{name!r} was slated for removal after Python {remove_formatted} alpha"
        raise RuntimeError(msg)
    else:
        msg = message.format(name=name, remove=remove_formatted)
        warn(msg, DeprecationWarning, stacklevel=3)


class _MiniRegex:
    """The subset of `re` that warning filters use (see the module docstring)."""

    def __init__(self, pattern, ignorecase=False):
        self.pattern = pattern
        self.flags = 2 if ignorecase else 0
        self._icase = ignorecase
        self._src = pattern
        self._pos = 0
        self._alts = self._parse_alts()
        if self._pos < len(pattern):
            raise ValueError("unbalanced parenthesis at position %d" % self._pos)

    def __repr__(self):
        if self._icase:
            return "re.compile(%r, re.IGNORECASE)" % (self.pattern,)
        return "re.compile(%r)" % (self.pattern,)

    def __eq__(self, other):
        return (isinstance(other, _MiniRegex) and self.pattern == other.pattern
                and self.flags == other.flags)

    def __hash__(self):
        return hash((self.pattern, self.flags))

    # Parsing: alternatives are lists of (node, min, max, greedy).
    def _parse_alts(self):
        alts = [self._parse_seq()]
        while self._pos < len(self._src) and self._src[self._pos] == '|':
            self._pos += 1
            alts.append(self._parse_seq())
        return alts

    def _parse_seq(self):
        seq = []
        src = self._src
        while self._pos < len(src) and src[self._pos] not in '|)':
            node = self._parse_atom()
            lo, hi, greedy = 1, 1, True
            if self._pos < len(src) and src[self._pos] in '*+?{':
                c = src[self._pos]
                if c == '{':
                    end = src.find('}', self._pos)
                    body = src[self._pos + 1:end] if end > 0 else ''
                    parts = body.split(',')
                    if end < 0 or len(parts) > 2 or not all(
                            p.isdigit() or p == '' for p in parts) or not parts[0] + parts[-1]:
                        seq.append((node, 1, 1, True))
                        continue
                    lo = int(parts[0]) if parts[0] else 0
                    hi = (int(parts[-1]) if parts[-1] else -1) if len(parts) == 2 else lo
                    self._pos = end + 1
                else:
                    lo, hi = {'*': (0, -1), '+': (1, -1), '?': (0, 1)}[c]
                    self._pos += 1
                if self._pos < len(src) and src[self._pos] == '?':
                    greedy = False
                    self._pos += 1
            seq.append((node, lo, hi, greedy))
        return seq

    def _parse_atom(self):
        src = self._src
        c = src[self._pos]
        self._pos += 1
        if c == '.':
            return ('any',)
        if c == '^':
            return ('bol',)
        if c == '$':
            return ('eol',)
        if c == '(':
            if src.startswith('?:', self._pos):
                self._pos += 2
            alts = self._parse_alts()
            if self._pos >= len(src) or src[self._pos] != ')':
                raise ValueError("missing ), unterminated subpattern")
            self._pos += 1
            return ('group', alts)
        if c == '[':
            return self._parse_class()
        if c == '\\':
            return self._parse_escape(False)
        return ('lit', c.lower() if self._icase else c)

    def _parse_escape(self, in_class):
        src = self._src
        if self._pos >= len(src):
            raise ValueError("bad escape (end of pattern)")
        c = src[self._pos]
        self._pos += 1
        if c in 'dwsDWS':
            return ('cls', [('esc', c.lower())], c.isupper())
        if not in_class:
            if c == 'A':
                return ('bol',)
            if c == 'Z':
                return ('eos',)
            if c in 'bB':
                return ('wordb', c == 'B')
        c = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v'}.get(c, c)
        return ('lit', c.lower() if self._icase else c)

    def _parse_class(self):
        src = self._src
        neg = False
        if self._pos < len(src) and src[self._pos] == '^':
            neg = True
            self._pos += 1
        items = []
        first = True
        while self._pos < len(src) and (src[self._pos] != ']' or first):
            first = False
            if src[self._pos] == '\\':
                self._pos += 1
                node = self._parse_escape(True)
                if node[0] == 'cls':
                    items.append(node[1][0] if not node[2] else ('nesc', node[1][0][1]))
                    continue
                lo = node[1]
            else:
                lo = src[self._pos]
                self._pos += 1
            if (self._pos + 1 < len(src) and src[self._pos] == '-'
                    and src[self._pos + 1] != ']'):
                hi = src[self._pos + 1]
                self._pos += 2
                items.append(('range', lo, hi))
            else:
                items.append(('range', lo, lo))
        if self._pos >= len(src):
            raise ValueError("unterminated character set")
        self._pos += 1
        return ('cls', items, neg)

    # Matching, with backtracking through continuations.
    def _one(self, node, s, i):
        """Does the single-character node match s[i]?"""
        if i >= len(s):
            return False
        ch = s[i]
        kind = node[0]
        if kind == 'any':
            return ch != '\n'
        if kind == 'lit':
            return (ch.lower() if self._icase else ch) == node[1]
        if kind == 'cls':
            hit = False
            for item in node[1]:
                if item[0] == 'range':
                    lo, hi = item[1], item[2]
                    if lo <= ch <= hi or (self._icase and (
                            lo <= ch.lower() <= hi or lo <= ch.upper() <= hi)):
                        hit = True
                        break
                elif self._esc(item[1], ch) != (item[0] == 'nesc'):
                    hit = True
                    break
            return hit != node[2]
        return False

    @staticmethod
    def _esc(c, ch):
        if c == 'd':
            return ch.isdigit()
        if c == 'w':
            return ch.isalnum() or ch == '_'
        return ch.isspace()

    def _seq(self, seq, k, s, i, cont):
        if k == len(seq):
            return cont(i)
        node, lo, hi, greedy = seq[k]
        kind = node[0]
        if kind == 'wordb':
            before = i > 0 and self._esc('w', s[i - 1])
            after = i < len(s) and self._esc('w', s[i])
            if (before != after) == node[1]:
                return None
            return self._seq(seq, k + 1, s, i, cont)
        if kind in ('bol', 'eol', 'eos'):
            ok = (i == 0 if kind == 'bol' else
                  i == len(s) if kind == 'eos' else
                  i == len(s) or (i == len(s) - 1 and s[i] == '\n'))
            return self._seq(seq, k + 1, s, i, cont) if ok else None
        if kind != 'group':
            # Single characters: count the run, then try the lengths without recursing.
            n = 0
            while (hi < 0 or n < hi) and self._one(node, s, i + n):
                n += 1
            if n < lo:
                return None
            counts = range(n, lo - 1, -1) if greedy else range(lo, n + 1)
            for c in counts:
                r = self._seq(seq, k + 1, s, i + c, cont)
                if r is not None:
                    return r
            return None
        return self._rep(node[1], lo, hi, greedy, 0, seq, k, s, i, cont)

    def _rep(self, alts, lo, hi, greedy, count, seq, k, s, i, cont):
        def more(j):
            if j == i and count >= lo:
                return None
            return self._rep(alts, lo, hi, greedy, count + 1, seq, k, s, j, cont)

        def rest():
            return self._seq(seq, k + 1, s, i, cont) if count >= lo else None

        if not greedy:
            r = rest()
            if r is not None:
                return r
        if hi < 0 or count < hi:
            for alt in alts:
                r = self._seq(alt, 0, s, i, more)
                if r is not None:
                    return r
        return None if not greedy else rest()

    def match(self, string):
        for alt in self._alts:
            end = self._seq(alt, 0, string, 0, lambda j: j)
            if end is not None:
                return _MiniMatch(string, end)
        return None


class _MiniMatch:
    def __init__(self, string, end):
        self.string = string
        self._end = end

    def group(self, n=0):
        return self.string[:self._end]

    def span(self):
        return (0, self._end)

    def __bool__(self):
        return True


filters = []
defaultaction = "default"
onceregistry = {}
_filters_version = 1


def _filters_mutated():
    global _filters_version
    _filters_version += 1


_processoptions(getattr(sys, 'warnoptions', []))
# CPython's defaults (the C accelerator's list, '__main__' a plain string).
_MAIN_DEPRECATIONS = ('default', None, DeprecationWarning, '__main__', 0)
filters.append(_MAIN_DEPRECATIONS)
filters.append(('ignore', None, DeprecationWarning, None, 0))
filters.append(('ignore', None, PendingDeprecationWarning, None, 0))
filters.append(('ignore', None, ImportWarning, None, 0))
filters.append(('ignore', None, ResourceWarning, None, 0))
