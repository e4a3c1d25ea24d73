# makedirs, removedirs, renames on a scratch tree.
import os

base = "tmp_os_002"


def tree():
    out = []
    for top, dirs, files in os.walk(base):
        out.append((top, sorted(dirs), sorted(files)))
    return sorted(out)


os.makedirs(base + "/a/b/c")
print(tree())
os.makedirs(base + "/a/b/c", exist_ok=True)
try:
    os.makedirs(base + "/a/b/c")
except FileExistsError as e:
    print("FileExistsError", e.errno, e.filename)
os.makedirs(base + "/x/./y/", exist_ok=False)
os.makedirs(base + "/n/.")
print(tree())
try:
    os.makedirs(base + "/n/.")
except FileExistsError as e:
    print("FileExistsError", e.errno)
with open(base + "/file", "w") as f:
    f.write("x")
for target in (base + "/file", base + "/file/sub"):
    try:
        os.makedirs(target, exist_ok=True)
    except OSError as e:
        print(type(e).__name__, e.errno)
os.makedirs(base + "/m", 0o700)
print(oct(os.stat(base + "/m").st_mode & 0o777))

os.renames(base + "/a/b/c", base + "/r/s/t")
print(tree())
os.renames(base + "/file", base + "/deep/er/file2")
print(tree())
os.removedirs(base + "/r/s/t")
print(os.path.exists(base + "/r"), os.path.exists(base))
try:
    os.removedirs(base + "/nope")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
print(tree())
for top, dirs, files in os.walk(base, topdown=False):
    for name in files:
        os.remove(os.path.join(top, name))
    os.rmdir(top)
print(os.path.exists(base))
