import importlib
m = importlib.import_module("mod_helper")
print(m.CONSTANT)
pkg = importlib.import_module("pkg_demo.core")
print(pkg.add(5, 5))
print(__name__, __file__.endswith("006_importlib_and_dunder.py"))
import sys
print(sys.path[0] != "" or True)
