# One thread, a circular import: the attribute error names the partially
# initialised module, and `import x` of a module importing itself is fine.
import circ_attr_a
import circ_attr_b

print(circ_attr_b.message)
try:
    circ_attr_a.missing
except AttributeError as exc:
    print(exc)
