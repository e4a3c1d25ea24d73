# Parsing: positionals and optionals, types, defaults, choices, nargs,
# actions, dest and abbreviations, '--', parse_known_args, Namespace.
import argparse

p = argparse.ArgumentParser(prog="tool")
p.add_argument("src")
p.add_argument("dst", nargs="?", default="out")
p.add_argument("-n", "--count", type=int, default=1)
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("-q", action="store_true")
p.add_argument("--no-color", dest="color", action="store_false")
p.add_argument("--mode", choices=["fast", "slow"], default="fast")
p.add_argument("--tag", action="append")
p.add_argument("--const", action="store_const", const=42)
p.add_argument("--flag", action="append_const", const="x", dest="flags")
p.add_argument("--ratio", type=float)
p.add_argument("--items", nargs="*")
p.add_argument("--pair", nargs=2, metavar=("A", "B"))
p.add_argument("--more", nargs="+", type=int)
p.add_argument("--ext", action="extend", nargs="+")
p.add_argument("--opt", nargs="?", const="C", default="D")

for argv in (["a"], ["a", "b", "-n", "3", "-vv", "-q"], ["a", "--count=7", "--verbose", "--no-color"],
             ["--mode", "slow", "a", "--tag", "t1", "--tag=t2", "--const", "--flag", "--flag"],
             ["a", "--items", "x", "y", "--pair", "1", "2"], ["a", "--items"],
             ["a", "--more", "1", "2", "3", "--ratio", "2.5"], ["-n5", "a"], ["-vvq", "a"],
             ["a", "--ext", "1", "2", "--ext", "3"], ["a", "--opt"], ["a", "--opt", "val"],
             ["a", "--cou", "4"], ["--", "-a"], ["a", "--", "-b"], ["a", "-n", "-3"]):
    print(argv, "->", p.parse_args(argv))

ns, rest = p.parse_known_args(["a", "--unknown", "b", "c", "-z"])
print(ns.src, ns.dst, rest)

q = argparse.ArgumentParser(prog="q")
q.add_argument("first")
q.add_argument("middle", nargs="*")
q.add_argument("last")
print(q.parse_args(["1", "2", "3", "4"]), q.parse_args(["1", "2"]))
r = argparse.ArgumentParser(prog="r")
r.add_argument("cmd")
r.add_argument("rest", nargs=argparse.REMAINDER)
print(r.parse_args(["run", "-x", "--y", "z"]))
s = argparse.ArgumentParser(prog="s")
s.add_argument("nums", nargs="+", type=int)
s.add_argument("--sum", dest="accumulate", action="store_const", const=sum, default=max)
args = s.parse_args(["1", "2", "3", "--sum"])
print(args.accumulate(args.nums), s.parse_args(["4", "9"]).accumulate([4, 9]))
neg = argparse.ArgumentParser(prog="neg")
neg.add_argument("x", type=int)
neg.add_argument("-f")
print(neg.parse_args(["-5"]), neg.parse_args(["-f", "-2", "3"]))

ns = argparse.Namespace(a=1, b="x")
print(ns, ns == argparse.Namespace(a=1, b="x"), "a" in ns, vars(ns))
print(argparse.Namespace(**{"with-dash": 1, "ok": 2}))
d = argparse.ArgumentParser(prog="d", argument_default=argparse.SUPPRESS)
d.add_argument("--x")
print(d.parse_args([]))
e = argparse.ArgumentParser(prog="e")
e.add_argument("--level", default="3", type=int)
e.set_defaults(extra="yes")
print(e.parse_args([]), e.get_default("level"), e.get_default("extra"))
b = argparse.ArgumentParser(prog="b")
b.add_argument("--feature", action=argparse.BooleanOptionalAction, default=True)
print(b.parse_args([]), b.parse_args(["--no-feature"]), b.parse_args(["--feature"]))
