# scandir entries and walk in both orders, pruning, onerror, links.
import os

base = "tmp_os_003"
os.makedirs(base + "/d1/d11")
os.makedirs(base + "/d2")
for name in ("f1", "d1/f2", "d1/d11/f3"):
    with open(base + "/" + name, "w") as f:
        f.write(name)
os.symlink("d2", base + "/ld2")
os.symlink("f1", base + "/lf1")
os.symlink("missing", base + "/broken")
try:
    with os.scandir(base) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print(repr(e), e.name, e.path, os.fspath(e), e.is_dir(), e.is_file(), e.is_symlink(),
              e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False),
              e.inode() == os.lstat(e.path).st_ino)
    f1 = [e for e in entries if e.name == "lf1"][0]
    print(f1.stat().st_size, f1.stat(follow_symlinks=False).st_size == os.lstat(f1.path).st_size)
    try:
        [e for e in entries if e.name == "broken"][0].stat()
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    print(sorted(e.name for e in os.scandir(base + "/d1")))
    print(sorted(e.path for e in os.scandir(os.path.join(base, "d1"))))
    print(sorted(repr(e) for e in os.scandir(os.fsencode(base + "/d1"))))
    it = os.scandir(base)
    it.close()
    print(list(it))

    def norm(rows):
        return [(top, sorted(dirs), sorted(files)) for top, dirs, files in rows]

    print(sorted(norm(os.walk(base))))
    print(sorted(norm(os.walk(base, followlinks=True))))
    bottom_up = norm(os.walk(base, topdown=False))
    print(bottom_up[-1][0] == base, sorted(bottom_up))
    order = [top for top, _, _ in os.walk(base, topdown=False)]
    print(order.index(base + "/d1/d11") < order.index(base + "/d1"))
    print(len(list(os.walk(base, topdown=False, followlinks=True))))
    pruned = []
    for top, dirs, files in os.walk(base):
        dirs[:] = [d for d in dirs if d != "d1"]
        pruned.append(top)
    print(sorted(pruned))
    errors = []
    print(list(os.walk(base + "/nope", onerror=errors.append)), [type(e).__name__ for e in errors])
    print(list(os.walk(base + "/f1")))
    print(sorted(norm(os.walk(os.fsencode(base + "/d1")))))
finally:
    for name in ("f1", "d1/f2", "d1/d11/f3", "ld2", "lf1", "broken"):
        os.unlink(base + "/" + name)
    for name in ("d1/d11", "d1", "d2", ""):
        os.rmdir(base + "/" + name)
