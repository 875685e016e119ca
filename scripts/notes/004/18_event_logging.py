# note: 004_c63cb88ec52ee013.txt, section: 线程事件
# -*- coding: utf-8 -*-

import time
import logging
from threading import Thread, Event
from logging.config import dictConfig


logging_config = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"default": {"format": "%(asctime)s %(levelname)-8s %(filename)s:%(lineno)d %(message)s"}},
    "handlers": {
        "console": {"level": "INFO", "class": "logging.StreamHandler", "formatter": "default"},
        "file_logger": {
            "level": "INFO",
            "class": "logging.FileHandler",
            "formatter": "default",
            "filename": "threading.log",
        },
    },
    "root": {"handlers": ["file_logger", "console"], "level": "INFO"},
}
dictConfig(logging_config)
stop_event = Event()


def continue_thread_run():
    logger = logging.getLogger(__name__)
    while True:
        if stop_event.is_set():
            break
        logger.info("wait for stop_event")
        time.sleep(1)


def wait_for_time():
    logger = logging.getLogger(__name__)
    while True:
        if int(time.time()) > 1615711196:
            stop_event.set()
            break
        logger.info("stop_event not ready:%d" % int(time.time()))
        time.sleep(1)


if __name__ == '__main__':
    thread_list = [Thread(target=continue_thread_run), Thread(target=wait_for_time)]
    for thread in thread_list:
        # thread.setDaemon(True)
        thread.start()

    for thread in thread_list:
        thread.join()
