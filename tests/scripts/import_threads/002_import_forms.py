# The same guarantee for `from x import y`, __import__ and
# importlib.import_module.
import importlib

import it_driver
import it_gate


def from_import():
    from slow_from import value, answer
    return (value, answer())


def dunder_import():
    m = __import__("slow_dunder")
    return (m.value, m.answer())


def importlib_import():
    m = importlib.import_module("slow_importlib")
    return (m.value, m.answer())


for name, fn in [("slow_from", from_import), ("slow_dunder", dunder_import),
                 ("slow_importlib", importlib_import)]:
    results = it_driver.run(name, fn, count=6)
    print(name, sorted(set(results)), "runs:", it_gate.runs[name])
