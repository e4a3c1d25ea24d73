# re.error: message, pattern, pos, lineno, colno; ValueError and TypeError cases.
import re

for pattern in ["a(b", "a)b", "*a", "a**", "[a-", r"\q", "(?P<1>x)", "(?P=nope)", "a{3,2}",
                "(?<=a+)b", "x(?i)", "(?z)", "(a\n(b", r"[z-a]", r"(a)\2", "a\\"]:
    try:
        re.compile(pattern)
        print(repr(pattern), "compiled")
    except re.error as e:
        print(repr(pattern), "|", e, "|", e.msg, e.pos, e.lineno, e.colno, e.pattern == pattern)
try:
    re.compile("a", re.LOCALE)
except ValueError as e:
    print("ValueError", e)
try:
    re.compile(b"a", re.UNICODE)
except ValueError as e:
    print("ValueError", e)
try:
    re.compile("a", re.ASCII | re.UNICODE)
except ValueError as e:
    print("ValueError", e)
try:
    re.compile(re.compile("a"), re.I)
except ValueError as e:
    print("ValueError", e)
for args in [("a", b"a"), (b"a", "a"), ("a", 5)]:
    try:
        re.search(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    re.compile(5)
except TypeError as e:
    print("TypeError", e)
try:
    re.compile("a{99999999999}")
except OverflowError as e:
    print("OverflowError", e)
print(issubclass(re.error, Exception), re.error.__name__)
e = re.error("custom")
print(e, e.pos, e.pattern)
