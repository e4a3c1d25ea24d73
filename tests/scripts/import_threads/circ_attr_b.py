import circ_attr_a

try:
    circ_attr_a.missing
except AttributeError as exc:
    message = str(exc)
