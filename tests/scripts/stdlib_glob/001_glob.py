# glob over a small tree: wildcards per component, hidden names, '**' with
# recursive=True (following a symbolic link to a directory), root_dir,
# trailing separators, escape() and has_magic().
import glob
import os
import shutil
import tempfile

base = tempfile.mkdtemp()
os.chdir(base)
for d in ("a/b/c", "d", ".hid"):
    os.makedirs(d)
for f in ("x.py", "y.txt", "a/z.py", "a/b/w.py", "a/b/c/v.py", ".hid/h.py", ".dot.py", "d/q*.py"):
    open(f, "w").close()
os.symlink("a", "lnk")

cases = [("*.py", {}), ("*", {}), ("**", {"recursive": True}), ("**/*.py", {"recursive": True}),
         ("a/**", {"recursive": True}), ("a/**/", {"recursive": True}), ("*/", {}),
         ("a/*/*.py", {}), ("**/*.py", {}), ("*.py", {"include_hidden": True}), (".*", {}),
         ("d/" + glob.escape("q*.py"), {}), ("nonexist/*", {}), ("x.py", {}), ("missing.py", {}),
         ("a/", {}), ("a/b", {}), ("?/*", {}), ("[ad]", {}), ("*.py", {"root_dir": "a/b"}),
         ("**", {"recursive": True, "root_dir": "a"}),
         ("**/*.py", {"recursive": True, "include_hidden": True}), (base + "/a/*.py", {})]
for pattern, kwargs in cases:
    found = sorted(glob.glob(pattern, **kwargs))
    print(pattern.replace(base, "<base>"), kwargs, [f.replace(base, "<base>") for f in found])
print(glob.escape("a*b?c[d]"), glob.has_magic("a[b"), glob.has_magic("abc"))
print(sorted(glob.iglob("*.txt")), type(glob.iglob("*")).__name__)
os.chdir("/")
shutil.rmtree(base)
print(os.path.exists(base))
