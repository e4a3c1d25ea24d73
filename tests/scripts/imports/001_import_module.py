import mod_helper
print(mod_helper.CONSTANT, mod_helper.greet("x"), mod_helper.Thing(1))
import mod_helper
print("second import does not re-run the body")
import sys
print("mod_helper" in sys.modules, mod_helper.__name__, mod_helper.__doc__)
print(mod_helper.bump(), mod_helper.bump(), mod_helper.counter)
print(type(mod_helper).__name__, mod_helper.__file__.endswith("mod_helper.py"))
