# `from PKG import *` follows the package's __all__, including names its
# __getattr__ supplies lazily; the package can be re-imported after removal
# from sys.modules.
import sys

ns = {}
exec("from concurrent.futures import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))

import concurrent.futures as first
del sys.modules["concurrent.futures"]
import concurrent.futures as second
print(first is second, second.Future.__name__, second.__name__)
