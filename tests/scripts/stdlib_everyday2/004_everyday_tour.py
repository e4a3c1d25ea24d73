# An everyday script: argparse CLI, csv and json processing, dataclasses, enum,
# PurePosixPath, collections, itertools, functools, textwrap, string.Template,
# shlex, heapq, bisect, statistics, random, operator and contextlib together.
import argparse, csv, io, json, textwrap, shlex, heapq, bisect, statistics, random, operator
from string import Template
from dataclasses import dataclass, field, asdict, astuple, replace
from enum import Enum, IntEnum, Flag, auto
from collections import Counter, defaultdict, OrderedDict, deque, namedtuple, ChainMap
import itertools, functools, contextlib
from pathlib import PurePosixPath
from typing import NamedTuple, Optional

p = argparse.ArgumentParser(prog="tool", description="Process things.")
p.add_argument("-n", "--count", type=int, default=3)
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("--mode", choices=["a", "b"], default="a")
sub = p.add_subparsers(dest="cmd")
s1 = sub.add_parser("run", help="run it")
s1.add_argument("--fast", action="store_true")
ns = p.parse_args(["-vv", "-n", "5", "--mode", "b", "run", "--fast"])
print(ns)
print(p.format_help())
print(p.format_usage())
try:
    p.parse_args(["--mode", "c"])
except SystemExit as e:
    print("exit", e.code)

data = "name,qty,price\napple,3,1.5\npear,10,0.25\nfig,1,3\n"
rows = list(csv.DictReader(io.StringIO(data)))
total = sum(int(r["qty"]) * float(r["price"]) for r in rows)
print(rows, total)
out = io.StringIO()
w = csv.DictWriter(out, fieldnames=["name", "total"], quoting=csv.QUOTE_NONNUMERIC)
w.writeheader()
for r in rows:
    w.writerow({"name": r["name"], "total": int(r["qty"]) * float(r["price"])})
print(repr(out.getvalue()))
print(json.dumps({"rows": rows, "total": total}, indent=2, sort_keys=True))
print(json.dumps([1.0, float("inf"), None, "é"], ensure_ascii=False))

@dataclass(order=True)
class Item:
    name: str
    qty: int = 0
    tags: list = field(default_factory=list)
    def cost(self, unit):
        return self.qty * unit
a = Item("a", 2); b = Item("b", 1, ["x"])
print(a, b, a < b, asdict(b), astuple(a), replace(a, qty=9))
print(sorted([b, a]))

class Color(Enum):
    RED = 1
    GREEN = auto()
class Perm(Flag):
    R = auto(); W = auto(); X = auto()
print(Color.GREEN, repr(Color(1)), list(Color), Color["RED"].value)
print(Perm.R | Perm.W, repr(Perm.R | Perm.X), Perm(7))
class Lvl(IntEnum):
    LOW = 1; HIGH = 2
print(Lvl.HIGH > Lvl.LOW, Lvl.HIGH + 1, f"{Lvl.LOW}", str(Lvl.LOW), format(Color.RED))

path = PurePosixPath("/usr/local/lib/python3.11/site.py")
print(path.name, path.stem, path.suffix, path.parent, path.parts[:3], path.with_suffix(".txt"))
print(path.relative_to("/usr"), PurePosixPath("a") / "b" / "c.tar.gz", PurePosixPath("c.tar.gz").suffixes)

c = Counter("mississippi")
print(c.most_common(2), c["s"], sorted(c.elements())[:4])
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dict(dd), deque([1, 2, 3], maxlen=2))
P = namedtuple("P", "x y", defaults=[0])
print(P(1), P(1, 2)._asdict(), P._fields)
print(ChainMap({"a": 1}, {"a": 2, "b": 3})["b"])
class Pt(NamedTuple):
    x: int
    y: Optional[int] = None
print(Pt(1), Pt._field_defaults)

print(list(itertools.accumulate([1, 2, 3, 4], operator.mul)), list(itertools.pairwise("abcd")))
print([(k, list(g)) for k, g in itertools.groupby("aabbbc")])
print(list(itertools.combinations(range(4), 2))[:3], list(itertools.product("ab", repeat=2)))
print(list(itertools.islice(itertools.cycle("xy"), 5)), list(itertools.zip_longest("ab", "c", fillvalue="-")))
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), fib.cache_info())
print(functools.reduce(operator.add, range(10)), functools.partial(int, base=2)("101"))
@functools.total_ordering
class V:
    def __init__(s, v): s.v = v
    def __eq__(s, o): return s.v == o.v
    def __lt__(s, o): return s.v < o.v
print(V(1) >= V(2), V(3) > V(2))

print(textwrap.fill("The quick brown fox jumps over the lazy dog " * 3, width=30))
print(textwrap.dedent("""\
    hello
      world
    """), textwrap.shorten("Hello  world, this is long", width=15), textwrap.indent("a\nb", "> "))
print(Template("$who likes ${what}").substitute(who="tim", what="kung pao"))
print(Template("$who $x").safe_substitute(who="a"))
print(shlex.split('a "b c" d\\ e'), shlex.quote("it's"), shlex.join(["a b", "c"]))
h = [5, 1, 8, 3]
heapq.heapify(h); print(heapq.heappop(h), heapq.nsmallest(2, [5, 1, 8, 3]), heapq.nlargest(2, [5, 1, 8]))
print(list(heapq.merge([1, 4], [2, 3])))
xs = [1, 3, 5, 7]
print(bisect.bisect_left(xs, 5), bisect.bisect(xs, 5)); bisect.insort(xs, 4); print(xs)
print(statistics.mean([1, 2, 3, 4]), statistics.median([1, 3, 2]), statistics.stdev([1, 2, 3, 4]), statistics.mode([1, 1, 2]))
print(statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=4), statistics.fmean([1, 2]))
random.seed(42)
print(random.randint(1, 100), random.choice("abc"), random.sample(range(10), 3), round(random.random(), 6))
l = list(range(5)); random.shuffle(l); print(l, random.choices("ab", k=3), round(random.uniform(1, 2), 6))
print(operator.itemgetter(1, 0)(["a", "b"]), operator.attrgetter("real")(3), operator.methodcaller("upper")("x"))
with contextlib.suppress(KeyError):
    {}["x"]
@contextlib.contextmanager
def tag(n):
    print("<" + n + ">"); yield n; print("</" + n + ">")
with tag("b") as t:
    print("in", t)
with contextlib.ExitStack() as st:
    for n in "xy":
        st.enter_context(tag(n))
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("hidden")
print(repr(buf.getvalue()))
