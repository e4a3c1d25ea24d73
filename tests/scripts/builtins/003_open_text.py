import os
name = "tmp_open_text.txt"
with open(name, "w") as f:
    print(type(f).__name__ in ("TextIOWrapper",), f.closed)
    print(f.write("line one\n"), f.write("line two\nline three\n"))
    f.write("ünïcode €\n")
print(f.closed)
with open(name) as f:
    print(repr(f.read()))
with open(name) as f:
    print(repr(f.readline()), repr(f.readline()))
    print(f.readlines())
with open(name, "r", encoding="utf-8") as f:
    for i, line in enumerate(f):
        print(i, line.rstrip("\n"))
with open(name, "a") as f:
    f.write("appended\n")
with open(name) as f:
    lines = f.read().splitlines()
print(len(lines), lines[-1])
with open(name) as f:
    print(f.read(4), f.tell(), f.read(3))
    f.seek(0)
    print(repr(f.read(8)))
f = open(name)
data = f.read()
f.close()
print(len(data), f.closed)
os.remove(name)
print(os.path.exists(name))
