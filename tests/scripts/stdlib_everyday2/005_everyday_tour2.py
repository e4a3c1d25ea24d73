# Everyday script, second tour: argparse groups and errors, json errors and
# encoders, frozen and inherited dataclasses, enum lookups and unique, typing
# hints, pathlib and os.walk on a temporary tree, csv.Sniffer, statistics.
import argparse, json, os, sys, tempfile, typing, dataclasses, enum, csv, io, statistics, pathlib, collections, itertools, functools, string
from typing import List, Dict, Union, Optional, Callable, TypeVar, Generic, Any, Literal, get_type_hints

p = argparse.ArgumentParser(prog="calc")
g = p.add_mutually_exclusive_group(required=True)
g.add_argument("--add", nargs=2, type=float, metavar=("A", "B"))
g.add_argument("--neg", type=float)
p.add_argument("--out", type=argparse.FileType("w"), default="-")
for argv in (["--add", "1", "2"], ["--neg", "x"], [], ["--add", "1", "2", "--neg", "3"]):
    try:
        print(p.parse_args(argv).add)
    except SystemExit as e:
        print("exit", e.code)
print(p.format_help())

try:
    json.loads('{"a": 1,}')
except json.JSONDecodeError as e:
    print(type(e).__name__, e, e.pos, e.lineno, e.colno)
print(json.loads('[1, 2.5, "x", null, true]'), json.dumps({"b": 1, "a": [1, 2]}, separators=(",", ":")))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set): return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1}}, cls=Enc))
try:
    json.dumps(object())
except TypeError as e:
    print(e)

@dataclasses.dataclass(frozen=True)
class F:
    x: int
    y: "list[int]" = dataclasses.field(default_factory=list, repr=False, compare=False)
f = F(1)
try:
    f.x = 2
except dataclasses.FrozenInstanceError as e:
    print("frozen", e)
print(f, hash(F(1)) == hash(F(1)), dataclasses.fields(F)[0].name, dataclasses.is_dataclass(f))
@dataclasses.dataclass
class Base:
    a: int
    def __post_init__(self):
        self.b = self.a * 2
@dataclasses.dataclass
class Kid(Base):
    c: str = "z"
k = Kid(3)
print(k, k.b)
try:
    Kid()
except TypeError as e:
    print(e)

class Shape(enum.Enum):
    SQUARE = "sq"
    CIRCLE = "ci"
    def describe(self):
        return f"{self.name.lower()}:{self.value}"
    @classmethod
    def parse(cls, s):
        return cls(s)
print(Shape.parse("ci").describe(), Shape.SQUARE in Shape, len(Shape))
try:
    Shape("zz")
except ValueError as e:
    print(e)
class S(enum.StrEnum):
    A = enum.auto()
print(S.A, S.A == "a", S.A.upper())
@enum.unique
class U(enum.Enum):
    A = 1
try:
    @enum.unique
    class U2(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)

T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, v: T) -> None:
        self.v = v
def f1(a: int, b: Optional[str] = None) -> List[int]: ...
print(get_type_hints(f1), Box[int], Box(3).v, typing.get_origin(List[int]), typing.get_args(Dict[str, int]))
print(Union[int, str], Optional[int], Literal["a", "b"], Callable[[int], str])

d = tempfile.mkdtemp()
root = pathlib.Path(d)
(root / "sub").mkdir()
(root / "sub" / "a.txt").write_text("hello\nworld\n")
(root / "b.csv").write_text("x,y\n1,2\n")
print(sorted(str(x.relative_to(root)) for x in root.rglob("*")))
print([x.name for x in sorted(root.glob("*.csv"))], (root / "sub" / "a.txt").read_text().splitlines())
print((root / "sub" / "a.txt").stat().st_size, (root / "nope").exists(), (root / "sub").is_dir())
with (root / "b.csv").open(newline="") as fh:
    print(list(csv.reader(fh)))
(root / "b.csv").rename(root / "c.csv")
print(sorted(p.name for p in root.iterdir()))
for dirpath, dirnames, filenames in os.walk(d):
    print(os.path.relpath(dirpath, d), sorted(dirnames), sorted(filenames))

print(csv.Sniffer().sniff("a;b;c\n1;2;3\n").delimiter, csv.Sniffer().has_header("name,age\nx,1\ny,2\n"))
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print(e)
print(statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]), statistics.pvariance([1, 2, 3, 4]))
od = collections.OrderedDict.fromkeys("abc")
od.move_to_end("a"); print(list(od), od.popitem(last=False))
print(string.ascii_lowercase[:5], string.capwords("hello there  you"), "{:>8.3f}|{:<6}|{:^7}|{:,}".format(3.14159, "ab", "mid", 1234567))
print(sorted({"b": 2, "a": 3}.items(), key=functools.cmp_to_key(lambda x, y: x[1] - y[1])))
print(list(itertools.chain.from_iterable([[1], [2, 3]])), list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print(f"{'x'!r:>5}", f"{12345.678:e}", f"{0.5:%}", f"{255:#x}", f"{-3:+05d}")
