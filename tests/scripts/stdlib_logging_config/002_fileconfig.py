# logging.config.fileConfig: an INI file with loggers, handlers and
# formatters sections, defaults interpolated with %(name)s, args evaluated
# in logging's namespace, propagate, disable_existing_loggers, a file
# object as the source, and missing sections.
import io
import logging
import logging.config
import os
import sys
import tempfile

sink = io.StringIO()
logging.sink = sink   # handler args are evaluated in logging's namespace

INI = """
# comment
[loggers]
keys = root, app, quiet

[handlers]
keys=console,  tofile

[formatters]
keys = plain,timed

[logger_root]
level = WARNING
handlers = console

[logger_app]
level: DEBUG
handlers = tofile
qualname = app
propagate = 1

[logger_quiet]
level = CRITICAL
handlers =
qualname = app.quiet
propagate = 0

[handler_console]
class = StreamHandler
level = NOTSET
formatter = plain
args = (sink,)

[handler_tofile]
class = logging.FileHandler
formatter = timed
args = ('%(logfile)s', 'w')

[formatter_plain]
format = %(levelname)s %(name)s: %(message)s

[formatter_timed]
format = %(name)s|%(message)s
datefmt = %H
"""

before = logging.getLogger("before")
with tempfile.TemporaryDirectory() as d:
    logfile = os.path.join(d, "app.log")
    path = os.path.join(d, "logging.ini")
    with open(path, "w") as f:
        f.write(INI)
    logging.config.fileConfig(path, defaults={"logfile": logfile})
    logging.getLogger("app").debug("to the file and, propagated, not to console")
    logging.getLogger("app").warning("to both")
    logging.getLogger("app.quiet").error("quiet: dropped (level CRITICAL)")
    logging.getLogger("app.quiet").critical("quiet critical: file only? no, no handlers")
    logging.getLogger("x").warning("root gets this")
    before.warning("disabled, not printed")
    for h in logging.getLogger("app").handlers:
        h.flush()
    with open(logfile) as f:
        print(f.read(), end="")
    print(sink.getvalue(), end="")
    print(before.disabled, logging.getLogger("app.quiet").propagate,
          [h.name for h in logging.getLogger().handlers])
    logging.shutdown()

    logging.config.fileConfig(io.StringIO(INI.replace("%(logfile)s", "/dev/null")),
                              disable_existing_loggers=False)
    print(logging.getLogger("before").disabled)
    for text in ("[loggers]\nkeys=root\n", "nothing = here\n"):
        try:
            logging.config.fileConfig(io.StringIO(text))
        except Exception as e:
            print(type(e).__name__, str(e).split(" object at ")[0])
    try:
        logging.config.fileConfig(os.path.join(d, "missing.ini"))
    except Exception as e:
        print(type(e).__name__, str(e).replace(d, "<d>"))
    logging.shutdown()
