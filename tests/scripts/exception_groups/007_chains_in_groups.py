# Members with causes and contexts, and a group that is itself a context.
def member_with_cause():
    try:
        raise KeyError("inner cause")
    except KeyError as k:
        try:
            raise ValueError("member") from k
        except ValueError as v:
            return v


def member_with_context():
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            raise TypeError("member2")
        except TypeError as t:
            return t


try:
    raise ExceptionGroup("with chains", [member_with_cause(), member_with_context()])
except ExceptionGroup as eg:
    raise RuntimeError("after the group")
