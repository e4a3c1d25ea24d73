from ..core import add
from . import __name__ as parent_name
def leaf_value():
    return add(10, 20)
