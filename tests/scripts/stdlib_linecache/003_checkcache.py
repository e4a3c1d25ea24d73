# linecache.checkcache drops entries whose file changed or vanished, keeps
# hand-registered ones (mtime None); updatecache re-reads; lazy entries.
import linecache
import os

name = "lc_tmp_check.py"
with open(name, "w") as f:
    f.write("one = 1\n")
try:
    print(linecache.getlines(name))
    linecache.checkcache()
    print(name in linecache.cache)
    with open(name, "a") as f:
        f.write("two = 2\n")
    linecache.checkcache(name)
    print(name in linecache.cache, linecache.getlines(name))
    with open(name, "w") as f:
        f.write("changed = 3\n")
    print(linecache.getlines(name))
    print(linecache.updatecache(name), linecache.getline(name, 1))
finally:
    os.remove(name)
linecache.checkcache("never_cached.py")
linecache.cache["<registered>"] = (6, None, ["x = 1\n"], "<registered>")
linecache.checkcache()
print(name in linecache.cache, linecache.getline("<registered>", 1), end="")
linecache.checkcache("<registered>")
print("<registered>" in linecache.cache)
print(linecache.updatecache("<registered>"), "<registered>" in linecache.cache)


class Loader:
    def get_source(self, modname):
        print("get_source", modname)
        return "first\nsecond" if modname != "none_mod" else None


g = {"__name__": "fake_mod", "__loader__": Loader()}
print(linecache.lazycache("fake_mod.py", g))
print(len(linecache.cache["fake_mod.py"]), linecache.lazycache("fake_mod.py", g))
linecache.checkcache()
print(linecache.getlines("fake_mod.py"), linecache.cache["fake_mod.py"][1:])
print(linecache.lazycache("fake_mod.py", g))
print(linecache.lazycache("<x>", g), linecache.lazycache("", g), linecache.lazycache("y.py", None))
print(linecache.lazycache("y.py", {}), linecache.lazycache("y.py", {"__name__": "y"}))
print(linecache.getlines("none.py", {"__name__": "none_mod", "__loader__": Loader()}))
print(linecache.getline("other.py", 2, {"__name__": "o", "__loader__": Loader()}), end="")
linecache.cache["hand_lazy.py"] = (lambda: "a\nb\n",)
print(linecache.getlines("hand_lazy.py"))
linecache.clearcache()
print(linecache.cache)
