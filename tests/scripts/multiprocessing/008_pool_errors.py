# Errors in pool workers reach the parent with CPython's types and messages.
import multiprocessing as mp
from multiprocessing.pool import MaybeEncodingError, RemoteTraceback


class CustomError(Exception):
    pass


def fail_on_three(x):
    if x == 3:
        raise ValueError("three is bad")
    return x


def raise_custom(x):
    raise CustomError(f"custom {x}")


def unpicklable_result(x):
    return lambda: x


def sleeper(event):
    return event


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        try:
            pool.map(fail_on_three, range(6))
        except ValueError as e:
            cause = e.__cause__
            print("ValueError:", e, type(cause).__name__)
            print("remote traceback names the error:", "ValueError: three is bad" in str(cause))
            print("and the function:", "fail_on_three" in str(cause))
        try:
            pool.apply(raise_custom, (7,))
        except CustomError as e:
            print("CustomError:", e, isinstance(e.__cause__, RemoteTraceback))
        errors = []
        r = pool.apply_async(raise_custom, (1,), error_callback=errors.append)
        r.wait()
        print(r.ready(), r.successful(), [type(x).__name__ for x in errors])
        try:
            r.get()
        except CustomError as e:
            print("get:", e)
        try:
            pool.apply(unpicklable_result, (1,))
        except MaybeEncodingError as e:
            print("MaybeEncodingError:", str(e).startswith("Error sending result: '<function"),
                  "Reason:" in str(e))
        try:
            pool.map(abs, [lambda: 1])
        except Exception as e:
            print(type(e).__name__)
        it = pool.imap(fail_on_three, range(5))
        out = []
        try:
            for x in it:
                out.append(x)
        except ValueError as e:
            print("imap stopped at", out, e)
        pending = pool.apply_async(sum, ([1, 2],))
        print(pending.get(timeout=10))
        lock = mp.Lock()
        try:
            pool.apply(sleeper, (lock,))
        except RuntimeError as e:
            print("RuntimeError:", e)
        import time
        slow = pool.apply_async(time.sleep, (3,))
        try:
            slow.successful()
        except ValueError as e:
            print("ValueError:", str(e).endswith("not ready"))
        try:
            slow.get(timeout=0.01)
        except mp.TimeoutError as e:
            print("TimeoutError", type(e).__module__)
