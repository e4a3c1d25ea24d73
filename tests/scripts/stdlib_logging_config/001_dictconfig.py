# logging.config.dictConfig: formatters, filters, handlers with ext://
# streams, "()" factories and cfg:// references, loggers and the root,
# propagate, disable_existing_loggers, incremental level changes, and the
# errors of a bad configuration.
import io
import logging
import logging.config
import sys

out = io.StringIO()
sys.modules["__main__"].OUT = out


class Upper(logging.Filter):
    def filter(self, record):
        record.msg = str(record.msg).upper()
        return True


def make_handler(stream, prefix):
    h = logging.StreamHandler(stream)
    h.prefix = prefix
    return h


old = logging.getLogger("old.module")
kept = logging.getLogger("app.db.pool")
config = {
    "version": 1,
    "streams": {"main": "ext://__main__.OUT"},
    "formatters": {
        "brief": {"format": "%(levelname)s:%(name)s:%(message)s"},
        "braces": {"format": "{levelname} {name} {message}", "style": "{"},
        "custom": {"()": logging.Formatter, "fmt": "[%(name)s] %(message)s"},
    },
    "filters": {
        "only_app": {"name": "app"},
        "upper": {"()": Upper},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "brief",
                    "level": "INFO", "stream": "ext://__main__.OUT"},
        "loud": {"class": "logging.StreamHandler", "formatter": "braces",
                 "filters": ["upper"], "stream": "ext://__main__.OUT"},
        "made": {"()": make_handler, "stream": "cfg://streams.main",
                 "prefix": "p", "formatter": "custom", ".": {"extra_attr": 42}},
    },
    "loggers": {
        "app": {"level": "DEBUG", "handlers": ["console"], "filters": ["only_app"]},
        "app.web": {"handlers": ["loud"], "propagate": False},
        "lib": {"level": 30, "handlers": ["made"]},
    },
    "root": {"level": "ERROR", "handlers": ["console"]},
}
logging.config.dictConfig(config)
logging.getLogger("app").debug("debug dropped by the handler level")
logging.getLogger("app").info("app info")
logging.getLogger("app.web").warning("web warning")
logging.getLogger("lib").warning("lib warning")
logging.getLogger("lib").info("lib info dropped")
logging.getLogger("other").error("other error")
old.error("old is disabled")
kept.error("child of a configured logger")
print(out.getvalue(), end="")
print(old.disabled, kept.disabled, logging.getLogger("app.web").propagate)
h = logging.getLogger("lib").handlers[0]
print(type(h).__name__, h.prefix, h.extra_attr, h.name, h.stream is out)
print(sorted(logging._handlers.keys()) if hasattr(logging, "_handlers") else None)

out.seek(0)
out.truncate()
logging.config.dictConfig({"version": 1, "incremental": True,
                           "handlers": {"console": {"level": "DEBUG"}},
                           "loggers": {"app": {"level": "INFO"}}})
logging.getLogger("app").debug("app debug now dropped by the logger")
logging.getLogger("app").info("app info still")
print(out.getvalue(), end="")

logging.config.dictConfig({"version": 1, "disable_existing_loggers": False,
                           "root": {"level": "WARNING"}})
print(logging.getLogger("app").disabled, logging.getLogger().level)

for bad in ({}, {"version": 2},
            {"version": 1, "handlers": {"h": {"class": "logging.NoSuchHandler"}}},
            {"version": 1, "handlers": {"h": {"class": "logging.StreamHandler",
                                              "formatter": "missing"}}},
            {"version": 1, "loggers": {"x": {"handlers": ["missing"]}}},
            {"version": 1, "loggers": {"x": {"level": "LOUD"}}}):
    try:
        logging.config.dictConfig(bad)
    except Exception as e:
        print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__)
print(logging.config.valid_ident("ok_name"))
try:
    logging.config.valid_ident("not ok")
except ValueError as e:
    print(e)
