# `-X frozen_modules=off` (compile the stdlib's text instead of running the
# code frozen into the interpreter) gives the same results as the default.
import subprocess
import sys

CODE = r"""
import fractions, json, collections, textwrap, decimal, enum, dataclasses
print(fractions.Fraction(7, 21), json.dumps({"a": [1, 2.5, None]}, sort_keys=True))
print(collections.OrderedDict(b=1, a=2), textwrap.shorten("hello there big world", 12))
print(decimal.Decimal("1.10") + decimal.Decimal("2.205"))
class E(enum.IntFlag):
    A = 1
    B = 2
print(E.A | E.B, int(E.A | E.B))
try:
    fractions.Fraction("nope")
except ValueError as e:
    print("ValueError", e)
"""

outputs = []
for extra in ([], ["-X", "frozen_modules=off"], ["-X", "frozen_modules=on"]):
    p = subprocess.run([sys.executable, *extra, "-c", CODE], capture_output=True, text=True)
    outputs.append((p.returncode, p.stdout, p.stderr))
print(outputs[0][1], end="")
print("returncode", outputs[0][0], "stderr", repr(outputs[0][2]))
print("off agrees:", outputs[1] == outputs[0])
print("on agrees:", outputs[2] == outputs[0])
