from mod_helper import *
print(CONSTANT, greet("star"))
print("_private" in dir(), "Thing" in dir())
from pkg_demo import *
print(add(2, 3), VERSION)
