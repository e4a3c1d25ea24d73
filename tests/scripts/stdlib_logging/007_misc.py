# LoggerAdapter, captureWarnings, stacklevel, stack_info, makeRecord's
# extra, handler names, shutdown(), the level caches, custom levels.
import io
import logging
import warnings

out = io.StringIO()
handler = logging.StreamHandler(out)
handler.setFormatter(logging.Formatter("%(name)s|%(levelname)s|%(funcName)s|%(message)s|%(user)s",
                                       defaults={"user": "-"}))
log = logging.getLogger("misc")
log.addHandler(handler)
log.setLevel(logging.DEBUG)
log.propagate = False


class Adapter(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return "[%s] %s" % (self.extra["user"], msg), kwargs


adapter = logging.LoggerAdapter(log, {"user": "alice"})
adapter.info("via adapter %d", 1)
Adapter(log, {"user": "bob"}).warning("custom process")
print(repr(adapter), adapter.name, adapter.isEnabledFor(logging.DEBUG), adapter.getEffectiveLevel())
adapter.setLevel(logging.INFO)
adapter.debug("dropped")
print(log.level, adapter.hasHandlers(), adapter.manager is logging.Logger.manager)


def helper():
    log.info("reported for the caller", stacklevel=2)


def caller():
    helper()


caller()
log.info("with stack", stack_info=True)
text = out.getvalue()
print(text.splitlines()[:4])
print("Stack (most recent call last):" in text)

logging.captureWarnings(True)
wlog = logging.getLogger("py.warnings")
wout = io.StringIO()
wh = logging.StreamHandler(wout)
wlog.addHandler(wh)
warnings.warn("careful", UserWarning)
logging.captureWarnings(False)
print("UserWarning: careful" in wout.getvalue(), wlog.handlers == [wh])

named = logging.StreamHandler(io.StringIO())
named.set_name("mine")
print(named.name, named.get_name(), logging._handlers.get("mine") is named)
named.close()
print(logging._handlers.get("mine"))

logging.addLevelName(25, "NOTICE")
log.log(25, "notice level")
print(out.getvalue().splitlines()[-1])
rec = log.makeRecord("n", 20, "f.py", 1, "m", (), None, extra={"k": "v"})
print(rec.k, rec.name, rec.levelname)
print(logging.getLevelName(25), logging.getLevelName("NOTICE"))
h2 = logging.Handler()
try:
    h2.emit(rec)
except NotImplementedError as exc:
    print("NotImplementedError", exc)
print(repr(h2), h2.format(rec))
logging.raiseExceptions = False
bad = logging.StreamHandler(io.StringIO())
log.addHandler(bad)
log.info("%d", "not a number")
log.removeHandler(bad)
print("survived a bad format")
logging.shutdown()
print(out.closed)
