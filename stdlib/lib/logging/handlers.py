"""More handlers: files that rotate by size, queues between threads, and
buffers that flush on a level.

    RotatingFileHandler    starts a new file when the current one would grow
                           past maxBytes, keeping backupCount old ones as
                           NAME.1 (newest) ... NAME.N
    QueueHandler           puts records on a queue (cheap for the logging
                           thread) ...
    QueueListener          ... and a thread takes them off and hands them to
                           the real handlers
    BufferingHandler,      keep records in memory; MemoryHandler passes them
    MemoryHandler          to a target when full or on a severe record
"""

import copy
import os
import queue
import threading


import logging


class QueueHandler(logging.Handler):
    """Puts each record, formatted and made picklable, on a queue."""

    def __init__(self, queue):
        logging.Handler.__init__(self)
        self.queue = queue

    def enqueue(self, record):
        self.queue.put_nowait(record)

    def prepare(self, record):
        """A copy of the record whose message is the formatted text, with
        the arguments and exception (which may not pickle) dropped."""
        text = self.format(record)
        record = copy.copy(record)
        record.message = text
        record.msg = text
        record.args = None
        record.exc_info = None
        record.exc_text = None
        return record

    def emit(self, record):
        prepared = None
        try:
            prepared = self.prepare(record)
            self.enqueue(prepared)
        except Exception:
            self.handleError(record)


class QueueListener(object):
    """A thread that takes records off a queue and passes them to handlers."""

    _sentinel = None

    def __init__(self, queue, *handlers, respect_handler_level=False):
        self.queue, self.handlers = queue, handlers
        self.respect_handler_level = respect_handler_level
        self._thread = None

    def dequeue(self, block):
        return self.queue.get(block)

    def start(self):
        self._thread = worker = threading.Thread(target=self._monitor)
        worker.daemon = True
        worker.start()

    def prepare(self, record):
        return record

    def handle(self, record):
        record = self.prepare(record)
        for handler in self.handlers:
            if not self.respect_handler_level or record.levelno >= handler.level:
                handler.handle(record)

    def _monitor(self):
        tracked = hasattr(self.queue, "task_done")
        while True:
            try:
                record = self.dequeue(True)
            except queue.Empty:
                return
            if record is not self._sentinel:
                self.handle(record)
            if tracked:
                self.queue.task_done()
            if record is self._sentinel:
                return

    def enqueue_sentinel(self):
        self.queue.put_nowait(self._sentinel)

    def stop(self):
        """Lets the thread finish the records queued so far, then joins it."""
        if self._thread is not None:
            self.enqueue_sentinel()
            self._thread.join()
            self._thread = None


class BufferingHandler(logging.Handler):
    """Keeps records in a list and flushes when shouldFlush says so."""

    def __init__(self, capacity):
        logging.Handler.__init__(self)
        self.capacity = capacity
        self.buffer = []

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity

    def emit(self, record):
        self.buffer.append(record)
        if self.shouldFlush(record):
            self.flush()

    def flush(self):
        with self.lock:
            self.buffer.clear()

    def close(self):
        try:
            self.flush()
        finally:
            logging.Handler.close(self)


class MemoryHandler(BufferingHandler):
    """Buffers records and hands them to `target` when the buffer is full or
    a record at flushLevel or above arrives."""

    def __init__(self, capacity, flushLevel=logging.ERROR, target=None, flushOnClose=True):
        BufferingHandler.__init__(self, capacity)
        self.flushLevel = flushLevel
        self.target = target
        self.flushOnClose = flushOnClose

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity or record.levelno >= self.flushLevel

    def setTarget(self, target):
        with self.lock:
            self.target = target

    def flush(self):
        with self.lock:
            if self.target is not None:
                for record in self.buffer:
                    self.target.handle(record)
                self.buffer.clear()

    def close(self):
        try:
            if self.flushOnClose:
                self.flush()
        finally:
            with self.lock:
                self.target = None
                BufferingHandler.close(self)


class WatchedFileHandler(logging.FileHandler):
    """Reopens its file when it was moved or removed since the last record
    (for logs rotated by another program)."""

    def __init__(self, filename, mode="a", encoding=None, delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding, delay=delay,
                                     errors=errors)
        self.dev = self.ino = -1
        self._statstream()

    def _statstream(self):
        if self.stream is not None:
            st = os.fstat(self.stream.fileno())
            self.dev, self.ino = st.st_dev, st.st_ino

    def reopenIfNeeded(self):
        try:
            st = os.stat(self.baseFilename)
            same = st.st_dev == self.dev and st.st_ino == self.ino
        except FileNotFoundError:
            same = False
        if same or self.stream is None:
            return
        self.stream.flush()
        self.stream.close()
        self.stream = None
        self.stream = self._open()
        self._statstream()

    def emit(self, record):
        self.reopenIfNeeded()
        logging.FileHandler.emit(self, record)


class BaseRotatingHandler(logging.FileHandler):
    """A file handler that may switch to a new file before a record: the
    subclass says when (shouldRollover) and how (doRollover)."""

    namer = None
    rotator = None

    def __init__(self, filename, mode, encoding=None, delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding, delay=delay,
                                     errors=errors)

    def emit(self, record):
        try:
            rolling = self.shouldRollover(record)
        except Exception:
            return self.handleError(record)
        if rolling:
            self.doRollover()
        logging.FileHandler.emit(self, record)

    def rotation_filename(self, default_name):
        return default_name if not callable(self.namer) else self.namer(default_name)

    def rotate(self, source, dest):
        if callable(self.rotator):
            self.rotator(source, dest)
        elif os.path.exists(source):
            os.rename(source, dest)


class RotatingFileHandler(BaseRotatingHandler):
    """Writes to a file and starts over when it would pass maxBytes,
    keeping backupCount older files (NAME.1 is the most recent)."""

    def __init__(self, filename, mode="a", maxBytes=0, backupCount=0, encoding=None,
                 delay=False, errors=None):
        if maxBytes > 0:
            mode = "a"   # "w" would truncate the file the rollover just kept
        BaseRotatingHandler.__init__(self, filename, mode, encoding=encoding, delay=delay,
                                     errors=errors)
        self.maxBytes = maxBytes
        self.backupCount = backupCount

    def _backup_name(self, index):
        return self.rotation_filename("%s.%d" % (self.baseFilename, index))

    def doRollover(self):
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        if self.backupCount > 0:
            for index in range(self.backupCount - 1, 0, -1):
                older, newer = self._backup_name(index + 1), self._backup_name(index)
                if os.path.exists(newer):
                    if os.path.exists(older):
                        os.remove(older)
                    os.rename(newer, older)
            first = self._backup_name(1)
            if os.path.exists(first):
                os.remove(first)
            self.rotate(self.baseFilename, first)
        if not self.delay:
            self.stream = self._open()

    def shouldRollover(self, record):
        if self.maxBytes <= 0:
            return False
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False   # a device or pipe never rolls over
        if self.stream is None:
            self.stream = self._open()
        line = "%s\n" % self.format(record)
        self.stream.seek(0, 2)
        return self.stream.tell() + len(line) >= self.maxBytes
