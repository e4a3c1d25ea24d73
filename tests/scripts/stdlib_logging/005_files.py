# FileHandler (append, write, delay) and RotatingFileHandler's backups.
import logging
import logging.handlers
import os
import tempfile

work = tempfile.mkdtemp()
path = os.path.join(work, "app.log")


def read(name):
    with open(name) as f:
        return f.read()


log = logging.getLogger("files")
log.propagate = False
log.setLevel(logging.INFO)

fh = logging.FileHandler(path)
print(repr(fh) == "<FileHandler %s (NOTSET)>" % path, fh.baseFilename == path, fh.mode)
fh.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
log.addHandler(fh)
log.info("one")
log.warning("two")
fh.close()
log.removeHandler(fh)
print(repr(read(path)))

again = logging.FileHandler(path, mode="a")
log.addHandler(again)
log.info("appended")
again.close()
log.removeHandler(again)
print(repr(read(path)))

lazy = logging.FileHandler(os.path.join(work, "lazy.log"), mode="w", delay=True)
print(lazy.stream, os.path.exists(lazy.baseFilename))
log.addHandler(lazy)
log.info("now it exists")
print(os.path.exists(lazy.baseFilename), repr(read(lazy.baseFilename)))
lazy.close()
log.removeHandler(lazy)

rpath = os.path.join(work, "rot.log")
rot = logging.handlers.RotatingFileHandler(rpath, maxBytes=30, backupCount=2)
rot.setFormatter(logging.Formatter("%(message)s"))
log.addHandler(rot)
for i in range(8):
    log.info("message number %d", i)
rot.close()
log.removeHandler(rot)
print(sorted(os.listdir(work)))
for name in ("rot.log", "rot.log.1", "rot.log.2"):
    print(name, repr(read(os.path.join(work, name))))

plain = logging.handlers.RotatingFileHandler(os.path.join(work, "plain.log"))
log.addHandler(plain)
for i in range(3):
    log.info("never rotates %d", i)
plain.close()
log.removeHandler(plain)
print(read(os.path.join(work, "plain.log")).count("\n"), os.path.exists(plain.baseFilename + ".1"))

for name in os.listdir(work):
    os.remove(os.path.join(work, name))
os.rmdir(work)
