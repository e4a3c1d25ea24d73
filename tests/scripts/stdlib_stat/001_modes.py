import os
import stat

modes = [0, 0o100644, 0o40755, 0o120777, 0o4755, 0o2644, 0o1777, 0o1666, 0o4644,
         0o2755, 0o140000, 0o10600, 0o20600, 0o60600, 0o170000, 0o7777, 0o107777]
tests = [stat.S_ISDIR, stat.S_ISREG, stat.S_ISLNK, stat.S_ISCHR, stat.S_ISBLK,
         stat.S_ISFIFO, stat.S_ISSOCK, stat.S_ISDOOR, stat.S_ISPORT, stat.S_ISWHT]
for mode in modes:
    kinds = [t.__name__ for t in tests if t(mode)]
    print(oct(mode), stat.filemode(mode), oct(stat.S_IMODE(mode)), oct(stat.S_IFMT(mode)), kinds)
print(stat.S_ISDIR(os.stat(".").st_mode), stat.S_ISREG(os.stat("001_modes.py").st_mode))
print(stat.filemode(os.stat(".").st_mode)[0], os.stat(".")[stat.ST_MODE] == os.stat(".").st_mode)
print(stat.S_IMODE(True), stat.filemode(True), stat.S_ISDIR(2 ** 32 - 1))
