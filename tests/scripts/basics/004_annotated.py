x: int = 5
y: list[int] = [1, 2]
name: str
print(x, y)
print(sorted(__annotations__))
print("name" in globals())
def f(a: int, b: "str" = "s") -> bool:
    return True
print(f(1))
print(f.__annotations__["a"] is int, f.__annotations__["b"], f.__annotations__["return"] is bool)
class P:
    x: int
    y: int = 3
print(P.y, sorted(P.__annotations__))
print(hasattr(P, "x"))
