# Module constants, os.path, environ as a mapping that tracks changes,
# getenv, get_exec_path, fsencode/fsdecode, PathLike.
import os
import os.path
import sys

print(os.name, repr(os.linesep), os.sep, os.altsep, os.extsep, os.pathsep, os.curdir,
      os.pardir, os.defpath, os.devnull)
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.error is OSError, os.path is sys.modules["os.path"])
print(os.path.__name__, os.path.join is os.path.join)

env = os.environ
env["GO_A"] = "1"
print(env["GO_A"], "GO_A" in env, os.getenv("GO_A"), os.getenv("GO_NONE"), os.getenv("GO_NONE", 5))
print(env.setdefault("GO_A", "x"), env.setdefault("GO_B", "2"), env["GO_B"])
env.update({"GO_C": "3"}, GO_D="4")
env |= {"GO_E": "5"}
print(type(env).__name__, [env[k] for k in ("GO_C", "GO_D", "GO_E")])
print(env.pop("GO_C"), env.pop("GO_C", "gone"), "GO_C" in env)
del env["GO_D"]
print("GO_D" in env, os.getenv("GO_D"))
try:
    del env["GO_D"]
except KeyError as e:
    print("KeyError", e)
try:
    env.pop("GO_D")
except KeyError as e:
    print("KeyError", e)
for bad in [("K", 1), (1, "v"), ("K", None)]:
    try:
        env[bad[0]] = bad[1]
    except TypeError as e:
        print("TypeError", e)
c = env.copy()
print(type(c).__name__, c["GO_A"], repr(env).startswith("environ({"), "'GO_A': '1'" in repr(env))
for k in ("GO_A", "GO_B", "GO_E"):
    del env[k]
print(sorted(k for k in env if k.startswith("GO_")))

print(os.get_exec_path({"PATH": "/a:/b"}), os.get_exec_path({}), os.get_exec_path({b"PATH": b"/x:/y"}))
try:
    os.get_exec_path({"PATH": "a", b"PATH": b"b"})
except ValueError as e:
    print("ValueError", e)
env["PATH"] = env.get("PATH", os.defpath)
print(os.get_exec_path() == env["PATH"].split(":"))

print(os.fsencode("a/é"), os.fsdecode(b"a/\xc3\xa9"), os.fsencode(b"x"), os.fsdecode("y"))


class P:
    def __fspath__(self):
        return "p/q"


print(isinstance(P(), os.PathLike), isinstance("s", os.PathLike), issubclass(P, os.PathLike))
print(os.fspath(P()), os.fsencode(P()), os.path.join(P(), "r"))
try:
    os.PathLike()
except TypeError as e:
    print("TypeError", "abstract" in str(e))
