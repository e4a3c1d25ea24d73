# normpath, abspath, commonprefix, commonpath, relpath.
import os
import os.path as pp

for p in ["", ".", "/", "//", "///", "////a", "//a//b/", "a/./b/../c", "../../a/..",
          "/../a", "/..", "a/..", "a/../..", "./", "a/b/c/../../..", "..//../x/.",
          b"", b"/a/./b/..", b"//x"]:
    print("normpath", repr(p), repr(pp.normpath(p)))
cwd = os.getcwd()
print(pp.abspath("f.txt") == cwd + "/f.txt", pp.abspath("/x/../y"), pp.abspath(b"/a/./b"))
print(pp.abspath(".") == cwd, pp.abspath(b"x") == cwd.encode() + b"/x")
for m in [[], ["abc", "abd"], ["/usr/lib", "/usr/local"], ["a"], ["", "a"],
          [[1, 2, 3], [1, 2, 4]], ("xy", "xyz", "xyw"), [b"ab", b"ac"]]:
    print("commonprefix", repr(pp.commonprefix(m)))
for paths in [["/a/b", "/a/c"], ["/a/b/c", "/a/b"], ["a/b", "a/b/c/d"], ["/", "/"],
              ["", ""], ["a/./b", "a/b/c"], ["//a/b", "/a"], [b"a/b", b"a"],
              ["/usr/lib", "/usr/local"], ["x", "y"], ("/a/b",), iter(["a/b", "a/c"])]:
    print("commonpath", repr(pp.commonpath(paths)))
for args in [("/a/b", "/a/c/d"), ("a", "a"), (b"/x", b"/"), ("/a/b/c", "/a"),
             ("/", "/a/b"), ("/a/b", "/a/b/"), ("/x/y", "/z"), ("x/../y", "x")]:
    print("relpath", args, repr(pp.relpath(*args)))
print(pp.relpath("x"), pp.relpath("sub/f", None), pp.relpath(cwd) == ".")
