"""Logging: loggers named in a dotted hierarchy, handlers that write records
out, formatters that turn records into text.

The pieces and how a message travels:

    logger.info("x=%d", x)
      -> Logger.isEnabledFor(INFO)   level check, cached per logger
      -> LogRecord                   the message, its arguments and where it
                                     was logged from (file, line, function,
                                     thread, process, time)
      -> Logger.handle               the logger's filters
      -> Logger.callHandlers         the handlers of the logger and of each
                                     ancestor while `propagate` is true;
                                     lastResort when there are none at all
      -> Handler.handle              the handler's level and filters, then
                                     emit() under the handler's own lock
      -> Formatter.format            the text emit() writes

Loggers live in one Manager per module (the `root` logger's); a dotted name
that has no logger yet but has descendants is held by a PlaceHolder until
someone asks for it, so parents are always found by name.

Thread safety: the module lock (_lock, reentrant) protects the manager's
table, the handler lists and the level caches; each Handler has its own
reentrant lock, held while it emits, so lines from several threads never
interleave within one handler.

Behaviour, output formats and error messages follow CPython 3.11's logging
package as documented.
"""

import io
import os
import sys
import threading
import time
import traceback
import weakref
from string import Template

__all__ = [
    "BASIC_FORMAT", "BufferingFormatter", "CRITICAL", "DEBUG", "ERROR", "FATAL",
    "FileHandler", "Filter", "Formatter", "Handler", "INFO", "LogRecord", "Logger",
    "LoggerAdapter", "NOTSET", "NullHandler", "StreamHandler", "WARN", "WARNING",
    "addLevelName", "basicConfig", "captureWarnings", "critical", "debug", "disable",
    "error", "exception", "fatal", "getLevelName", "getLogger", "getLoggerClass", "info",
    "log", "makeLogRecord", "setLoggerClass", "shutdown", "warn", "warning",
    "getLogRecordFactory", "setLogRecordFactory", "lastResort", "raiseExceptions",
    "getLevelNamesMapping",
]

# Switches a program may turn off: report errors in handlers; record the
# thread, process name and process id of each record.
raiseExceptions = logThreads = logMultiprocessing = logProcesses = True

_startTime = time.time()

# ---- levels --------------------------------------------------------------

NOTSET, DEBUG, INFO, WARNING, ERROR, CRITICAL = 0, 10, 20, 30, 40, 50
WARN, FATAL = WARNING, CRITICAL   # older spellings

_levelToName = {level: name for name, level in (
    ("CRITICAL", CRITICAL), ("ERROR", ERROR), ("WARNING", WARNING), ("INFO", INFO),
    ("DEBUG", DEBUG), ("NOTSET", NOTSET))}
_nameToLevel = {name: level for level, name in _levelToName.items()}
_nameToLevel.update(FATAL=FATAL, WARN=WARNING)

# The module lock; see the docstring for what it protects.
_lock = threading.RLock()


def _acquireLock():
    _lock.acquire()


def _releaseLock():
    _lock.release()


def getLevelNamesMapping():
    return dict(_nameToLevel)


def getLevelName(level):
    """The name of a level number, the number of a level name, or
    'Level %s' for a level nobody named."""
    found = _levelToName.get(level)
    if found is None:
        found = _nameToLevel.get(level)
    return found if found is not None else "Level %s" % level


def addLevelName(level, levelName):
    with _lock:
        _levelToName[level] = levelName
        _nameToLevel[levelName] = level


def _checkLevel(level):
    if isinstance(level, int):
        return level
    if str(level) != level:
        raise TypeError("Level not an integer or a valid string: %r" % (level,))
    if level not in _nameToLevel:
        raise ValueError("Unknown level: %r" % level)
    return _nameToLevel[level]


# ---- filters -------------------------------------------------------------

class Filter(object):
    """Lets through the records of one logger and its descendants:
    Filter('a.b') passes 'a.b' and 'a.b.c' but not 'a.bc'."""

    def __init__(self, name=""):
        self.name = name
        self.nlen = len(name)

    def filter(self, record):
        if not self.name or record.name == self.name:
            return True
        return record.name.startswith(self.name + ".")


class Filterer(object):
    """The filters of a logger or handler; a filter is an object with a
    filter(record) method or a plain callable."""

    def __init__(self):
        self.filters = []

    def addFilter(self, filter):
        if filter not in self.filters:
            self.filters.append(filter)

    def removeFilter(self, filter):
        if filter in self.filters:
            self.filters.remove(filter)

    def filter(self, record):
        for f in self.filters:
            check = f.filter if hasattr(f, "filter") else f
            if not check(record):
                return False
        return True


# ---- loggers -------------------------------------------------------------

class PlaceHolder(object):
    """Stands in the manager's table for a dotted name that has no logger
    yet but has descendant loggers (which it remembers)."""

    def __init__(self, alogger):
        self.loggerMap = {alogger: None}

    def append(self, alogger):
        if alogger not in self.loggerMap:
            self.loggerMap[alogger] = None


_loggerClass = None


def setLoggerClass(klass):
    """The class getLogger() instantiates from now on."""
    if klass != Logger and not issubclass(klass, Logger):
        raise TypeError("logger not derived from logging.Logger: " + klass.__name__)
    global _loggerClass
    _loggerClass = klass


def getLoggerClass():
    return _loggerClass


class Manager(object):
    """Holds the loggers by name and links each to its nearest existing
    ancestor."""

    def __init__(self, rootnode):
        self.root = rootnode
        self.loggerDict = {}          # name -> Logger or PlaceHolder
        self.disable = 0              # logging.disable()'s level
        self.loggerClass = self.logRecordFactory = None
        self.emittedNoHandlerWarning = False

    def getLogger(self, name):
        if not isinstance(name, str):
            raise TypeError("A logger name must be a string")
        with _lock:
            existing = self.loggerDict.get(name)
            if isinstance(existing, Logger):
                return existing
            made = (self.loggerClass or _loggerClass)(name)
            made.manager = self
            self.loggerDict[name] = made
            if existing is not None:
                self._adopt_children(existing, made)
            self._link_parent(made)
            return made

    def setLoggerClass(self, klass):
        if klass != Logger and not issubclass(klass, Logger):
            raise TypeError("logger not derived from logging.Logger: " + klass.__name__)
        self.loggerClass = klass

    def setLogRecordFactory(self, factory):
        self.logRecordFactory = factory

    def _link_parent(self, logger):
        """Sets logger.parent to its nearest existing ancestor, leaving
        placeholders for the missing ones on the way up."""
        name = logger.name
        cut = name.rfind(".")
        while cut > 0:
            prefix = name[:cut]
            holder = self.loggerDict.get(prefix)
            if holder is None:
                self.loggerDict[prefix] = PlaceHolder(logger)
            elif isinstance(holder, Logger):
                logger.parent = holder
                return
            else:
                holder.append(logger)
            cut = name.rfind(".", 0, cut - 1)
        logger.parent = self.root

    def _adopt_children(self, holder, logger):
        """A new logger takes the place of a placeholder: the loggers below
        it whose parent is above it now have it as their parent."""
        prefix = logger.name
        for child in holder.loggerMap:
            if not child.parent.name.startswith(prefix):
                logger.parent = child.parent
                child.parent = logger

    def _clear_cache(self):
        with _lock:
            for logger in self.loggerDict.values():
                if isinstance(logger, Logger):
                    logger._cache.clear()
            self.root._cache.clear()


def _at_level(level, name):
    """A Logger method that logs at one level: logger.info(msg, *args)."""
    def log_at_level(self, msg, *args, **kwargs):
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)
    log_at_level.__name__ = log_at_level.__qualname__ = name
    log_at_level.__doc__ = "Logs msg %% args at %s." % _levelToName[level]
    return log_at_level


def _deprecated_warn(kind):
    def warn(self, msg, *args, **kwargs):
        import warnings
        warnings.warn("The 'warn' %s is deprecated, use 'warning' instead" % kind,
                      DeprecationWarning, 2)
        self.warning(msg, *args, **kwargs)
    return warn


class Logger(Filterer):
    """A named channel for messages. Get one with logging.getLogger(name);
    loggers are not instantiated directly."""

    def __init__(self, name, level=NOTSET):
        Filterer.__init__(self)
        self.name, self.level = name, _checkLevel(level)
        self.parent, self.handlers = None, []
        self.propagate, self.disabled = True, False
        self._cache = {}    # level -> isEnabledFor(level), cleared when levels change

    def setLevel(self, level):
        self.level = _checkLevel(level)
        self.manager._clear_cache()

    debug = _at_level(DEBUG, "debug")
    info = _at_level(INFO, "info")
    warning = _at_level(WARNING, "warning")
    error = _at_level(ERROR, "error")
    critical = fatal = _at_level(CRITICAL, "critical")
    warn = _deprecated_warn("method")

    def exception(self, msg, *args, exc_info=True, **kwargs):
        """Logs msg at ERROR with the exception being handled."""
        self.error(msg, *args, exc_info=exc_info, **kwargs)

    def log(self, level, msg, *args, **kwargs):
        """Logs msg at the given (integer) level."""
        if isinstance(level, int):
            if self.isEnabledFor(level):
                self._log(level, msg, args, **kwargs)
        elif raiseExceptions:
            raise TypeError("level must be an integer")

    def findCaller(self, stack_info=False, stacklevel=1):
        """(filename, line, function, stack text or None) of the code that
        called the logging method: the first frame outside this module,
        then stacklevel - 1 frames further out."""
        frame = currentframe()
        while frame is not None and _is_internal_frame(frame):
            frame = frame.f_back
        while frame is not None and stacklevel > 1:
            outer = frame.f_back
            if outer is None:
                break
            frame = outer
            stacklevel -= 1
        if frame is None:
            return "(unknown file)", 0, "(unknown function)", None
        sinfo = None
        if stack_info:
            out = io.StringIO()
            out.write("Stack (most recent call last):\n")
            traceback.print_stack(frame, file=out)
            sinfo = out.getvalue()
            if sinfo.endswith("\n"):
                sinfo = sinfo[:-1]
        code = frame.f_code
        return code.co_filename, frame.f_lineno, code.co_name, sinfo

    def makeRecord(self, name, level, fn, lno, msg, args, exc_info, func=None, extra=None,
                   sinfo=None):
        record = _logRecordFactory(name, level, fn, lno, msg, args, exc_info, func, sinfo)
        if extra is not None:
            for key in extra:
                if key in ("message", "asctime") or key in record.__dict__:
                    raise KeyError("Attempt to overwrite %r in LogRecord" % key)
                record.__dict__[key] = extra[key]
        return record

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False,
             stacklevel=1):
        try:
            fn, lno, func, sinfo = self.findCaller(stack_info, stacklevel)
        except ValueError:
            fn, lno, func, sinfo = "(unknown file)", 0, "(unknown function)", None
        if exc_info:
            if isinstance(exc_info, BaseException):
                exc_info = (type(exc_info), exc_info, exc_info.__traceback__)
            elif not isinstance(exc_info, tuple):
                exc_info = sys.exc_info()
        record = self.makeRecord(self.name, level, fn, lno, msg, args, exc_info, func, extra,
                                 sinfo)
        self.handle(record)

    def handle(self, record):
        if not self.disabled and self.filter(record):
            self.callHandlers(record)

    def addHandler(self, hdlr):
        with _lock:
            if hdlr not in self.handlers:
                self.handlers.append(hdlr)

    def removeHandler(self, hdlr):
        with _lock:
            if hdlr in self.handlers:
                self.handlers.remove(hdlr)

    def _chain(self):
        """This logger and the ancestors its records propagate to."""
        logger = self
        while logger is not None:
            yield logger
            if not logger.propagate:
                return
            logger = logger.parent

    def hasHandlers(self):
        return any(logger.handlers for logger in self._chain())

    def callHandlers(self, record):
        # The loop of _chain(), written out: it runs once per record.
        seen = 0
        level = record.levelno
        logger = self
        while logger is not None:
            for handler in logger.handlers:
                seen += 1
                if level >= handler.level:
                    handler.handle(record)
            logger = logger.parent if logger.propagate else None
        if seen:
            return
        if lastResort is not None:
            if record.levelno >= lastResort.level:
                lastResort.handle(record)
        elif raiseExceptions and not self.manager.emittedNoHandlerWarning:
            sys.stderr.write('No handlers could be found for logger "%s"\n' % self.name)
            self.manager.emittedNoHandlerWarning = True

    def getEffectiveLevel(self):
        logger = self
        while logger is not None:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):
        if self.disabled:
            return False
        try:
            return self._cache[level]
        except KeyError:
            pass
        with _lock:
            enabled = self.manager.disable < level and level >= self.getEffectiveLevel()
            self._cache[level] = enabled
        return enabled

    def getChild(self, suffix):
        if self.root is not self:
            suffix = self.name + "." + suffix
        return self.manager.getLogger(suffix)

    def __repr__(self):
        return "<%s %s (%s)>" % (self.__class__.__name__, self.name,
                                 getLevelName(self.getEffectiveLevel()))

    def __reduce__(self):
        if getLogger(self.name) is not self:
            import pickle
            raise pickle.PicklingError("logger cannot be pickled")
        return getLogger, (self.name,)


class RootLogger(Logger):
    """The logger at the top of the hierarchy, named 'root'."""

    def __init__(self, level):
        Logger.__init__(self, "root", level)

    def __reduce__(self):
        return getLogger, ()


_loggerClass = Logger


class LoggerAdapter(object):
    """Wraps a logger to add context (`extra`) to every record it logs."""

    def __init__(self, logger, extra=None):
        self.logger = logger
        self.extra = extra

    def process(self, msg, kwargs):
        kwargs["extra"] = self.extra
        return msg, kwargs

    def _through_log(level, name):
        def log_at_level(self, msg, *args, **kwargs):
            self.log(level, msg, *args, **kwargs)
        log_at_level.__name__ = log_at_level.__qualname__ = name
        return log_at_level

    debug = _through_log(DEBUG, "debug")
    info = _through_log(INFO, "info")
    warning = _through_log(WARNING, "warning")
    error = _through_log(ERROR, "error")
    critical = _through_log(CRITICAL, "critical")
    del _through_log
    warn = _deprecated_warn("method")

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.log(ERROR, msg, *args, exc_info=exc_info, **kwargs)

    def log(self, level, msg, *args, **kwargs):
        if self.isEnabledFor(level):
            msg, kwargs = self.process(msg, kwargs)
            self.logger.log(level, msg, *args, **kwargs)

    # The rest is the wrapped logger's.
    isEnabledFor = property(lambda self: self.logger.isEnabledFor)
    setLevel = property(lambda self: self.logger.setLevel)
    getEffectiveLevel = property(lambda self: self.logger.getEffectiveLevel)
    hasHandlers = property(lambda self: self.logger.hasHandlers)
    _log = property(lambda self: self.logger._log)
    name = property(lambda self: self.logger.name)

    def _set_manager(self, value):
        self.logger.manager = value

    manager = property(lambda self: self.logger.manager, _set_manager)

    def __repr__(self):
        return "<%s %s (%s)>" % (self.__class__.__name__, self.logger.name,
                                 getLevelName(self.logger.getEffectiveLevel()))




# ---- where a record was made ---------------------------------------------

def currentframe():
    return sys._getframe(1)


# The filename the compiler gives this module's code: frames from it are
# logging's own and are skipped when looking for the caller.
_srcfile = os.path.normcase(currentframe.__code__.co_filename)


def _is_internal_frame(frame):
    name = frame.f_code.co_filename
    if name == _srcfile:
        return True
    name = os.path.normcase(name)
    return name == _srcfile or ("importlib" in name and "_bootstrap" in name)


# ---- records -------------------------------------------------------------

# pathname -> (filename, module): a program logs from few files, many times.
_file_and_module_cache = {}


def _file_and_module(pathname):
    """('dir/mod.py' -> 'mod.py', 'mod'), for a record's filename and module."""
    if not isinstance(pathname, str):
        if not isinstance(pathname, bytes) and not hasattr(pathname, "__fspath__"):
            return pathname, "Unknown module"
        base = os.path.basename(pathname)
        return base, os.path.splitext(base)[0]
    found = _file_and_module_cache.get(pathname)
    if found is None:
        base = os.path.basename(pathname)
        found = base, os.path.splitext(base)[0]
        if len(_file_and_module_cache) < 1024:
            _file_and_module_cache[pathname] = found
    return found


# The process id, asked for once and again in a forked child (see the end
# of the module): records need it and os.getpid() is a system call.
_pid = os.getpid() if hasattr(os, "getpid") else None


class LogRecord(object):
    """One logged event: the message with its arguments, its level, and
    where and when it happened."""

    def __init__(self, name, level, pathname, lineno, msg, args, exc_info, func=None,
                 sinfo=None, **kwargs):
        now = time.time()
        self.name = name
        self.msg = msg
        # log("%(a)s", {"a": 1}): a lone mapping argument is the mapping.
        if args and len(args) == 1 and isinstance(args[0], dict) and args[0]:
            args = args[0]
        self.args = args
        self.levelno, self.levelname = level, getLevelName(level)
        self.pathname, self.lineno, self.funcName = pathname, lineno, func
        self.filename, self.module = _file_and_module(pathname)
        self.exc_info, self.exc_text, self.stack_info = exc_info, None, sinfo
        self.created = now
        self.msecs = int((now - int(now)) * 1000) + 0.0
        self.relativeCreated = (now - _startTime) * 1000
        if logThreads:
            self.thread = threading.get_ident()
            self.threadName = threading.current_thread().name
        else:
            self.thread = None
            self.threadName = None
        self.processName = None
        if logMultiprocessing:
            self.processName = "MainProcess"
            mp = sys.modules.get("multiprocessing")
            if mp is not None:
                try:
                    self.processName = mp.current_process().name
                except Exception:
                    pass
        self.process = _pid if logProcesses else None

    def __repr__(self):
        return '<LogRecord: %s, %s, %s, %s, "%s">' % (self.name, self.levelno, self.pathname,
                                                       self.lineno, self.msg)

    def getMessage(self):
        """The message with its arguments merged in."""
        text = str(self.msg)
        if self.args:
            text = text % self.args
        return text


_logRecordFactory = LogRecord


def setLogRecordFactory(factory):
    global _logRecordFactory
    _logRecordFactory = factory


def getLogRecordFactory():
    return _logRecordFactory


def makeLogRecord(dict):
    """A record whose attributes come from a dict (one sent over a socket)."""
    record = _logRecordFactory(None, None, "", 0, "", (), None, None)
    record.__dict__.update(dict)
    return record


# ---- formatters ----------------------------------------------------------

def _percent_fields(fmt):
    """The (name, conversion) pairs of the %(name)X fields of a format."""
    fields = []
    i = 0
    while True:
        i = fmt.find("%(", i)
        if i < 0:
            return fields
        close = fmt.find(")", i)
        if close < 0:
            return fields
        j = close + 1
        while j < len(fmt) and fmt[j] in "#0+- .0123456789*":
            j += 1
        fields.append((fmt[i + 2:close], fmt[j:j + 1]))
        i = j + 1


class PercentStyle(object):
    default_format = "%(message)s"
    asctime_format = "%(asctime)s"
    asctime_search = "%(asctime)"

    def __init__(self, fmt, *, defaults=None):
        self._fmt = fmt or self.default_format
        self._defaults = defaults

    def usesTime(self):
        return self.asctime_search in self._fmt

    def validate(self):
        fields = _percent_fields(self._fmt)
        if not fields or any(not conv or conv not in "diouxXeEfFgGcrsa%" for _, conv in fields):
            raise ValueError("Invalid format '%s' for '%s' style" % (self._fmt, self.default_format[0]))

    def _values(self, record):
        if self._defaults:
            merged = dict(self._defaults)
            merged.update(record.__dict__)
            return merged
        return record.__dict__

    def _format(self, record):
        return self._fmt % self._values(record)

    def format(self, record):
        try:
            return self._format(record)
        except KeyError as e:
            raise ValueError("Formatting field not found in record: %s" % e)


class StrFormatStyle(PercentStyle):
    default_format = "{message}"
    asctime_format = "{asctime}"
    asctime_search = "{asctime"

    def _format(self, record):
        return self._fmt.format(**self._values(record))

    def validate(self):
        import string
        fields = set()
        try:
            for _, name, spec, conversion in string.Formatter().parse(self._fmt):
                if name:
                    if conversion and conversion not in "rsa":
                        raise ValueError("invalid conversion: %r" % conversion)
                    fields.add(name)
        except ValueError as e:
            raise ValueError("invalid format: %s" % e)
        if not fields:
            raise ValueError("invalid format: no fields")


class StringTemplateStyle(PercentStyle):
    default_format = "${message}"
    asctime_format = "${asctime}"
    asctime_search = "${asctime}"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._tpl = Template(self._fmt)

    def usesTime(self):
        return "$asctime" in self._fmt or self.asctime_search in self._fmt

    def validate(self):
        found = False
        text = self._fmt
        i = 0
        while True:
            i = text.find("$", i)
            if i < 0:
                break
            nxt = text[i + 1:i + 2]
            if nxt == "$":
                i += 2
                continue
            if nxt and (nxt == "{" or nxt.isalpha() or nxt == "_"):
                found = True
            else:
                raise ValueError("invalid format: bare '$' not allowed")
            i += 1
        if not found:
            raise ValueError("invalid format: no fields")

    def _format(self, record):
        return self._tpl.substitute(**self._values(record))


BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"

_STYLES = {
    "%": (PercentStyle, BASIC_FORMAT),
    "{": (StrFormatStyle, "{levelname}:{name}:{message}"),
    "$": (StringTemplateStyle, "${levelname}:${name}:${message}"),
}


class Formatter(object):
    """Turns a LogRecord into text with a format string in one of three
    styles: '%' (%(name)s), '{' ({name}) or '$' ($name)."""

    converter = time.localtime
    default_time_format = "%Y-%m-%d %H:%M:%S"
    default_msec_format = "%s,%03d"

    def __init__(self, fmt=None, datefmt=None, style="%", validate=True, *, defaults=None):
        if style not in _STYLES:
            raise ValueError("Style must be one of: %s" % ",".join(_STYLES.keys()))
        self._style = _STYLES[style][0](fmt, defaults=defaults)
        if validate:
            self._style.validate()
        self._fmt = self._style._fmt
        self.datefmt = datefmt

    def formatTime(self, record, datefmt=None):
        moment = self.converter(record.created)
        if datefmt:
            return time.strftime(datefmt, moment)
        text = time.strftime(self.default_time_format, moment)
        if self.default_msec_format:
            text = self.default_msec_format % (text, record.msecs)
        return text

    def formatException(self, ei):
        out = io.StringIO()
        traceback.print_exception(ei[0], ei[1], ei[2], None, out)
        text = out.getvalue()
        return text[:-1] if text.endswith("\n") else text

    def usesTime(self):
        return self._style.usesTime()

    def formatMessage(self, record):
        return self._style.format(record)

    def formatStack(self, stack_info):
        return stack_info

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        text = self.formatMessage(record)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        for extra in (record.exc_text, record.stack_info and self.formatStack(record.stack_info)):
            if extra:
                if not text.endswith("\n"):
                    text += "\n"
                text += extra
        return text


_defaultFormatter = Formatter()


class BufferingFormatter(object):
    """Formats a batch of records: a header, each record, a footer."""

    def __init__(self, linefmt=None):
        self.linefmt = linefmt if linefmt else _defaultFormatter

    def formatHeader(self, records):
        return ""

    def formatFooter(self, records):
        return ""

    def format(self, records):
        if not records:
            return ""
        body = "".join(self.linefmt.format(r) for r in records)
        return self.formatHeader(records) + body + self.formatFooter(records)


# ---- handlers ------------------------------------------------------------

_handlers = weakref.WeakValueDictionary()   # name -> handler
_handlerList = []   # weak references to every handler, oldest first, for shutdown()


def _removeHandlerRef(wr):
    # May run while the interpreter tears the module down: its globals may
    # already be None then.
    lock, handlers = _lock, _handlerList
    if lock is not None and handlers is not None:
        with lock:
            if wr in handlers:
                handlers.remove(wr)


def _addHandlerRef(handler):
    with _lock:
        _handlerList.append(weakref.ref(handler, _removeHandlerRef))


class Handler(Filterer):
    """Sends records somewhere. Subclasses implement emit(); handle() runs
    it under the handler's lock after the handler's filters."""

    def __init__(self, level=NOTSET):
        Filterer.__init__(self)
        self.level = _checkLevel(level)
        self._name, self.formatter, self._closed = None, None, False
        self.createLock()
        _addHandlerRef(self)

    def get_name(self):
        return self._name

    def set_name(self, name):
        with _lock:
            if self._name in _handlers:
                del _handlers[self._name]
            self._name = name
            if name:
                _handlers[name] = self

    name = property(get_name, set_name)

    def createLock(self):
        self.lock = threading.RLock()

    def _at_fork_reinit(self):
        self.lock = threading.RLock()

    def acquire(self):
        if self.lock:
            self.lock.acquire()

    def release(self):
        if self.lock:
            self.lock.release()

    def setLevel(self, level):
        self.level = _checkLevel(level)

    def format(self, record):
        return (self.formatter or _defaultFormatter).format(record)

    def emit(self, record):
        raise NotImplementedError("emit must be implemented by Handler subclasses")

    def handle(self, record):
        passed = self.filter(record)
        if passed:
            self.acquire()
            try:
                self.emit(record)
            finally:
                self.release()
        return passed

    def setFormatter(self, fmt):
        self.formatter = fmt

    def flush(self):
        pass

    def close(self):
        with _lock:
            self._closed = True
            if self._name and self._name in _handlers:
                del _handlers[self._name]

    def handleError(self, record):
        """Reports an exception raised in emit() on stderr (when
        raiseExceptions is true) instead of letting it reach the caller."""
        if not (raiseExceptions and sys.stderr):
            return
        kind, value, tb = sys.exc_info()
        try:
            err = sys.stderr
            err.write("--- Logging error ---\n")
            traceback.print_exception(kind, value, tb, None, err)
            err.write("Call stack:\n")
            frame = tb.tb_frame if tb is not None else None
            while frame is not None and _is_internal_frame(frame):
                frame = frame.f_back
            if frame is not None:
                traceback.print_stack(frame, file=err)
            try:
                err.write("Message: %r\nArguments: %s\n" % (record.msg, record.args))
            except RecursionError:
                raise
            except Exception:
                err.write("Unable to print the message and arguments - possible formatting "
                          "error.\nUse the traceback above to help find the error.\n")
        except OSError:
            pass
        finally:
            del kind, value, tb

    def __repr__(self):
        return "<%s (%s)>" % (self.__class__.__name__, getLevelName(self.level))


class StreamHandler(Handler):
    """Writes formatted records to a stream (sys.stderr by default), one
    per line."""

    terminator = "\n"

    def __init__(self, stream=None):
        Handler.__init__(self)
        self.stream = sys.stderr if stream is None else stream

    def flush(self):
        with self.lock:
            if self.stream and hasattr(self.stream, "flush"):
                self.stream.flush()

    def emit(self, record):
        try:
            text = self.format(record)
            self.stream.write(text + self.terminator)
            self.flush()
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)

    def setStream(self, stream):
        """Replaces the stream; returns the old one (None if unchanged)."""
        if stream is self.stream:
            return None
        with self.lock:
            old = self.stream
            self.flush()
            self.stream = stream
        return old

    def __repr__(self):
        label = str(getattr(self.stream, "name", ""))
        if label:
            label += " "
        return "<%s %s(%s)>" % (self.__class__.__name__, label, getLevelName(self.level))


class FileHandler(StreamHandler):
    """Writes formatted records to a file, opened now or (delay=True) at the
    first record."""

    def __init__(self, filename, mode="a", encoding=None, delay=False, errors=None):
        self.baseFilename = os.path.abspath(os.fspath(filename))
        self.mode, self.encoding, self.errors, self.delay = mode, encoding, errors, delay
        self._builtin_open = open
        # With delay the file is opened by the first emit().
        StreamHandler.__init__(self, None if delay else self._open())
        if delay:
            self.stream = None

    def _open(self):
        return self._builtin_open(self.baseFilename, self.mode, encoding=self.encoding,
                                  errors=self.errors)

    def close(self):
        with self.lock:
            try:
                stream, self.stream = self.stream, None
                if stream is not None:
                    try:
                        stream.flush()
                    finally:
                        if hasattr(stream, "close"):
                            stream.close()
            finally:
                StreamHandler.close(self)

    def emit(self, record):
        if self.stream is None and (self.mode != "w" or not self._closed):
            self.stream = self._open()
        if self.stream is not None:
            StreamHandler.emit(self, record)

    def __repr__(self):
        return "<%s %s (%s)>" % (self.__class__.__name__, self.baseFilename,
                                 getLevelName(self.level))


class _StderrHandler(StreamHandler):
    """Writes to whatever sys.stderr is at the time of each record."""

    stream = property(lambda self: sys.stderr)

    def __init__(self, level=NOTSET):
        Handler.__init__(self, level)


# What a record with no handler anywhere goes to (None: nowhere, with a
# one-time complaint).
lastResort = _defaultLastResort = _StderrHandler(WARNING)


class NullHandler(Handler):
    """Does nothing: a library adds one so that its records are not shown
    through lastResort when the application configures no logging."""

    def handle(self, record):
        pass

    def emit(self, record):
        pass

    def createLock(self):
        self.lock = None

    def _at_fork_reinit(self):
        pass


# ---- the root logger, configuration and module-level functions

root = RootLogger(WARNING)
Logger.root = root
Logger.manager = Manager(Logger.root)

def basicConfig(**kwargs):
    """Gives the root logger a handler and a formatter, unless it already
    has handlers (and force is not set).

    Keywords: filename, filemode, format, datefmt, style, level, stream,
    handlers, force, encoding, errors."""
    with _lock:
        force = kwargs.pop("force", False)
        encoding = kwargs.pop("encoding", None)
        errors = kwargs.pop("errors", "backslashreplace")
        if force:
            for old in root.handlers[:]:
                root.removeHandler(old)
                old.close()
        if not root.handlers:
            handlers = kwargs.pop("handlers", None)
            if handlers is None:
                if "stream" in kwargs and "filename" in kwargs:
                    raise ValueError("'stream' and 'filename' should not be specified together")
            elif "stream" in kwargs or "filename" in kwargs:
                raise ValueError("'stream' or 'filename' should not be specified together "
                                 "with 'handlers'")
            if handlers is None:
                filename = kwargs.pop("filename", None)
                mode = kwargs.pop("filemode", "a")
                if filename:
                    if "b" in mode:
                        errors = None
                    made = FileHandler(filename, mode, encoding=encoding, errors=errors)
                else:
                    made = StreamHandler(kwargs.pop("stream", None))
                handlers = [made]
            datefmt = kwargs.pop("datefmt", None)
            style = kwargs.pop("style", "%")
            if style not in _STYLES:
                raise ValueError("Style must be one of: %s" % ",".join(_STYLES.keys()))
            fmt = Formatter(kwargs.pop("format", _STYLES[style][1]), datefmt, style)
            for handler in handlers:
                if handler.formatter is None:
                    handler.setFormatter(fmt)
                root.addHandler(handler)
            level = kwargs.pop("level", None)
            if level is not None:
                root.setLevel(level)
            if kwargs:
                raise ValueError("Unrecognised argument(s): %s" % ", ".join(kwargs.keys()))


def getLogger(name=None):
    """The logger of that name (created on first use); the root logger
    without a name."""
    if not name or (isinstance(name, str) and name == root.name):
        return root
    return Logger.manager.getLogger(name)


def _root_with_handler():
    if not root.handlers:
        basicConfig()
    return root


def _on_root(method_name):
    """A module function that logs through the root logger, giving it a
    handler first (basicConfig) if it has none."""
    def log_on_root(*args, **kwargs):
        getattr(_root_with_handler(), method_name)(*args, **kwargs)
    log_on_root.__name__ = log_on_root.__qualname__ = method_name
    return log_on_root


debug, info, warning, error, log = map(_on_root, ("debug", "info", "warning", "error", "log"))
critical = fatal = _on_root("critical")


def exception(msg, *args, exc_info=True, **kwargs):
    error(msg, *args, exc_info=exc_info, **kwargs)


def warn(msg, *args, **kwargs):
    import warnings
    warnings.warn("The 'warn' function is deprecated, use 'warning' instead",
                  DeprecationWarning, 2)
    warning(msg, *args, **kwargs)


def disable(level=CRITICAL):
    """Drops every record at or below level, whatever the loggers say."""
    root.manager.disable = level
    root.manager._clear_cache()


def shutdown(handlerList=_handlerList):
    """Flushes and closes every handler, newest first (run at exit)."""
    for ref in reversed(handlerList[:]):
        handler = ref()
        if handler is None:
            continue
        try:
            handler.acquire()
            try:
                handler.flush()
                handler.close()
            finally:
                handler.release()
        except (OSError, ValueError):
            pass
        except Exception:
            if raiseExceptions:
                raise


import atexit
atexit.register(shutdown)


# ---- fork ----------------------------------------------------------------
#
# A forked child has only the thread that forked; a lock another thread
# held at that moment would stay locked in the child forever. The module
# lock is held across fork() (so the logger table is consistent), and in
# the child it and every handler's lock are made anew.

def _before_fork():
    _lock.acquire()


def _after_fork_in_parent():
    _lock.release()


def _after_fork_in_child():
    global _lock, _pid
    _lock = threading.RLock()
    _pid = os.getpid()
    for ref in list(_handlerList):
        handler = ref()
        if handler is not None:
            handler._at_fork_reinit()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_before_fork, after_in_parent=_after_fork_in_parent,
                        after_in_child=_after_fork_in_child)


# ---- warnings through logging --------------------------------------------

_warnings_showwarning = None


def _showwarning(message, category, filename, lineno, file=None, line=None):
    if file is not None:
        if _warnings_showwarning is not None:
            _warnings_showwarning(message, category, filename, lineno, file, line)
        return
    import warnings
    text = warnings.formatwarning(message, category, filename, lineno, line)
    logger = getLogger("py.warnings")
    if not logger.handlers:
        logger.addHandler(NullHandler())
    logger.warning("%s", text)


def captureWarnings(capture):
    """Sends warnings to the 'py.warnings' logger (True) or back to their
    usual place (False)."""
    global _warnings_showwarning
    import warnings
    if capture:
        if _warnings_showwarning is None:
            _warnings_showwarning = warnings.showwarning
            warnings.showwarning = _showwarning
    elif _warnings_showwarning is not None:
        warnings.showwarning = _warnings_showwarning
        _warnings_showwarning = None
