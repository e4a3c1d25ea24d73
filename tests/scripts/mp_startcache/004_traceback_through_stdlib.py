# An exception raised inside a Python-written stdlib function: its
# traceback (frames, line numbers, source lines, as the interpreter prints
# it) is the same whether the stdlib runs frozen or compiled from its text.
import fractions
import subprocess
import sys
import traceback

try:
    fractions.Fraction("not a number")
except ValueError as e:
    frames = traceback.extract_tb(e.__traceback__)
    print(type(e).__name__, e)
    print("frames:", len(frames) >= 2)
    print("last frame is in fractions:", "fractions" in frames[-1].filename)
    print("first line:", frames[0].line)

CODE = "import fractions\nfractions.Fraction('not a number')\n"
runs = [
    subprocess.run([sys.executable, *extra, "-c", CODE], capture_output=True, text=True)
    for extra in ([], ["-X", "frozen_modules=off"])
]
print("returncodes:", [r.returncode for r in runs])
print("tracebacks agree:", runs[0].stderr == runs[1].stderr)
print("last line:", runs[0].stderr.splitlines()[-1])
