# Output on stderr: lastResort for a logger without handlers (message only,
# WARNING and above), then basicConfig's default handler, and exception()
# with the traceback.
import logging

log = logging.getLogger("lonely")
log.info("not shown: below lastResort's level")
log.warning("shown by lastResort")
log.error("error %s", "too")
print("lastResort level:", logging.lastResort.level)


def fail():
    raise ValueError("bad value")


try:
    fail()
except ValueError:
    logging.exception("it failed")
logging.warning("default format")
print(len(logging.root.handlers))
