import math, sys
import os.path as osp
from math import sqrt as root, pi
print(math.__name__, type(math).__name__, root(49), pi == math.pi)
print(osp.basename("a/b"), sys.modules["math"] is math)
import math as m2
print(m2 is math)
def local_import():
    import json
    return json.dumps([1])
print(local_import())
print(__name__, type(__builtins__).__name__ in ("module", "dict"))
print(hasattr(math, "sqrt"), getattr(math, "nope", None))
