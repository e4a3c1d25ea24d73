print("key=value=more".partition("="))
print("key=value=more".rpartition("="))
print("novalue".partition("="), "novalue".rpartition("="))
text = "one\ntwo\r\nthree\rfour\n\nsix"
print(text.splitlines())
print(text.splitlines(True))
print("".splitlines(), "x\n".splitlines(), "\n".splitlines())
for i, line in enumerate("a\nb\nc".splitlines(), 1):
    print(i, line)
