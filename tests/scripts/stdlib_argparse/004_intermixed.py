# parse_intermixed_args: positionals interleaved with optionals, in two passes.
import argparse
p = argparse.ArgumentParser(prog="im")
p.add_argument("--foo")
p.add_argument("cmd")
p.add_argument("rest", nargs="*", type=int)
print(p.parse_known_args("doit 1 --foo bar 2 3".split()))
print(p.parse_intermixed_args("doit 1 --foo bar 2 3".split()))
print(p.parse_known_intermixed_args("doit 1 --foo bar 2 3 --x".split()))
q = argparse.ArgumentParser(prog="q")
q.add_argument("--req", required=True)
q.add_argument("files", nargs="+")
print(q.parse_intermixed_args(["a", "--req", "r", "b"]))
try:
    q.parse_intermixed_args(["a", "b"])
except SystemExit as e:
    print("exit", e.code)
r = argparse.ArgumentParser(prog="r")
r.add_argument("x", nargs=argparse.REMAINDER)
try:
    r.parse_intermixed_args([])
except TypeError as e:
    print("TypeError", e)
