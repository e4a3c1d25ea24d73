# join, split, basename, dirname, splitext, splitdrive, isabs, normcase on
# str, bytes and PathLike arguments.
import os.path as pp


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


for args in [("a", "b", "c"), ("/a", "b"), ("a", "/b", "c"), ("a/", "b"), ("a", ""),
             ("", "x"), ("", ""), ("/", ""), ("a//", "b/"), ("a",), (b"a", b"b"),
             (b"", b"/x"), (P("a"), P("b")), (P(b"x"), b"y")]:
    print("join", args[0].__class__.__name__, repr(pp.join(*args)))
for p in ["", "a", "/", "//", "///", "a/b", "/a/b/", "a//b", "//a", "///a//b", "/a///",
          b"/x/y", b"z", P("q/r")]:
    print("split", repr(pp.split(p)), repr(pp.basename(p)), repr(pp.dirname(p)))
for p in ["a.txt", "a.tar.gz", ".bashrc", "..", "...", "..a", "a.", "dir.d/file",
          "dir.d/.hidden", "/x/.a.b", "a/b.c/", "", b"x.y", b".z", P("p.q")]:
    print("splitext", repr(p) if not isinstance(p, P) else "P", repr(pp.splitext(p)))
print(pp.splitdrive("/a/b"), pp.splitdrive(b"c"), pp.splitdrive(P("d")))
print(pp.isabs("/a"), pp.isabs("a"), pp.isabs(""), pp.isabs(b"/"), pp.isabs(P("//x")))
print(pp.normcase("AbC"), pp.normcase(b"AbC"), pp.normcase(P("X")))
print(pp.sep, pp.altsep, pp.curdir, pp.pardir, pp.extsep, pp.pathsep, pp.defpath, pp.devnull)
print(pp.supports_unicode_filenames, len(pp.__all__), sorted(pp.__all__)[:5])
