# Type errors and value errors: mixing str and bytes, non-path arguments,
# empty sequences.
import os.path as pp


def attempt(fn, *args):
    try:
        print(fn.__name__, "->", repr(fn(*args)))
    except (TypeError, ValueError, AttributeError, IndexError) as e:
        print(fn.__name__, type(e).__name__, e)


attempt(pp.join, 1)
attempt(pp.join, "a", 1)
attempt(pp.join, b"a", None)
attempt(pp.join, "a", b"b")
attempt(pp.join, b"a", "b")
attempt(pp.join, "", b"b")
for fn in (pp.split, pp.splitext, pp.basename, pp.dirname, pp.normpath, pp.isabs,
           pp.normcase, pp.splitdrive, pp.abspath, pp.expanduser, pp.expandvars, pp.realpath):
    attempt(fn, 3)
attempt(pp.commonprefix, [])
attempt(pp.commonprefix, ["ab", b"ab"])
attempt(pp.commonpath, [])
attempt(pp.commonpath, ["/a", "b"])
attempt(pp.commonpath, ["a", b"b"])
attempt(pp.commonpath, [b"/a", "b"])
attempt(pp.commonpath, [1])
attempt(pp.commonpath, iter([]))
attempt(pp.relpath, "")
attempt(pp.relpath, b"")
attempt(pp.relpath, 0)
attempt(pp.relpath, 1)
attempt(pp.relpath, "a", b"b")
attempt(pp.relpath, b"a", "b")
attempt(pp.relpath, "a", 2)
attempt(pp.samestat, 1, 2)
attempt(pp.islink, None)
