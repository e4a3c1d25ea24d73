# basicConfig: stream, format, datefmt, style, level, handlers, force, and
# the module-level functions that configure the root logger on first use.
import io
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                    format="%(levelname)s:%(name)s:%(message)s")
logging.info("first %d", 1)
logging.debug("hidden")
logging.warning("second")
logging.getLogger("child").info("from a child")
print(len(logging.root.handlers), logging.root.level)

logging.basicConfig(stream=sys.stdout, format="IGNORED %(message)s")
logging.error("still the first configuration")

logging.basicConfig(stream=sys.stdout, format="{levelname} {message}", style="{", force=True,
                    level="DEBUG")
logging.debug("forced")
logging.log(logging.INFO, "via log()")
logging.critical("crit")
logging.fatal("fatal too")
print(len(logging.root.handlers))

buf = io.StringIO()
h = logging.StreamHandler(buf)
logging.basicConfig(handlers=[h], force=True, format="%(message)s!")
logging.warning("into buffer")
print(repr(buf.getvalue()), h.formatter._fmt)

for kwargs in ({"stream": sys.stdout, "filename": "x.log"},
               {"handlers": [h], "stream": sys.stdout},
               {"style": "#"},
               {"bogus": 1, "other": 2}):
    try:
        logging.basicConfig(force=True, **kwargs)
    except ValueError as exc:
        print("ValueError", exc)
