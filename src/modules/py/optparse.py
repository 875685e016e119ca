"""optparse: the command-line parser of CPython's Lib/optparse.py, reduced to what scripts use:
OptionParser with add_option (actions store, store_const, store_true, store_false, append,
append_const, count, callback, help, version; types string, int, float, choice), parse_args
with short, clustered, long and `--opt=value` options, `--` and interspersed arguments, and
CPython's usage, help and error output. Not built: OptionGroup, TitledHelpFormatter."""

import os
import sys

__all__ = ['Option', 'make_option', 'OptionParser', 'Values', 'OptionError',
           'OptionValueError', 'BadOptionError', 'OptParseError', 'SUPPRESS_HELP',
           'SUPPRESS_USAGE', 'IndentedHelpFormatter']

SUPPRESS_HELP = "SUPPRESS" + "HELP"
SUPPRESS_USAGE = "SUPPRESS" + "USAGE"
NO_DEFAULT = ("NO", "DEFAULT")


class OptParseError(Exception):
    def __init__(self, msg):
        self.msg = msg

    def __str__(self):
        return self.msg


class OptionError(OptParseError):
    def __init__(self, msg, option):
        self.msg = msg
        self.option_id = str(option)

    def __str__(self):
        if self.option_id:
            return "option %s: %s" % (self.option_id, self.msg)
        return self.msg


class OptionValueError(OptParseError):
    pass


class BadOptionError(OptParseError):
    def __init__(self, opt_str):
        self.opt_str = opt_str

    def __str__(self):
        return "no such option: %s" % self.opt_str


class Values:
    def __init__(self, defaults=None):
        if defaults:
            for (attr, val) in defaults.items():
                setattr(self, attr, val)

    def __str__(self):
        return str(self.__dict__)

    def __repr__(self):
        return "<%s at 0x%x: %s>" % (self.__class__.__name__, id(self), self)

    def __eq__(self, other):
        if isinstance(other, Values):
            return self.__dict__ == other.__dict__
        if isinstance(other, dict):
            return self.__dict__ == other
        return NotImplemented

    def ensure_value(self, attr, value):
        if not hasattr(self, attr) or getattr(self, attr) is None:
            setattr(self, attr, value)
        return getattr(self, attr)


def _parse_num(val, type_):
    if val[:2].lower() == "0x":
        return type_(val[2:], 16)
    if val[:2].lower() == "0b":
        return type_(val[2:], 2)
    if val[:2].lower() == "0o":
        return type_(val[2:], 8)
    return type_(val)


def _check_builtin(option, opt, value):
    kinds = {"int": (int, "integer"), "float": (float, "floating-point")}
    cvt, what = kinds[option.type]
    try:
        return _parse_num(value, int) if cvt is int else float(value)
    except ValueError:
        raise OptionValueError("option %s: invalid %s value: %r" % (opt, what, value))


def _check_choice(option, opt, value):
    if value in option.choices:
        return value
    choices = ", ".join(map(repr, option.choices))
    raise OptionValueError("option %s: invalid choice: %r (choose from %s)" % (opt, value, choices))


class Option:
    ATTRS = ['action', 'type', 'dest', 'default', 'nargs', 'const', 'choices', 'callback',
             'callback_args', 'callback_kwargs', 'help', 'metavar']
    ACTIONS = ("store", "store_const", "store_true", "store_false", "append", "append_const",
               "count", "callback", "help", "version")
    STORE_ACTIONS = ("store", "store_const", "store_true", "store_false", "append",
                     "append_const", "count")
    TYPED_ACTIONS = ("store", "append", "callback")
    ALWAYS_TYPED_ACTIONS = ("store", "append")
    CONST_ACTIONS = ("store_const", "append_const")
    TYPES = ("string", "int", "float", "choice")
    TYPE_CHECKER = {"int": _check_builtin, "float": _check_builtin, "choice": _check_choice}

    def __init__(self, *opts, **attrs):
        self._short_opts = []
        self._long_opts = []
        for opt in opts:
            if len(opt) < 2:
                raise OptionError("invalid option string %r: must be at least two characters long" % opt, self)
            if len(opt) == 2:
                if not (opt[0] == "-" and opt[1] != "-"):
                    raise OptionError("invalid short option string %r: must be of the form -x, (x any non-dash char)" % opt, self)
                self._short_opts.append(opt)
            else:
                if not (opt[0:2] == "--" and opt[2] != "-"):
                    raise OptionError("invalid long option string %r: must start with --, followed by non-dash" % opt, self)
                self._long_opts.append(opt)
        if not opts:
            raise TypeError("at least one option string must be supplied")
        for attr in self.ATTRS:
            setattr(self, attr, attrs.pop(attr, NO_DEFAULT if attr == 'default' else None))
        if attrs:
            attrs = sorted(attrs.keys())
            raise OptionError("invalid keyword arguments: %s" % ", ".join(attrs), self)
        if self.action is None:
            self.action = "store"
        elif self.action not in self.ACTIONS:
            raise OptionError("invalid action: %r" % self.action, self)
        if self.type is None:
            if self.action in self.ALWAYS_TYPED_ACTIONS:
                self.type = "choice" if self.choices is not None else "string"
        else:
            if isinstance(self.type, type):
                self.type = self.type.__name__
            if self.type == "str":
                self.type = "string"
            if self.type not in self.TYPES:
                raise OptionError("invalid option type: %r" % self.type, self)
        if self.dest is None and self.action in self.STORE_ACTIONS + ("callback",) and (self.type or self.action != "callback"):
            if self._long_opts:
                self.dest = self._long_opts[0][2:].replace('-', '_')
            else:
                self.dest = self._short_opts[0][1]
        if self.takes_value() and self.nargs is None:
            self.nargs = 1

    def __str__(self):
        return "/".join(self._short_opts + self._long_opts)

    __repr__ = object.__repr__

    def takes_value(self):
        return self.type is not None

    def get_opt_string(self):
        return self._long_opts[0] if self._long_opts else self._short_opts[0]

    def check_value(self, opt, value):
        checker = self.TYPE_CHECKER.get(self.type)
        return value if checker is None else checker(self, opt, value)

    def process(self, opt, value, values, parser):
        if value is not None:
            if self.nargs == 1:
                value = self.check_value(opt, value)
            else:
                value = tuple(self.check_value(opt, v) for v in value)
        return self.take_action(self.action, self.dest, opt, value, values, parser)

    def take_action(self, action, dest, opt, value, values, parser):
        if action == "store":
            setattr(values, dest, value)
        elif action == "store_const":
            setattr(values, dest, self.const)
        elif action == "store_true":
            setattr(values, dest, True)
        elif action == "store_false":
            setattr(values, dest, False)
        elif action == "append":
            values.ensure_value(dest, []).append(value)
        elif action == "append_const":
            values.ensure_value(dest, []).append(self.const)
        elif action == "count":
            setattr(values, dest, values.ensure_value(dest, 0) + 1)
        elif action == "callback":
            args = self.callback_args or ()
            kwargs = self.callback_kwargs or {}
            self.callback(self, opt, value, parser, *args, **kwargs)
        elif action == "help":
            parser.print_help()
            parser.exit()
        elif action == "version":
            parser.print_version()
            parser.exit()
        return 1


make_option = Option


class IndentedHelpFormatter:
    def __init__(self, indent_increment=2, max_help_position=24, width=None, short_first=1):
        if width is None:
            try:
                width = int(os.environ['COLUMNS'])
            except (KeyError, ValueError):
                width = 80
            width -= 2
        self.width = width
        self.help_position = self.max_help_position = min(max_help_position, max(width - 20, indent_increment * 2))
        self.indent_increment = indent_increment

    def format_usage(self, usage):
        return "Usage: %s\n" % usage

    def format_option_strings(self, option):
        if option.takes_value():
            metavar = option.metavar or option.dest.upper()
            short = [s + " " + metavar for s in option._short_opts]
            long = [l + "=" + metavar for l in option._long_opts]
        else:
            short, long = option._short_opts, option._long_opts
        return ", ".join(short + long)


def _wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = line + " " + word if line else word
    if line:
        lines.append(line)
    return lines


class OptionParser:
    standard_option_list = []

    def __init__(self, usage=None, option_list=None, option_class=Option, version=None,
                 conflict_handler="error", description=None, formatter=None,
                 add_help_option=True, prog=None, epilog=None):
        self.option_class = option_class
        self.prog = prog
        self.version = version
        self.description = description
        self.epilog = epilog
        self.formatter = formatter or IndentedHelpFormatter()
        self.allow_interspersed_args = True
        self.option_list = []
        self._short_opt = {}
        self._long_opt = {}
        self.defaults = {}
        self.set_usage(usage)
        if add_help_option:
            self.add_option("-h", "--help", action="help", help="show this help message and exit")
        if version:
            self.add_option("--version", action="version", help="show program's version number and exit")
        for opt in option_list or ():
            self.add_option(opt)

    def set_usage(self, usage):
        if usage is None:
            self.usage = "%prog [options]"
        elif usage is SUPPRESS_USAGE:
            self.usage = None
        elif usage.lower().startswith("usage: "):
            self.usage = usage[7:]
        else:
            self.usage = usage

    def add_option(self, *args, **kwargs):
        if len(args) == 1 and isinstance(args[0], Option) and not kwargs:
            option = args[0]
        else:
            option = self.option_class(*args, **kwargs)
        for opt in option._short_opts + option._long_opts:
            if opt in self._short_opt or opt in self._long_opt:
                raise OptionError("conflicting option string(s): %s" % opt, option)
        self.option_list.append(option)
        for opt in option._short_opts:
            self._short_opt[opt] = option
        for opt in option._long_opts:
            self._long_opt[opt] = option
        if option.dest is not None:
            if option.default is not NO_DEFAULT:
                self.defaults[option.dest] = option.default
            elif option.dest not in self.defaults:
                self.defaults[option.dest] = None
        return option

    def add_options(self, option_list):
        for option in option_list:
            self.add_option(option)

    def get_option(self, opt_str):
        return self._short_opt.get(opt_str) or self._long_opt.get(opt_str)

    def has_option(self, opt_str):
        return opt_str in self._short_opt or opt_str in self._long_opt

    def set_defaults(self, **kwargs):
        self.defaults.update(kwargs)

    def set_default(self, dest, value):
        self.defaults[dest] = value

    def disable_interspersed_args(self):
        self.allow_interspersed_args = False

    def enable_interspersed_args(self):
        self.allow_interspersed_args = True

    def get_default_values(self):
        return Values(self.defaults)

    def parse_args(self, args=None, values=None):
        rargs = list(sys.argv[1:] if args is None else args)
        self.values = values = values if values is not None else self.get_default_values()
        self.largs = largs = []
        self.rargs = rargs
        try:
            while rargs:
                arg = rargs[0]
                if arg == "--":
                    del rargs[0]
                    break
                elif arg[0:2] == "--":
                    self._process_long_opt(rargs, values)
                elif arg[:1] == "-" and len(arg) > 1:
                    self._process_short_opts(rargs, values)
                elif self.allow_interspersed_args:
                    largs.append(arg)
                    del rargs[0]
                else:
                    break
        except (BadOptionError, OptionValueError) as err:
            self.error(str(err))
        return values, largs + rargs

    def _match_long_opt(self, opt):
        if opt in self._long_opt:
            return opt
        possibilities = [word for word in self._long_opt if word.startswith(opt)]
        if len(possibilities) == 1:
            return possibilities[0]
        if not possibilities:
            raise BadOptionError(opt)
        possibilities.sort()
        raise OptParseError("ambiguous option: %s (%s?)" % (opt, ", ".join(possibilities)))

    def _process_long_opt(self, rargs, values):
        arg = rargs.pop(0)
        if "=" in arg:
            opt, next_arg = arg.split("=", 1)
            rargs.insert(0, next_arg)
            had_explicit_value = True
        else:
            opt = arg
            had_explicit_value = False
        try:
            opt = self._match_long_opt(opt)
        except OptParseError as err:
            self.error(str(err))
        option = self._long_opt[opt]
        if option.takes_value():
            value = self._take_values(option, opt, rargs)
        elif had_explicit_value:
            self.error("%s option does not take a value" % opt)
            value = None
        else:
            value = None
        option.process(opt, value, values, self)

    def _take_values(self, option, opt, rargs):
        nargs = option.nargs
        if len(rargs) < nargs:
            if nargs == 1:
                self.error("%s option requires 1 argument" % opt)
            self.error("%s option requires %d arguments" % (opt, nargs))
        if nargs == 1:
            return rargs.pop(0)
        value = tuple(rargs[0:nargs])
        del rargs[0:nargs]
        return value

    def _process_short_opts(self, rargs, values):
        arg = rargs.pop(0)
        i = 1
        for ch in arg[1:]:
            opt = "-" + ch
            option = self._short_opt.get(opt)
            i += 1
            if not option:
                raise BadOptionError(opt)
            if option.takes_value():
                if i < len(arg):
                    rargs.insert(0, arg[i:])
                value = self._take_values(option, opt, rargs)
                option.process(opt, value, values, self)
                break
            option.process(opt, None, values, self)

    def get_prog_name(self):
        if self.prog is None:
            return os.path.basename(sys.argv[0])
        return self.prog

    def expand_prog_name(self, s):
        return s.replace("%prog", self.get_prog_name())

    def get_usage(self):
        if self.usage:
            return self.formatter.format_usage(self.expand_prog_name(self.usage))
        return ""

    def print_usage(self, file=None):
        if self.usage:
            print(self.get_usage(), file=file)

    def get_version(self):
        return self.expand_prog_name(self.version) if self.version else ""

    def print_version(self, file=None):
        if self.version:
            print(self.get_version(), file=file)

    def format_option_help(self):
        fmt = self.formatter
        shown = [o for o in self.option_list if o.help is not SUPPRESS_HELP]
        strings = {id(o): fmt.format_option_strings(o) for o in shown}
        max_len = max([len(s) + fmt.indent_increment for s in strings.values()] + [0])
        help_position = min(max_len + 2, fmt.max_help_position)
        help_width = max(fmt.width - help_position, 11)
        out = ["Options:\n"]
        for o in shown:
            opts = strings[id(o)]
            indent = fmt.indent_increment
            if len(opts) > help_position - indent - 2:
                out.append("%*s%s\n" % (indent, "", opts))
                first = True
            else:
                out.append("%*s%-*s  " % (indent, "", help_position - indent - 2, opts))
                first = False
            if not o.help:
                if not first:
                    out.append("\n")
                continue
            text = o.help
            if "%default" in text:
                default = self.defaults.get(o.dest)
                text = text.replace("%default", str("none" if default is NO_DEFAULT or default is None else default))
            lines = _wrap(text, help_width)
            if first:
                out.extend("%*s%s\n" % (help_position, "", line) for line in lines)
            else:
                out.append(lines[0] + "\n" if lines else "\n")
                out.extend("%*s%s\n" % (help_position, "", line) for line in lines[1:])
        return "".join(out)

    def format_help(self, formatter=None):
        result = []
        if self.usage:
            result.append(self.get_usage() + "\n")
        if self.description:
            result.append("\n".join(_wrap(self.expand_prog_name(self.description), self.formatter.width)) + "\n\n")
        result.append(self.format_option_help())
        if self.epilog:
            result.append("\n" + "\n".join(_wrap(self.epilog, self.formatter.width)) + "\n")
        return "".join(result)

    def print_help(self, file=None):
        (file or sys.stdout).write(self.format_help())

    def exit(self, status=0, msg=None):
        if msg:
            sys.stderr.write(msg)
        sys.exit(status)

    def error(self, msg):
        self.print_usage(sys.stderr)
        self.exit(2, "%s: error: %s\n" % (self.get_prog_name(), msg))

