# linecache.getline/getlines on this script and on files that cannot be
# read: line numbers out of range, pseudo-files, directories, bad arguments.
import linecache

print(repr(linecache.getline(__file__, 1)))
print(repr(linecache.getline(__file__, 2)))
lines = linecache.getlines(__file__)
print(len(lines) > 10, all(line.endswith("\n") for line in lines))
print(linecache.getlines(__file__) is lines)
for n in (0, -1, len(lines), len(lines) + 1, 10 ** 6):
    print(n == len(lines), repr(linecache.getline(__file__, n))[:20])
for name in ("", "<stdin>", "<string>", "no_such_file.py", "/no/such/dir/x.py", "."):
    print(repr(name), linecache.getlines(name), repr(linecache.getline(name, 1)), name in linecache.cache)
try:
    linecache.getline(__file__, "1")
except TypeError as e:
    print("TypeError", e)
try:
    linecache.getlines(5)
except AttributeError as e:
    print("AttributeError", e)
print(sorted(linecache.__all__))
entry = linecache.cache[__file__]
print(type(entry).__name__, len(entry), entry[2] is lines, entry[3] == __file__, isinstance(entry[0], int))
linecache.clearcache()
print(linecache.cache)
