from mod_helper import greet, CONSTANT as C, Thing
print(greet("y"), C, Thing(2))
import mod_helper as mh
print(mh.CONSTANT, mh is __import__("mod_helper"))
from mod_helper import counter, bump
bump()
print(counter, mh.counter)
try:
    from mod_helper import nonexistent
except ImportError as e:
    print("ImportError:", e)
