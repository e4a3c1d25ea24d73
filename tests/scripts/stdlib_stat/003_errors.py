import stat


class Index:
    def __index__(self):
        return 0o40000


for bad in ["x", 1.5, None, Index(), -1, -2 ** 70, 2 ** 32, 2 ** 64 - 1, 2 ** 64]:
    for fn in (stat.S_ISDIR, stat.S_IMODE, stat.S_IFMT, stat.filemode, stat.S_ISDOOR):
        try:
            print(fn.__name__, fn(bad))
        except (TypeError, OverflowError) as exc:
            print(fn.__name__, type(exc).__name__, exc)
