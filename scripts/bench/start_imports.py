# Start-up: the imports every threaded program begins with.
import threading, queue, logging
print('checksum', threading.active_count(), queue.Queue().qsize(), logging.getLogger().level)
