import os
name = "tmp_open_binary.bin"
with open(name, "wb") as f:
    print(f.write(b"\x00\x01\x02abc"), f.write(bytes(range(250, 256))))
with open(name, "rb") as f:
    data = f.read()
    print(data, len(data), type(data).__name__)
    f.seek(3)
    print(f.read(3), f.tell())
    f.seek(-2, 2)
    print(f.read())
with open(name, "r+b") as f:
    f.write(b"XY")
    f.seek(0)
    print(f.read(5))
try:
    open(name, "x")
except FileExistsError as e:
    print("FileExistsError", e.errno)
os.remove(name)
with open(name, "x") as f:
    f.write("exclusive")
with open(name, "w+") as f:
    f.write("read back")
    f.seek(0)
    print(f.read())
with open(name, "a+") as f:
    f.write("!")
    f.seek(0)
    print(f.read())
os.remove(name)
try:
    open(name)
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    with open("tmp_closed.txt", "w") as f:
        pass
    f.write("x")
except ValueError as e:
    print("ValueError:", e)
os.remove("tmp_closed.txt")
