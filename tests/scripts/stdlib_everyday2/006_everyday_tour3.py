# Everyday script, third tour: logging to a stream (exception, adapter, levels),
# a small class, word counts, dates, re, match statements, builtins' corners.
import logging, sys, io, re, datetime, collections, itertools, functools, json, textwrap, string, operator, contextlib, typing, enum, dataclasses

stream = io.StringIO()
logging.basicConfig(stream=stream, level=logging.DEBUG, format="%(levelname)-8s %(name)s:%(lineno)d %(funcName)s %(message)s")
log = logging.getLogger("app.sub")
def work(x):
    log.debug("working on %s", x)
    try:
        1 / x
    except ZeroDivisionError:
        log.exception("failed for %r", x)
    log.info("done %(x)s", {"x": x})
work(0); work(2)
adapter = logging.LoggerAdapter(log, {"user": "bob"})
adapter.warning("from adapter")
logging.getLogger("app").setLevel(logging.WARNING)
log.info("hidden"); log.warning("shown %d%%", 5)
text = stream.getvalue()
# CPython marks the failing expression with ~~^~~ lines, which gilt does not draw.
text = "\n".join(line for line in text.splitlines() if line.strip(" ~^"))
print(re.sub(r'File ".*?"', 'File "F"', text))

class Stack:
    def __init__(self): self._items = []
    def push(self, x): self._items.append(x); return self
    def pop(self):
        if not self._items: raise IndexError("pop from empty stack")
        return self._items.pop()
    def __len__(self): return len(self._items)
    def __iter__(self): return reversed(self._items)
    def __repr__(self): return f"Stack({self._items!r})"
s = Stack().push(1).push(2)
print(s, len(s), list(s), s.pop(), bool(Stack()))
try: Stack().pop()
except IndexError as e: print(repr(e))

words = "the cat sat on the mat the end".split()
freq = collections.Counter(words)
width = max(map(len, freq))
for w, n in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"{w:<{width}} {'#' * n} {n}")
print(dict(sorted(collections.Counter(len(w) for w in words).items())))

d0 = datetime.date(2024, 2, 28)
print(d0 + datetime.timedelta(days=2), d0.strftime("%A %d %B %Y"), d0.isocalendar(), (datetime.date(2024, 12, 25) - d0).days)
dt = datetime.datetime(2024, 3, 10, 14, 30, tzinfo=datetime.timezone.utc)
print(dt.isoformat(), dt.astimezone(datetime.timezone(datetime.timedelta(hours=-5))).isoformat(), dt.timestamp())
print(datetime.datetime.fromisoformat("2024-03-10T14:30:00+01:00"), datetime.timedelta(hours=25, seconds=3.5))

m = re.match(r"(?P<key>\w+)\s*=\s*(?P<val>.*)", "name = gilt  ")
print(m.groupdict(), m.span("val"), re.findall(r"\d+", "a1b22c333"), re.split(r"[,;]\s*", "a, b;c"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@host you@there"), re.fullmatch(r"[a-z]+", "abc1"))

def chunks(it, n):
    it = iter(it)
    while batch := list(itertools.islice(it, n)):
        yield batch
print(list(chunks(range(7), 3)))
match {"cmd": "move", "args": [1, 2]}:
    case {"cmd": "move", "args": [x, y]}:
        print("move", x, y)
    case _:
        print("other")
def describe(o):
    match o:
        case int() | float() as n if n > 0: return "positive"
        case [first, *rest]: return f"list starting {first} (+{len(rest)})"
        case str(s): return "str " + s
        case _: return "?"
print([describe(o) for o in (3, -1, [1, 2, 3], "x", None)])
print(sorted(["b10", "a2", "b9"], key=lambda s: (s[0], int(s[1:]))), max([], default="empty"), min("hello"), sum([[1], [2]], []))
print(divmod(-7, 2), round(2.5), round(3.14159, 2), int("0x1f", 16), f"{1e21:g}", 7 // -2, -7 % 3, pow(3, -1, 7))
print(any(x > 2 for x in [1, 3]), all([]), list(zip(*[(1, "a"), (2, "b")])), list(enumerate("ab", start=1)))
print("%-5s|%5.2f|%+d|%x|%o|%e|%c" % ("ab", 3.14159, 4, 255, 8, 12345.6789, 65))
