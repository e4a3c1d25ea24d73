# getopt and gnu_getopt (short clusters, values, long prefixes, '--', errors)
# and secrets (sizes and alphabets of tokens, randbelow's range and error).
import getopt
import secrets
import string

cases = [
    (["-a", "-b3", "-c", "x", "file", "-a"], "ab:c:", []),
    (["-ab", "val", "rest"], "ab:", []),
    (["--out=f", "--verb", "--", "-a"], "a", ["output=", "verbose"]),
    (["--ver", "x"], "", ["verbose", "version"]),
    (["--version"], "", ["version", "versions"]),
    (["--out", "f", "a"], "", "out="),
    (["-", "x"], "a", []),
]
for args, short, long in cases:
    for fn in (getopt.getopt, getopt.gnu_getopt):
        try:
            print(fn.__name__, fn(args, short, long))
        except getopt.GetoptError as e:
            print(fn.__name__, "GetoptError", e.msg, repr(e.opt), str(e))
print(getopt.gnu_getopt(["x", "-a", "y"], "+a"))
for args, short, long in [(["-z"], "a", []), (["-b"], "b:", []), (["--o"], "", ["one", "two="]),
                          (["--one=1"], "", ["one"]), (["--two"], "", ["two="]), (["--zz"], "", ["one"])]:
    try:
        getopt.getopt(args, short, long)
    except getopt.error as e:
        print(type(e).__name__, e, e.opt, e.args)

print(len(secrets.token_bytes()), len(secrets.token_bytes(5)), len(secrets.token_hex(4)))
print(all(c in string.hexdigits for c in secrets.token_hex()), len(secrets.token_urlsafe(16)))
print(set(secrets.token_urlsafe(64)) <= set(string.ascii_letters + string.digits + "-_"))
print(all(0 <= secrets.randbelow(3) < 3 for _ in range(50)), secrets.choice("a") == "a")
print(secrets.randbits(8) < 256, secrets.compare_digest(b"ab", b"ab"), secrets.compare_digest("a", "b"))
try:
    secrets.randbelow(0)
except ValueError as e:
    print(e)
