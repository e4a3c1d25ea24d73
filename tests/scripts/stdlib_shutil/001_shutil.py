# copyfileobj, copyfile, copy, copy2, copymode, copystat, copytree (ignore,
# symlinks, dirs_exist_ok), rmtree (onerror, ignore_errors), move, which,
# disk_usage and their errors.
import io
import os
import shutil
import stat
import tempfile

base = tempfile.mkdtemp()
os.chdir(base)


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def read(path):
    with open(path) as f:
        return f.read()


def tree(top):
    found = []
    for root, dirs, files in os.walk(top):
        for name in dirs + files:
            full = os.path.join(root, name)
            found.append(os.path.relpath(full, top) + ("@" if os.path.islink(full) else ""))
    return sorted(found)


src, dst = io.BytesIO(b"x" * 100000), io.BytesIO()
shutil.copyfileobj(src, dst, 4096)
print(len(dst.getvalue()))

write("a.txt", "alpha")
os.chmod("a.txt", 0o640)
print(shutil.copyfile("a.txt", "b.txt"), read("b.txt"))
try:
    shutil.copyfile("a.txt", "a.txt")
except shutil.SameFileError as exc:
    print("SameFileError", exc, isinstance(exc, shutil.Error), isinstance(exc, OSError))
try:
    shutil.copyfile("missing.txt", "c.txt")
except FileNotFoundError as exc:
    print("FileNotFoundError", exc)
os.mkdir("dir")
print(shutil.copy("a.txt", "dir"), oct(stat.S_IMODE(os.stat("dir/a.txt").st_mode)))
os.utime("a.txt", (1000000000, 1000000000))
print(shutil.copy2("a.txt", "c.txt"), os.stat("c.txt").st_mtime == 1000000000.0,
      oct(stat.S_IMODE(os.stat("c.txt").st_mode)))
write("d.txt", "delta")
shutil.copymode("a.txt", "d.txt")
print(oct(stat.S_IMODE(os.stat("d.txt").st_mode)))
shutil.copystat("a.txt", "d.txt")
print(os.stat("d.txt").st_mtime)
os.symlink("a.txt", "link.txt")
shutil.copyfile("link.txt", "viafollow.txt")
shutil.copyfile("link.txt", "vialink.txt", follow_symlinks=False)
print(os.path.islink("viafollow.txt"), os.path.islink("vialink.txt"), os.readlink("vialink.txt"))

os.makedirs("src/sub/deep")
write("src/one.py", "1")
write("src/two.pyc", "2")
write("src/sub/three.py", "3")
write("src/sub/deep/four.txt", "4")
os.symlink("one.py", "src/link.py")
print(shutil.copytree("src", "copy1"), tree("copy1"))
shutil.copytree("src", "copy2", symlinks=True, ignore=shutil.ignore_patterns("*.pyc", "deep"))
print(tree("copy2"))
try:
    shutil.copytree("src", "copy1")
except FileExistsError as exc:
    print("FileExistsError", exc.errno, os.path.basename(exc.filename))
shutil.copytree("src", "copy1", dirs_exist_ok=True)
print(len(tree("copy1")))
seen = []
shutil.copytree("src", "copy3", ignore=lambda path, names: seen.append(
    (os.path.relpath(path, base), sorted(names))) or set())
print(sorted(seen))

shutil.rmtree("copy3")
print(os.path.exists("copy3"))
try:
    shutil.rmtree("nothing")
except FileNotFoundError as exc:
    print("FileNotFoundError", exc.errno)
shutil.rmtree("nothing", ignore_errors=True)
errors = []
shutil.rmtree("nothing", onerror=lambda func, path, info: errors.append(
    (func.__name__, os.path.basename(path), info[0].__name__)))
print(errors)
os.symlink("copy2", "treelink")
try:
    shutil.rmtree("treelink")
except OSError as exc:
    print("OSError", exc)
os.unlink("treelink")

print(shutil.move("b.txt", "moved.txt"), os.path.exists("b.txt"), read("moved.txt"))
print(shutil.move("moved.txt", "dir"), os.path.exists("dir/moved.txt"))
print(shutil.move("copy2", "dir"), tree("dir"))
write("dir2.txt", "x")
os.mkdir("target")
write("target/dir2.txt", "y")
try:
    shutil.move("dir2.txt", "target")
except shutil.Error as exc:
    print("Error", str(exc).replace(base, "<base>"))

print(shutil.which("sh") is not None, shutil.which("no-such-program-xyz"))
write("tool", "#!/bin/sh\n")
os.chmod("tool", 0o755)
print(shutil.which("tool", path=base) == os.path.join(base, "tool"), shutil.which("./tool"))
print(shutil.which("a.txt", path=base))
usage = shutil.disk_usage(base)
print(type(usage).__name__, usage._fields, usage.total >= usage.used >= 0, usage.free >= 0)
print(tuple(shutil.get_terminal_size((100, 40))) in [(100, 40)] or "env")

shutil.chown("tool", user=os.getuid())
shutil.chown("tool", group=os.getgid())
try:
    shutil.chown("tool")
except ValueError as exc:
    print("ValueError", exc)
size = shutil.get_terminal_size()
print(type(size).__name__, size == (size.columns, size.lines))

os.chdir("/")
shutil.rmtree(base)
print(os.path.exists(base))
