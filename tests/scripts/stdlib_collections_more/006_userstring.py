# UserString: a str wrapper whose string results keep the wrapper's class.
from collections import UserString


class Tagged(UserString):
    pass


s = Tagged("Hello World")
print(s, repr(s), len(s), s[0], type(s[0]).__name__, s[::-1])
print(type(s.upper()).__name__, s.upper(), s.lower(), s.swapcase(), s.title())
print(s.center(15, "*"), s.ljust(13, "."), s.rjust(13), s.zfill(13))
print(s.replace("l", "L"), s.replace(UserString("o"), UserString("0"), 1))
print(s.count("l"), s.count(UserString("o")), s.find("o"), s.rfind(UserString("o")))
print(s.index("W"), s.rindex("o"), s.startswith("He"), s.endswith(("x", "ld")))
print(s.split(), s.rsplit("o", 1), s.partition(" "), s.rpartition("o"))
print(s.strip("Hd"), s.lstrip("H"), s.rstrip("d"), UserString("  x ").strip())
print(s.removeprefix("Hello "), s.removesuffix(UserString(" World")))
print(s.isalpha(), s.isupper(), UserString("42").isdigit(), UserString("ab").isidentifier())
print(UserString("a\tb").expandtabs(4), UserString("x\ny").splitlines(True))
print(UserString("{0}-{k}").format(1, k=2), UserString("{a}").format_map({"a": 3}))
print(UserString(",").join(["a", "b"]), s.encode(), s.encode(None, None), s.casefold())
print(UserString("ab").translate(str.maketrans("a", "A")), UserString.maketrans("x", "y"))
print(s + "!", "<" + s, s + UserString("?"), s + 5, s * 2, 2 * s)
print(UserString("%s=%d") % ("a", 1), "[%s]" % UserString("v"), type(UserString("%s") % 1).__name__)
print(int(UserString("12")), float(UserString("1.5")), complex(UserString("1+2j")))
print(str(s), hash(s) == hash("Hello World"), s.__getnewargs__())
print("World" in s, UserString("lo") in s, s == "Hello World", s == UserString("Hello World"))
print(UserString("a") < "b", UserString("a") <= UserString("a"), UserString("b") > "a", UserString("b") >= "c")
print(UserString(12), UserString(UserString("x")), UserString(["l"]))
for call in (lambda: s.startswith(UserString("H")), lambda: s.index(UserString("H")),
             lambda: UserString("a") < 1, lambda: s * "x"):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
try:
    s.index("zz")
except ValueError as e:
    print("ValueError", e)
print(sorted([UserString("b"), UserString("a")]), list(UserString("ab")))
