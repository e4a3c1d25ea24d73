# Writing to /dev/full: buffered writes fail with ENOSPC at flush and at
# close (the file is closed all the same), unbuffered ones at write.
import errno
import os


def show(what, f):
    try:
        result = f()
        print(what, "->", result)
    except OSError as e:
        print(what, "->", type(e).__name__, e.errno == errno.ENOSPC, e.strerror)


f = open("/dev/full", "w")
show("text write", lambda: f.write("x" * 10))
show("text flush", f.flush)
show("text close", f.close)
print("closed:", f.closed)

f = open("/dev/full", "wb")
show("binary write", lambda: f.write(b"y" * 100))
show("binary close", f.close)
print("closed:", f.closed)

f = open("/dev/full", "wb", buffering=0)
show("raw write", lambda: f.write(b"z"))
show("raw close", f.close)

show("big buffered write", lambda: open("/dev/full", "wb").write(b"w" * 100000))

fd = os.open("/dev/full", os.O_WRONLY)
show("os.write", lambda: os.write(fd, b"abc"))
os.close(fd)


def with_block():
    with open("/dev/full", "w") as g:
        g.write("text")
    return "no error"


show("with block", with_block)


def printing():
    with open("/dev/full", "w") as g:
        print("hello", file=g, flush=True)


show("print flush", printing)
