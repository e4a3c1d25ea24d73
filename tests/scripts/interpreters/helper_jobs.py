# Jobs for 006_pool.py, imported by each worker's interpreter.
_state = "not set"


def label(n):
    return f"job {n} in {__name__}"


def setup(value):
    global _state
    _state = value


def read_setup(_):
    return _state


def broken_setup():
    raise RuntimeError("initializer fails")
