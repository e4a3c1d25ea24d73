import stat

names = sorted(n for n in dir(stat) if n[:1].isupper())
for name in names:
    value = getattr(stat, name)
    if isinstance(value, int):
        print(name, oct(value) if name.startswith("S_") else value)
    else:
        print(name, "function")
