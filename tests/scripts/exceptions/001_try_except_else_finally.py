def attempt(x):
    try:
        print("try", x)
        r = 10 // x
    except ZeroDivisionError:
        print("except zero")
        return "zero"
    except TypeError as e:
        print("except type:", e)
        return "type"
    else:
        print("else", r)
        return r
    finally:
        print("finally", x)
print(attempt(2))
print(attempt(0))
print(attempt("s"))
try:
    raise KeyError("k")
except (ValueError, KeyError) as e:
    print("tuple except", type(e).__name__, e)
try:
    try:
        raise ValueError("inner")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer caught", e)
try:
    pass
except Exception:
    print("no")
else:
    print("else without exception")
e = "unchanged"
try:
    raise RuntimeError
except RuntimeError as e:
    pass
print("e" in dir())
