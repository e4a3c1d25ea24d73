# exists, lexists, isfile, isdir, islink, ismount, get*time/size, same*.
import os
import os.path as pp

base = "tmp_pp_004"
os.mkdir(base)
try:
    with open(base + "/f", "w") as f:
        f.write("12345")
    os.symlink("f", base + "/lf")
    os.symlink("missing", base + "/broken")
    for p in [base, base + "/f", base + "/lf", base + "/broken", base + "/nope", "",
              "a\0b", b"tmp_pp_004/f"]:
        print(repr(p), pp.exists(p), pp.lexists(p), pp.isfile(p), pp.isdir(p), pp.islink(p),
              pp.ismount(p))
    print(pp.ismount("/"), pp.ismount(b"/"), pp.ismount("/nonexistent_xyz"))
    print(pp.getsize(base + "/f"), pp.getsize(base + "/lf"))
    st = os.stat(base + "/f")
    print(pp.getmtime(base + "/f") == st.st_mtime, pp.getatime(base + "/f") == st.st_atime,
          pp.getctime(base + "/f") == st.st_ctime, type(pp.getmtime(base + "/f")).__name__)
    print(pp.samefile(base + "/f", base + "/lf"), pp.samefile(base, base + "/f"))
    print(pp.samestat(os.stat(base), os.stat(base + "/.")), pp.samestat(st, os.stat(base)))
    fd1 = os.open(base + "/f", os.O_RDONLY)
    fd2 = os.open(base + "/lf", os.O_RDONLY)
    print(pp.sameopenfile(fd1, fd2), pp.sameopenfile(fd1, 0))
    os.close(fd1)
    os.close(fd2)
    for fn in (pp.getsize, pp.getmtime, pp.getatime, pp.getctime):
        try:
            fn(base + "/nope")
        except FileNotFoundError as e:
            print(fn.__name__, "FileNotFoundError", e.errno, e.filename)
    try:
        pp.samefile(base, base + "/nope")
    except FileNotFoundError as e:
        print("samefile FileNotFoundError", e.errno)
finally:
    for name in ("f", "lf", "broken"):
        os.unlink(base + "/" + name)
    os.rmdir(base)
