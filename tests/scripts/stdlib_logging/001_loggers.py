# Levels, the logger hierarchy, effective levels, propagation, disable().
import logging

print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL, logging.NOTSET)
print(logging.WARN == logging.WARNING, logging.FATAL == logging.CRITICAL)
print(logging.getLevelName(10), logging.getLevelName("ERROR"), logging.getLevelName(15))
logging.addLevelName(15, "VERBOSE")
print(logging.getLevelName(15), logging.getLevelName("VERBOSE"), logging.getLevelNamesMapping()["VERBOSE"])

root = logging.getLogger()
print(root is logging.root, root.name, repr(root), logging.getLogger("root") is root)
a = logging.getLogger("app")
ab = logging.getLogger("app.db")
print(repr(a), repr(ab), ab.parent is a, a.parent is root, logging.getLogger("app") is a)

# A child created before its parent is re-parented when the parent appears.
deep = logging.getLogger("svc.core.io")
print(deep.parent is root)
svc = logging.getLogger("svc")
print(deep.parent is svc)
core = logging.getLogger("svc.core")
print(deep.parent is core, core.parent is svc)
print(a.getChild("db") is ab, root.getChild("x") is logging.getLogger("x"))

a.setLevel(logging.DEBUG)
print(ab.getEffectiveLevel(), ab.level, a.level, repr(ab))
print(ab.isEnabledFor(logging.DEBUG), svc.isEnabledFor(logging.INFO), svc.isEnabledFor(logging.ERROR))
a.setLevel("ERROR")
print(ab.getEffectiveLevel(), ab.isEnabledFor(logging.WARNING))
logging.disable(logging.CRITICAL)
print(ab.isEnabledFor(logging.CRITICAL), ab.isEnabledFor(60))
logging.disable(logging.NOTSET)
print(ab.isEnabledFor(logging.CRITICAL))

for bad in ("LOUD", 1.5, None):
    try:
        a.setLevel(bad)
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__, exc)
try:
    logging.getLogger(5)
except TypeError as exc:
    print("TypeError", exc)
try:
    a.log("x", "message")
except TypeError as exc:
    print("TypeError", exc)

print(a.hasHandlers(), root.hasHandlers())
h = logging.NullHandler()
root.addHandler(h)
print(a.hasHandlers())
a.propagate = False
print(a.hasHandlers())
root.removeHandler(h)
print(root.handlers, a.handlers, a.filters, a.disabled, a.propagate)
print(logging.getLoggerClass() is logging.Logger)


class MyLogger(logging.Logger):
    pass


logging.setLoggerClass(MyLogger)
print(type(logging.getLogger("custom")).__name__)
logging.setLoggerClass(logging.Logger)
try:
    logging.setLoggerClass(int)
except TypeError as exc:
    print("TypeError", exc)
