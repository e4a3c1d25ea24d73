import pkg_demo
print(pkg_demo.add(1, 2), pkg_demo.VERSION)
from pkg_demo import core
print(core.name(), core.add(3, 4))
import pkg_demo.core
print(pkg_demo.core is core)
from pkg_demo.sub.leaf import leaf_value
print(leaf_value())
import pkg_demo.sub.leaf as leaf
print(leaf.parent_name, leaf.__name__)
import sys
print(sorted(m for m in sys.modules if m.startswith("pkg_demo")))
