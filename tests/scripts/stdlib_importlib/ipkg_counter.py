# Helper for 002_reload: counts how many times its code has run.
import sys
runs = getattr(sys.modules[__name__], "runs", 0) + 1
LIMIT = 3


def over_limit():
    return runs > LIMIT
