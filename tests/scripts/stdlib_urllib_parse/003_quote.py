from urllib.parse import (quote, quote_plus, unquote, unquote_plus,
                          quote_from_bytes, unquote_to_bytes)

for s in ["hello world", "a/b/c", "ümlaut é", "~_.-", "100%", "a+b=c&d",
          "", "日本", "slash/and space", "\x00\x7f"]:
    print(repr(s), quote(s), quote(s, safe=""), quote_plus(s), quote_plus(s, safe="/"))
print(quote("a b", safe=" "), quote(b"a b\xff"), quote("é", encoding="latin-1"))
print(quote("é", encoding="ascii", errors="replace"))
print(quote_from_bytes(b"\x00abc/"), quote_from_bytes(b"x y", safe=b" "))
try:
    quote_from_bytes("str")
except TypeError as e:
    print("TypeError", e)
try:
    quote(b"x", encoding="utf-8")
except TypeError as e:
    print("TypeError", e)

for s in ["hello%20world", "%E6%97%A5%E6%9C%AC", "a+b", "%zz%4", "%", "100%25",
          "%e9", "no escapes", "%41%42%43", "%C3", "mixed%20%E6%97x"]:
    print(repr(s), repr(unquote(s)), repr(unquote_plus(s)), unquote_to_bytes(s))
print(unquote("%e9", encoding="latin-1"), unquote("%ff", errors="strict" if False else "ignore"))
print(unquote(b"a%20b"), unquote_to_bytes(b"%41%"), unquote_to_bytes(""))
print(quote_plus(b"a b"), quote_plus("a b", safe="+"))
