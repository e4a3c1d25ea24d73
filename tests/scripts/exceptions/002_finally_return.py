def f():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(f())
def g():
    try:
        return "try"
    finally:
        return "finally wins"
print(g())
def h():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(h())
def loop():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop())
def counter():
    x = 1
    try:
        return x
    finally:
        x = 99
print(counter())
def nested():
    try:
        try:
            return 1
        finally:
            print("inner")
    finally:
        print("outer")
print(nested())
