"""pyt's logging.config: dictConfig (schema version 1) and its resolvers, after CPython's."""

import logging
import sys

__all__ = ['dictConfig', 'DictConfigurator', 'valid_ident']

IDENTIFIER_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'


def valid_ident(s):
    if not s or s[0].isdigit() or any(c not in IDENTIFIER_CHARS for c in s):
        raise ValueError('Not a valid Python identifier: %r' % s)
    return True


def _resolve(name):
    """Imports a dotted name: `logging.StreamHandler`, `mypkg.mod.Class`."""
    parts = name.split('.')
    used = parts.pop(0)
    try:
        found = __import__(used)
    except ImportError as e:
        v = ValueError('Cannot resolve %r: %s' % (name, e))
        raise v from e
    for frag in parts:
        used += '.' + frag
        try:
            found = getattr(found, frag)
        except AttributeError:
            try:
                __import__(used)
            except ImportError as e:
                v = ValueError('Cannot resolve %r: %s' % (name, e))
                raise v from e
            found = getattr(found, frag)
    return found


def _convert(value):
    """`ext://sys.stdout` names an object; anything else stays as it is."""
    if isinstance(value, str) and value.startswith('ext://'):
        return _resolve(value[6:])
    return value


class DictConfigurator(object):
    def __init__(self, config):
        self.config = config

    def configure(self):
        config = self.config
        if 'version' not in config:
            raise ValueError("dictionary doesn't specify a version")
        if config['version'] != 1:
            raise ValueError("Unsupported version: %s" % config['version'])
        incremental = config.pop('incremental', False)
        with logging._lock:
            if incremental:
                for name, hconf in config.get('handlers', {}).items():
                    if name not in logging._handlers:
                        raise ValueError('No handler found with name %r' % name)
                    level = hconf.get('level', None)
                    if level:
                        logging._handlers[name].setLevel(logging._checkLevel(level))
                for name, lconf in config.get('loggers', {}).items():
                    self.configure_logger(name, lconf, True)
                root = config.get('root', None)
                if root:
                    self.configure_root(root, True)
                return
            disable_existing = config.pop('disable_existing_loggers', True)
            logging._handlers.clear()
            del logging._handlerList[:]

            formatters = config.get('formatters', {})
            self.formatters = {}
            for name in formatters:
                try:
                    self.formatters[name] = self.configure_formatter(formatters[name])
                except Exception as e:
                    raise ValueError('Unable to configure formatter %r' % name) from e
            filters = config.get('filters', {})
            self.filters = {}
            for name in filters:
                try:
                    self.filters[name] = self.configure_filter(filters[name])
                except Exception as e:
                    raise ValueError('Unable to configure filter %r' % name) from e
            handlers = config.get('handlers', {})
            self.handlers = {}
            for name in sorted(handlers):
                try:
                    handler = self.configure_handler(dict(handlers[name]))
                    handler.name = name
                    self.handlers[name] = handler
                except Exception as e:
                    raise ValueError('Unable to configure handler %r' % name) from e

            root = logging.root
            existing = list(root.manager.loggerDict.keys())
            existing.sort()
            child_loggers = []
            loggers = config.get('loggers', {})
            for name in loggers:
                if name in existing:
                    i = existing.index(name) + 1
                    prefixed = name + "."
                    pflen = len(prefixed)
                    num_existing = len(existing)
                    while i < num_existing:
                        if existing[i][:pflen] == prefixed:
                            child_loggers.append(existing[i])
                        i += 1
                    existing.remove(name)
                try:
                    self.configure_logger(name, loggers[name])
                except Exception as e:
                    raise ValueError('Unable to configure logger %r' % name) from e
            for log in existing:
                logger = root.manager.loggerDict[log]
                if log in child_loggers:
                    logger.level = logging.NOTSET
                    logger.handlers = []
                    logger.propagate = True
                elif disable_existing:
                    logger.disabled = True
            root_conf = config.get('root', None)
            if root_conf:
                try:
                    self.configure_root(root_conf)
                except Exception as e:
                    raise ValueError('Unable to configure root logger') from e

    def configure_formatter(self, config):
        config = dict(config)
        if '()' in config:
            factory = _convert(config.pop('()'))
            if isinstance(factory, str):
                factory = _resolve(factory)
            return factory(**config)
        fmt = config.get('format', None)
        dfmt = config.get('datefmt', None)
        style = config.get('style', '%')
        cname = config.get('class', None)
        validate = config.get('validate', True)
        c = _resolve(cname) if cname else logging.Formatter
        if 'defaults' in config:
            return c(fmt, dfmt, style, validate, defaults=config['defaults'])
        return c(fmt, dfmt, style, validate)

    def configure_filter(self, config):
        config = dict(config)
        if '()' in config:
            factory = config.pop('()')
            if isinstance(factory, str):
                factory = _resolve(factory)
            return factory(**config)
        return logging.Filter(config.get('name', ''))

    def add_filters(self, filterer, filters):
        for f in filters:
            try:
                filterer.addFilter(self.filters[f])
            except Exception as e:
                raise ValueError('Unable to add filter %r' % f) from e

    def configure_handler(self, config):
        formatter = config.pop('formatter', None)
        if formatter:
            try:
                formatter = self.formatters[formatter]
            except Exception as e:
                raise ValueError('Unable to set formatter %r' % formatter) from e
        level = config.pop('level', None)
        filters = config.pop('filters', None)
        if '()' in config:
            factory = config.pop('()')
            if isinstance(factory, str):
                factory = _resolve(factory)
        else:
            cname = config.pop('class')
            factory = _resolve(cname) if isinstance(cname, str) else cname
        kwargs = {}
        for k in config:
            if k != '.':
                kwargs[k] = _convert(config[k])
        result = factory(**kwargs)
        if formatter:
            result.setFormatter(formatter)
        if level is not None:
            result.setLevel(logging._checkLevel(level))
        if filters:
            self.add_filters(result, filters)
        return result

    def common_logger_config(self, logger, config, incremental=False):
        level = config.get('level', None)
        if level is not None:
            logger.setLevel(logging._checkLevel(level))
        if not incremental:
            for h in logger.handlers[:]:
                logger.removeHandler(h)
            for name in config.get('handlers', None) or []:
                try:
                    logger.addHandler(self.handlers[name])
                except Exception as e:
                    raise ValueError('Unable to add handler %r' % name) from e
            filters = config.get('filters', None)
            if filters:
                self.add_filters(logger, filters)

    def configure_logger(self, name, config, incremental=False):
        logger = logging.getLogger(name)
        self.common_logger_config(logger, config, incremental)
        logger.disabled = False
        propagate = config.get('propagate', None)
        if propagate is not None:
            logger.propagate = propagate

    def configure_root(self, config, incremental=False):
        self.common_logger_config(logging.getLogger(), config, incremental)


dictConfigClass = DictConfigurator


def dictConfig(config):
    """Configures logging from a dictionary (schema version 1)."""
    dictConfigClass(dict(config)).configure()
