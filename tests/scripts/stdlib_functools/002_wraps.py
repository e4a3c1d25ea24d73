from functools import wraps
def logged(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        print("calling", fn.__name__)
        return fn(*args, **kwargs)
    return wrapper
@logged
def greet(name):
    """Say hello."""
    return "hello " + name
print(greet("x"))
print(greet.__name__, greet.__doc__, greet.__wrapped__.__name__)
def plain(fn):
    def wrapper():
        return fn()
    return wrapper
@plain
def other():
    pass
print(other.__name__)
