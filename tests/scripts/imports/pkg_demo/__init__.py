print("pkg_demo: __init__ runs")
from .core import add
VERSION = "1.0"
__all__ = ["add", "VERSION"]
