# update_wrapper / wraps: which attributes are copied, merged and skipped.
from functools import update_wrapper, wraps, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES

print(WRAPPER_ASSIGNMENTS)
print(WRAPPER_UPDATES)


def original(a: int, b: str = "x") -> str:
    """Original doc."""
    return b * a


original.tag = "kept"
original.__wrapped__ = "overridden"


def wrapper(*args, **kwargs):
    return original(*args, **kwargs)


wrapper.extra = 1
result = update_wrapper(wrapper, original)
print(result is wrapper)
print(wrapper.__name__, wrapper.__qualname__, wrapper.__doc__, wrapper.__module__)
print(wrapper.__annotations__)
print(wrapper.tag, wrapper.extra, wrapper.__wrapped__ is original)
print(wrapper(2, "ab"))


class NoName:
    """Callable object without __name__."""
    def __call__(self):
        return 42


def w2():
    pass


update_wrapper(w2, NoName())
print(w2.__name__, w2.__doc__)


def only_doc():
    """mine"""


update_wrapper(only_doc, original, assigned=("__doc__",), updated=())
print(only_doc.__name__, only_doc.__doc__, hasattr(only_doc, "tag"))


def deco(fn):
    @wraps(fn, assigned=("__name__",))
    def inner():
        "inner doc"
        return fn()
    return inner


@deco
def hello():
    "hello doc"
    return "hi"


print(hello.__name__, hello.__doc__, hello(), hello.__wrapped__.__doc__)


# A wrapper that refuses an attribute makes update_wrapper fail loudly.
try:
    update_wrapper(len, original)
except AttributeError as e:
    print("AttributeError")
