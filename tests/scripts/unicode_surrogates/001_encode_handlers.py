# Encoding text that holds lone surrogates: each codec and error handler.
HANDLERS = ["strict", "surrogatepass", "surrogateescape", "replace", "ignore",
            "backslashreplace", "xmlcharrefreplace"]
TEXTS = ["\ud800", "a\ud800\udc00b", "x\udc80\udcff", "\udc80\ud800", "\udfff",
         "caf\xe9 \ud83d", "\u20ac\udc41", "ok \U0001f600 \udc99"]

for text in TEXTS:
    for codec in ["utf-8", "ascii", "latin-1"]:
        for errors in HANDLERS:
            try:
                result = text.encode(codec, errors)
            except UnicodeEncodeError as e:
                result = f"{type(e).__name__}: {e} [{e.start}:{e.end}] {e.encoding} {e.object!r}"
            print(ascii(text), codec, errors, result)

try:
    "\ud800".encode("utf-8", "nosuchhandler")
except LookupError as e:
    print("LookupError", e)
print("plain".encode("utf-8", "nosuchhandler"))
print(bytes("a\udc80", "utf-8", "surrogateescape"))
print(len("\ud800\udc00"), "\ud800\udc00" == "\U00010000")
