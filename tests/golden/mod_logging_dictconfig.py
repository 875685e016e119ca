# logging.config.dictConfig as note 004 uses it: formatters, StreamHandler to ext://sys.stdout,
# FileHandler, root and loggers; version errors.
import logging
from logging.config import dictConfig
import logging.config, os, sys
logging_config = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"default": {"format": "%(levelname)-8s %(name)s %(message)s"}},
    "handlers": {
        "console": {"level": "INFO", "class": "logging.StreamHandler", "formatter": "default", "stream": "ext://sys.stdout"},
        "file_logger": {"level": "INFO", "class": "logging.FileHandler", "formatter": "default", "filename": "mod_logging_dictconfig.tmp.log", "mode": "w"},
    },
    "root": {"handlers": ["file_logger", "console"], "level": "INFO"},
    "loggers": {"x.y": {"level": "DEBUG", "propagate": True}},
}
dictConfig(logging_config)
logging.getLogger("x.y").debug("dbg")
logging.getLogger(__name__).info("wait for stop_event")
logging.getLogger("z").debug("no")
print(logging.config.dictConfig is dictConfig, [type(h).__name__ for h in logging.root.handlers])
try:
    dictConfig({})
except ValueError as e: print(e)
try:
    dictConfig({"version": 2})
except ValueError as e: print(e)
try:
    dictConfig({"version": 1, "handlers": {"h": {"class": "logging.Nope"}}})
except ValueError as e: print(e, type(e.__cause__))
logging.shutdown()
print(open("mod_logging_dictconfig.tmp.log").read(), end='')
import os; os.remove("mod_logging_dictconfig.tmp.log")
