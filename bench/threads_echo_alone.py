# Baseline of threads_convoy: the same echo round trips with no CPU-bound
# thread beside them (see lib/echo.py).
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import echo

print(echo.run(spin=False))
