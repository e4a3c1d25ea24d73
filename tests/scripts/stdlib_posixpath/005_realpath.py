# realpath: links in the middle, absolute targets, '..' after links, loops,
# broken links, strict mode.
import os
import os.path as pp

base = "tmp_pp_005"
os.mkdir(base)
here = os.getcwd()
try:
    os.chdir(base)
    cwd = os.getcwd()
    os.mkdir("d")
    os.mkdir("d/e")
    os.symlink("d", "ld")
    os.symlink("e", "d/le")
    os.symlink("/", "root")
    os.symlink("loop1", "loop2")
    os.symlink("loop2", "loop1")
    os.symlink("self", "self")
    os.symlink("../d/e", "d/up")
    os.symlink("missing", "broken")

    def show(p, **kw):
        try:
            r = pp.realpath(p, **kw)
        except OSError as e:
            print(repr(p), kw, type(e).__name__, e.errno)
            return
        if isinstance(r, bytes):
            r = r.replace(cwd.encode(), b"<cwd>")
        else:
            r = r.replace(cwd, "<cwd>")
        print(repr(p), kw, repr(r))

    for p in ["ld", "ld/le", "ld/le/..", "root", "root/..", "loop1", "loop1/x", "self/a/b",
              "d/up/../le", "broken", "broken/x", "ld/../ld/le", "x/../ld", "ld/./le//",
              "/", "", ".", b"ld/le", b"loop2"]:
        show(p)
    print(pp.realpath("..") == here, pp.realpath("../..") == pp.dirname(here))
    for p in ["ld/le", "loop1", "broken", "nope", "self", "d/up"]:
        show(p, strict=True)
finally:
    os.chdir(here)
    for p in ["d/le", "d/up", "ld", "root", "loop1", "loop2", "self", "broken"]:
        os.unlink(base + "/" + p)
    os.rmdir(base + "/d/e")
    os.rmdir(base + "/d")
    os.rmdir(base)
