# The convoy effect: socketpair echo round trips beside a CPU-bound thread
# (see lib/echo.py); compare --threads divides this time by threads_echo_alone.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import echo

print(echo.run(spin=True))
