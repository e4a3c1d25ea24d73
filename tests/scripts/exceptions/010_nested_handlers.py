def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise TypeError("one")
    return n
log = []
for n in range(3):
    try:
        try:
            risky(n)
            log.append(f"{n}: ok")
        except ValueError as e:
            log.append(f"{n}: inner ValueError {e}")
            raise RuntimeError("wrapped") from e
        finally:
            log.append(f"{n}: inner finally")
    except RuntimeError as e:
        log.append(f"{n}: outer RuntimeError {e} cause={e.__cause__}")
    except TypeError as e:
        log.append(f"{n}: outer TypeError {e}")
print("\n".join(log))
def handler_raises():
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise ValueError("b")
        except ValueError as e:
            return type(e.__context__).__name__
print(handler_raises())
import sys
try:
    raise ValueError("info")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
print(sys.exc_info())
