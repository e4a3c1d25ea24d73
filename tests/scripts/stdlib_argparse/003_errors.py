# Errors: usage and 'prog: error: ...' on stderr, exit status 2; --help and
# --version exit 0; exit_on_error=False raises ArgumentError; bad
# add_argument calls raise ValueError/TypeError.
import argparse
import sys


def attempt(parser, argv):
    try:
        result = parser.parse_args(argv)
        print("parsed", result)
    except SystemExit as exc:
        print("exit", exc.code)
    sys.stderr.flush()


p = argparse.ArgumentParser(prog="tool")
p.add_argument("src")
p.add_argument("-n", type=int)
p.add_argument("--mode", choices=["a", "b"])
p.add_argument("--pair", nargs=2)
p.add_argument("--some", nargs="+")
p.add_argument("-q", action="store_true")
p.add_argument("--version", action="version", version="tool 2.0")
g = p.add_mutually_exclusive_group()
g.add_argument("--on", action="store_true")
g.add_argument("--off", action="store_true")
for argv in ([], ["x", "-n", "abc"], ["x", "--mode", "c"], ["x", "--pair", "1"], ["x", "--some"],
             ["x", "-n"], ["x", "extra", "more"], ["x", "--on", "--off"], ["x", "-q=1"],
             ["x", "--bogus"], ["--version"], ["-h"]):
    print(argv)
    attempt(p, argv)

amb = argparse.ArgumentParser(prog="amb")
amb.add_argument("--foo")
amb.add_argument("--fob")
attempt(amb, ["--fo", "1"])
req = argparse.ArgumentParser(prog="req")
req.add_argument("--must", required=True)
req.add_argument("a")
req.add_argument("b")
attempt(req, [])
group = argparse.ArgumentParser(prog="grp")
must = group.add_mutually_exclusive_group(required=True)
must.add_argument("-x", action="store_true")
must.add_argument("-y", action="store_true")
attempt(group, [])
sub = argparse.ArgumentParser(prog="git")
cmds = sub.add_subparsers(dest="cmd", required=True)
cmds.add_parser("push")
attempt(sub, ["pull"])
attempt(sub, [])

quiet = argparse.ArgumentParser(prog="quiet", exit_on_error=False)
quiet.add_argument("--n", type=int)
try:
    quiet.parse_args(["--n", "x"])
except argparse.ArgumentError as exc:
    print("ArgumentError", exc, exc.argument_name, exc.message)


def positive(text):
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("%r is not positive" % value)
    return value


t = argparse.ArgumentParser(prog="t")
t.add_argument("k", type=positive)
attempt(t, ["-0"])
attempt(t, ["0"])

bad = argparse.ArgumentParser(prog="bad")
for args, kwargs in ((("x",), {"dest": "y"}), (("--a",), {"action": "store", "nargs": 0}),
                     (("--b",), {"action": "nonsense"}), (("x",), {"required": True}),
                     (("-c", "--c"), {}), (("--c",), {}), (("--d",), {"type": "int"}),
                     (("bad-prefix",), {"nargs": 2, "metavar": ("A", "B", "C")})):
    try:
        bad.add_argument(*args, **kwargs)
        print("added", args)
    except (ValueError, TypeError, argparse.ArgumentError) as exc:
        print(type(exc).__name__, exc)
try:
    bad.add_argument("--c")
except argparse.ArgumentError as exc:
    print("ArgumentError", exc)
