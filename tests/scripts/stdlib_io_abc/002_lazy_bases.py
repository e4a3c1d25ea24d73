# The Python-written bases are attributes of io, found by
# from-imports too; an unknown attribute is an AttributeError as usual.
import io

from io import IOBase, RawIOBase

print(IOBase is io.IOBase, RawIOBase is io.RawIOBase, io.TextIOBase.__name__)
print(issubclass(io.BufferedIOBase, io.IOBase), io.IOBase.__module__ in ("io", "_iobase"))
try:
    io.NoSuchThing
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(io, "BufferedIOBase"), hasattr(io, "nothing"))
