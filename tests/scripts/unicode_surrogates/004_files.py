# Files opened with errors=... apply the handler when writing and reading.
import os


path = f"/tmp/gilt_surrogates_{os.getpid()}.txt"
for errors in ["strict", "surrogateescape", "surrogatepass", "replace", "ignore",
               "backslashreplace", "xmlcharrefreplace"]:
    for encoding in ["utf-8", "ascii", "latin-1"]:
        try:
            with open(path, "w", encoding=encoding, errors=errors) as f:
                f.write("a\udc80b\ud800c")
            outcome = "wrote"
        except UnicodeEncodeError as e:
            outcome = f"UnicodeEncodeError {e}"
        with open(path, "rb") as f:
            print(encoding, errors, outcome, f.read())

with open(path, "wb") as f:
    f.write(b"caf\xe9 \xff\xfe ok\n")
for errors in ["strict", "surrogateescape", "replace", "ignore", "backslashreplace"]:
    try:
        with open(path, encoding="utf-8", errors=errors) as f:
            print(errors, ascii(f.read()))
    except UnicodeDecodeError as e:
        print(errors, "UnicodeDecodeError", e)
with open(path, encoding="utf-8", errors="surrogateescape") as f:
    text = f.read()
with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
    print(f.errors, f.write(text))
with open(path, "rb") as f:
    print(f.read())
os.remove(path)
