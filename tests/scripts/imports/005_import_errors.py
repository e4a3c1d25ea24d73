try:
    import does_not_exist_anywhere
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from pkg_demo import missing_thing
except ImportError as e:
    print("ImportError:", type(e).__name__)
try:
    import mod_raises
except RuntimeError as e:
    print("RuntimeError:", e)
import sys
print("mod_raises" in sys.modules)
import mod_circular_a
print(mod_circular_a.use_b(), mod_circular_a.mod_circular_b.use_a())
