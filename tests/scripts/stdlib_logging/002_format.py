# Handlers and formatters: %-, {- and $-style fields, filters, extra,
# exceptions with their traceback, dates with a fixed clock.
import io
import logging
import sys
import time

log = logging.getLogger("fmt")
log.setLevel(logging.DEBUG)
log.propagate = False
out = io.StringIO()
handler = logging.StreamHandler(out)
log.addHandler(handler)
print(repr(logging.StreamHandler(sys.stdout)), repr(handler) == "<StreamHandler (NOTSET)>")


def show():
    # Without the ~~~^^^ lines CPython's tracebacks put under source lines
    # (gilt's tracebacks do not draw them).
    for line in out.getvalue().splitlines():
        if line.strip(" ~^"):
            print(line)
    out.seek(0)
    out.truncate()


log.debug("plain %s and %d", "text", 42)
log.info("mapping %(a)s-%(b)s", {"a": 1, "b": 2})
log.warning("no args %s")
show()

handler.setFormatter(logging.Formatter(
    "%(levelname)s|%(levelno)d|%(name)s|%(message)s|%(funcName)s|%(lineno)d|%(filename)s|"
    "%(module)s|%(threadName)s|%(processName)s"))


def where():
    log.error("inside")


where()
log.critical("at top")
log.log(15, "custom level")
show()

handler.setFormatter(logging.Formatter("{levelname:>8}:{name}:{message!r}", style="{"))
log.info("braces")
handler.setFormatter(logging.Formatter("$levelname/${name}: $message $$", style="$"))
log.info("dollars")
handler.setFormatter(logging.Formatter("%(message)s %(user)s", defaults={"user": "nobody"}))
log.info("defaults")
log.info("extra", extra={"user": "alice"})
show()


class Fixed(logging.Filter):
    def filter(self, record):
        record.created = 86400 * 365 + 0.25
        record.msecs = 250.0
        return True


handler.addFilter(Fixed())
fmt = logging.Formatter("%(asctime)s %(message)s")
fmt.converter = time.gmtime
handler.setFormatter(fmt)
log.info("default datefmt")
fmt2 = logging.Formatter("[%(asctime)s] %(message)s", datefmt="%d/%m/%Y %H:%M")
fmt2.converter = time.gmtime
handler.setFormatter(fmt2)
log.info("own datefmt")
show()

handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
only_db = logging.Filter("fmt.db")
handler.addFilter(only_db)
log.info("dropped by the filter")
logging.getLogger("fmt.db").info("from db")
logging.getLogger("fmt.dbx").info("from dbx, dropped")
handler.removeFilter(only_db)
handler.addFilter(lambda record: "secret" not in record.getMessage())
log.info("a secret")
log.info("public")
handler.setLevel(logging.WARNING)
log.info("below the handler level")
log.warning("at the handler level")
handler.setLevel(logging.NOTSET)
show()

try:
    {}["missing"]
except KeyError:
    log.exception("lookup failed: %s", "missing")
try:
    1 / 0
except ZeroDivisionError as exc:
    log.error("with exc_info", exc_info=exc)
log.info("no exception", exc_info=False)
show()

try:
    log.info("clash", extra={"message": 1})
except KeyError as exc:
    print("KeyError", exc)
for args in (("%(message)s", None, "?"), ("%(nosuch)", None, "%"), ("{}", None, "{"),
             ("$", None, "$")):
    try:
        logging.Formatter(*args)
    except ValueError as exc:
        print("ValueError", exc)
try:
    logging.Formatter("%(nosuch)s").format(logging.makeLogRecord({"msg": "m"}))
except ValueError as exc:
    print("ValueError", exc)

record = logging.LogRecord("name", logging.INFO, "/path/to/mod.py", 7, "hello %s", ("you",), None)
print(record.getMessage(), record.filename, record.module, record.levelname, repr(record))
made = logging.makeLogRecord({"msg": "made", "levelno": 40, "custom": 1})
print(made.getMessage(), made.levelno, made.custom)
print(logging.Formatter().format(record), logging.BASIC_FORMAT)
bf = logging.BufferingFormatter(logging.Formatter("<%(message)s>"))
print(bf.format([record, made]), repr(bf.format([])))
