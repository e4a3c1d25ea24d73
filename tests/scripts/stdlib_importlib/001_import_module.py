# importlib.import_module: absolute and relative names, the module returned
# (not the top package), and the errors for bad names and anchors.
import importlib
import sys


def attempt(*args):
    try:
        mod = importlib.import_module(*args)
        print("ok", mod.__name__)
    except Exception as e:
        print(type(e).__name__, e, getattr(e, "name", "-"))


leaf = importlib.import_module("ipkg.leaf")
print(leaf.__name__, leaf.VALUE, leaf is sys.modules["ipkg.leaf"])
print(importlib.import_module("ipkg") is sys.modules["ipkg"])
attempt(".leaf", "ipkg")
attempt(".", "ipkg")
attempt("..", "ipkg.leaf")
attempt("..leaf", "ipkg.leaf")
attempt("..leaf", "ipkg")
attempt("...x", "a.b")
attempt(".leaf")
attempt(".leaf", "")
attempt(".leaf", None)
attempt(".leaf", 5)
attempt("")
attempt("no_such_module_here")
attempt("ipkg.missing")
attempt("no_such_module_here.sub")
attempt("ipkg.leaf.deeper")
attempt("ipkg.leaf", "ignored.anchor")
attempt(7)
sys.modules["blocked_module"] = None
attempt("blocked_module")
print(importlib.invalidate_caches())
print(importlib.__import__("ipkg.leaf").__name__, importlib.__import__("ipkg.leaf", fromlist=["x"]).__name__)
print(sorted(importlib.__all__))
